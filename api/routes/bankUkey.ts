// /api/bank-ukey (U2): the banks' callback after an enterprise signed in with its online-banking
// UKey for a username-recovery flow (signed; see activities/adapters/bankUkey.ts), and, with the
// simulators on (development, loopback clients only), the simulated banks: POST /api/bank-ukey/dev/authorize { flowId, bank, uscc }
// plays the bank's page and posts the signed callback to this server over HTTP, as a bank would.
import { Router, type Request } from 'express';
import type { Services } from '../../activities/services';
import { BANKS, Bank, SimulatedBankUkey } from '../../activities/adapters/bankUkey';
import { BANK_VERIFIED } from '../../workflows/flowTypes';
import { FlowRuntime, peekFlow, signalFlow } from '../flows';
import { ApiError, fieldError, strings } from '../http';
import { devOnly } from '../devOnly';

const FLOW_ID = /^usernameRecovery-[A-Za-z0-9_-]{22}$/;

export function bankUkeyRoutes(services: Services, rt: FlowRuntime): Router {
  const router = Router();
  const banks = new SimulatedBankUkey(services.db, services.keys);

  router.post('/callback', async (req, res) => {
    const verified = banks.verifyCallback(req.body);
    if (!verified.ok) throw new ApiError(403, verified.code);
    const { flowId, bank, uscc, name } = verified.callback;
    if (!FLOW_ID.test(flowId)) throw new ApiError(404, 'flow.notFound');
    const view = await peekFlow(rt, flowId);
    if (!view || view.type !== 'usernameRecovery') throw new ApiError(404, 'flow.notFound');
    if (view.status !== 'active' || view.step !== 'bank' || view.data.bank !== bank) throw new ApiError(409, 'bank.notWaiting');
    await signalFlow(rt, flowId, BANK_VERIFIED, { flowId, bank, uscc, name });
    res.status(202).json({ accepted: true });
  });

  if (services.simulators) {
    router.post('/dev/authorize', devOnly(services.simulators), async (req, res) => {
      const { flowId, bank, uscc } = strings(req.body, ['flowId', 'bank', 'uscc'] as const);
      if (!FLOW_ID.test(flowId)) throw new ApiError(404, 'flow.notFound');
      if (!(BANKS as readonly string[]).includes(bank)) throw fieldError({ bank: 'required' });
      const authorized = await banks.authorize(flowId, bank as Bank, uscc);
      if ('error' in authorized) throw fieldError({ uscc: authorized.error });
      const answer = await fetch(`${localBase(req)}/api/bank-ukey/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': String(req.headers['accept-language'] ?? '') },
        body: JSON.stringify(authorized.callback),
      });
      const body = await answer.json().catch(() => null);
      res.status(answer.status === 202 ? 200 : answer.status).json(answer.status === 202 ? { delivered: true } : body);
    });
  }

  return router;
}

function localBase(req: Request): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}
