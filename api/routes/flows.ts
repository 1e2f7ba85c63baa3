// /api/flows: the self-service flows of a browser (see docs/api.md).
import { Router } from 'express';
import type { Services } from '../../activities/services';
import { FlowType, SELF_SERVICE_FLOWS } from '../../workflows/flowTypes';
import { FlowRuntime, readFlow, startFlow, submitStep } from '../flows';
import { ApiError, clientIp, fieldError } from '../http';
import { browserOwner, startSession } from '../sessions';
import { accountWithEnterprise } from '../../activities/accounts';

const FLOW_ID = /^[a-zA-Z]+-[A-Za-z0-9_-]{22}$/;

export function flowRoutes(services: Services, rt: FlowRuntime, sessionHours: number): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const type = req.body?.type as FlowType;
    if (!SELF_SERVICE_FLOWS.includes(type)) throw new ApiError(400, 'badRequest');
    const view = await startFlow(rt, type, browserOwner(services, req, res), {});
    res.status(201).json(view);
  });

  router.get('/:flowId', async (req, res) => {
    if (!FLOW_ID.test(req.params.flowId)) throw new ApiError(404, 'flow.notFound');
    res.json(await readFlow(rt, req.params.flowId, browserOwner(services, req, res)));
  });

  router.post('/:flowId/steps/:step', async (req, res) => {
    if (!FLOW_ID.test(req.params.flowId)) throw new ApiError(404, 'flow.notFound');
    const owner = browserOwner(services, req, res);
    const view = await submitStep(rt, req.params.flowId, req.params.step, owner, clientIp(req), req.body?.fields);
    // The step that completes a card login opens the session; the flow refuses any later step,
    // so this happens once per proven card presentation.
    if (view.type === 'cardLogin' && view.status === 'completed' && typeof view.data.loginAccountId === 'number') {
      const account = await services.db.models.Account.findByPk(view.data.loginAccountId);
      if (!account || account.status === 'disabled') throw fieldError({ card: 'login.disabled' });
      const card = await services.db.models.Card.findOne({ where: { accountId: account.id } });
      await startSession(services, req, res, 'account', view.data.loginAccountId, sessionHours, { method: 'card', cardId: card?.id ?? null });
      res.json({ ...view, account: await accountWithEnterprise(services, view.data.loginAccountId) });
      return;
    }
    res.json(view);
  });

  return router;
}
