// /api/elicense: the electronic business license provider's callback (R8). The provider calls it
// after the license holder authorized the scan of a registration flow's QR code; the body is
// signed (activities/adapters/elicense.ts). A verified license becomes the signal licenseScanned
// of the waiting flow, which fills the enterprise and moves to the account step (R8), or proves the
// administrator of a password recovery whose chosen method is elicense (P2).
import { Router } from 'express';
import type { Services } from '../../activities/services';
import { LICENSE_SCANNED } from '../../workflows/flowTypes';
import { FlowRuntime, peekFlow, signalFlow } from '../flows';
import { ApiError } from '../http';

const FLOW_ID = /^(registration|passwordRecovery)-[A-Za-z0-9_-]{22}$/;

export function elicenseRoutes(services: Services, rt: FlowRuntime): Router {
  const router = Router();

  router.post('/callback', async (req, res) => {
    const verified = services.elicense.verifyCallback(req.body);
    if (!verified.ok) throw new ApiError(403, verified.code);
    const { flowId, license } = verified.callback;
    if (!FLOW_ID.test(flowId)) throw new ApiError(404, 'flow.notFound');
    const view = await peekFlow(rt, flowId);
    if (!view || (view.type !== 'registration' && view.type !== 'passwordRecovery')) throw new ApiError(404, 'flow.notFound');
    const waiting = view.type === 'registration' ? view.step === 'elicense' : view.step === 'verify' && view.data.method === 'elicense';
    if (view.status !== 'active' || !waiting) throw new ApiError(409, 'elicense.notWaiting');
    await signalFlow(rt, flowId, LICENSE_SCANNED, { flowId, license });
    res.status(202).json({ accepted: true });
  });

  return router;
}
