// /api/flows: the self-service flows of a browser (see docs/api.md).
import { Request, Response, Router } from 'express';
import type { Services } from '../../activities/services';
import { ACCOUNT_FLOWS, FLOW_VARIANTS, FlowType, LOGIN_FLOWS, SELF_SERVICE_FLOWS } from '../../workflows/flowTypes';
import { FlowRuntime, readFlow, startFlow, submitStep } from '../flows';
import { ApiError, checkedParams, clientIp, fieldError, FLOW_ID } from '../http';
import { accountFlowOwner, browserOwner, sessionAccount, startSession } from '../sessions';
import { accountWithEnterprise } from '../../activities/accounts';

export function flowRoutes(services: Services, rt: FlowRuntime, sessionHours: number): Router {
  const router = checkedParams(Router(), { flowId: FLOW_ID }, 'flow.notFound');

  /**
   * Whose flow this is: the browser, or for an account's own flow (ACCOUNT_FLOWS) the logged-in
   * account in this browser — so another account or an anonymous browser gets 404.
   */
  async function ownerOf(req: Request, res: Response, flowId: string): Promise<string> {
    const type = flowId.split('-')[0] as FlowType;
    if (!ACCOUNT_FLOWS.includes(type)) return browserOwner(services, req, res);
    const current = await sessionAccount(services, req);
    if (!current) throw new ApiError(404, 'flow.notFound');
    return accountFlowOwner(services, req, res, current.account.id);
  }

  router.post('/', async (req, res) => {
    const type = req.body?.type as FlowType;
    if (!SELF_SERVICE_FLOWS.includes(type)) throw new ApiError(400, 'badRequest');
    // A variant of the type (registration: enterprise | institution | elicense) goes into the
    // workflow's context; an unknown one is refused rather than ignored.
    const variant = req.body?.variant;
    if (variant !== undefined && !(FLOW_VARIANTS[type] ?? []).includes(variant)) throw new ApiError(400, 'badRequest');
    const view = await startFlow(rt, type, browserOwner(services, req, res), variant === undefined ? {} : { variant: variant as string });
    res.status(201).json(view);
  });

  router.get('/:flowId', async (req, res) => {
    res.json(await readFlow(rt, req.params.flowId, await ownerOf(req, res, req.params.flowId)));
  });

  router.post('/:flowId/steps/:step', async (req, res) => {
    const owner = await ownerOf(req, res, req.params.flowId);
    const view = await submitStep(rt, req.params.flowId, req.params.step, owner, clientIp(req), req.body?.fields);
    // The step that completes a login flow (card: L3, mobile: L4) opens the session; the flow
    // refuses any later step, so this happens once per proven login.
    const login = LOGIN_FLOWS[view.type];
    if (login && view.status === 'completed' && typeof view.data.loginAccountId === 'number') {
      const account = await services.db.models.Account.findByPk(view.data.loginAccountId);
      if (!account || account.status === 'disabled') throw fieldError({ [login.field]: 'login.disabled' });
      const card = login.method === 'card' ? await services.db.models.Card.findOne({ where: { accountId: account.id } }) : null;
      await startSession(services, req, res, 'account', view.data.loginAccountId, sessionHours, { method: login.method, cardId: card?.id ?? null });
      res.json({ ...view, account: await accountWithEnterprise(services, view.data.loginAccountId) });
      return;
    }
    res.json(view);
  });

  return router;
}
