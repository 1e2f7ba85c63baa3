// /api/elicense: the electronic business license provider's callback (R8). The provider calls it
// after the license holder authorized the scan of a registration flow's QR code; the body is
// signed (activities/adapters/elicense.ts). A verified license becomes the signal licenseScanned
// of the waiting flow, which fills the enterprise and moves to the account step (R8), or proves the
// administrator of a password recovery whose chosen method is elicense (P2).
import { Router } from 'express';
import QRCode from 'qrcode';
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

  // The QR code the portal shows for a flow waiting for a scan: the provider's URL for the flow
  // (in development the phone simulator's page of this portal), drawn by the qrcode library.
  router.get('/qr/:flowId', async (req, res) => {
    const flowId = req.params.flowId;
    if (!FLOW_ID.test(flowId)) throw new ApiError(404, 'flow.notFound');
    const view = await peekFlow(rt, flowId);
    if (!view || (view.type !== 'registration' && view.type !== 'passwordRecovery')) throw new ApiError(404, 'flow.notFound');
    const url = scanUrl(services, `${req.protocol}://${req.get('host')}`, flowId);
    res.json({ url, image: url ? await QRCode.toDataURL(url, QR_OPTIONS) : null });
  });

  return router;
}

/** How the QR image is drawn (tests read the modules back at this scale and margin). */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 5 } as const;

/**
 * What the QR code encodes: ELICENSE_QR_URL with {flowId} replaced (the provider's scan page), or,
 * with simulators on, the phone simulator of this portal; null when there is no provider.
 */
export function scanUrl(services: Services, origin: string, flowId: string): string | null {
  const template = process.env.ELICENSE_QR_URL;
  if (template) return template.replace('{flowId}', encodeURIComponent(flowId));
  return services.simulators ? `${origin}/dev/elicense/${encodeURIComponent(flowId)}` : null;
}
