// /api/dev/elicense: the electronic-business-license app, simulated (simulators on only). The
// portal's page /dev/elicense/:flowId plays the phone that scanned a registration's QR code: it
// lists the companies whose license it can present and authorizes one; the simulator then calls
// the provider callback POST /api/elicense/callback over HTTP, signed, as the real provider would.
import { Router, type Request } from 'express';
import type { Services } from '../../activities/services';
import { maskIdNumber } from '../../domain/masking';
import { ApiError, fieldError, strings } from '../http';

export function devElicenseRoutes(services: Services): Router {
  const router = Router();

  router.get('/holders', async (_req, res) => {
    const holders = await services.elicense.holders();
    res.json({
      items: holders.map((h) => ({ uscc: h.uscc, name: h.name, legalRepName: h.legalRepName, legalRepIdNumberMasked: maskIdNumber(h.legalRepIdNumber) })),
    });
  });

  router.post('/scan', async (req, res) => {
    const { flowId, uscc } = strings(req.body, ['flowId', 'uscc'] as const);
    if (!/^[a-zA-Z]+-[A-Za-z0-9_-]{22}$/.test(flowId)) throw new ApiError(404, 'flow.notFound');
    if (!uscc.trim()) throw fieldError({ uscc: 'required' });
    const authorized = await services.elicense.authorize(flowId, uscc);
    if ('error' in authorized) throw fieldError({ uscc: authorized.error });
    const answer = await fetch(`${localBase(req)}/api/elicense/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': String(req.headers['accept-language'] ?? '') },
      body: JSON.stringify(authorized.callback),
    });
    const body = await answer.json().catch(() => null);
    res.status(answer.status === 202 ? 200 : answer.status).json(answer.status === 202 ? { delivered: true, flowId, uscc: authorized.callback.license.uscc } : body);
  });

  return router;
}

/** This server, reached on the address and port the request came in on. */
function localBase(req: Request): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}
