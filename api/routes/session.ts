// /api/session: password login (L1) with captcha and brute-force limits, logout (L5).
// An operator still on the default password is sent into the firstLogin flow (L2) instead.
import { Router } from 'express';
import { verifyCaptcha } from '../../activities/captcha';
import { accountWithEnterprise, recordLogin } from '../../activities/accounts';
import { recordAudit } from '../../activities/audit';
import { burnPasswordCheck, verifyPassword } from '../../activities/passwords';
import type { Services } from '../../activities/services';
import { FlowRuntime, startFlow } from '../flows';
import { ApiError, clientIp, fieldError, strings } from '../http';
import { checkThrottle, forgiveAttempt, reserveAttempt } from '../loginThrottle';
import { browserOwner, endSession, requireAccount, sessionAccount, startSession } from '../sessions';

export function sessionRoutes(services: Services, rt: FlowRuntime, sessionHours: number): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const f = strings(req.body, ['username', 'password', 'captchaId', 'captcha'] as const);
    const missing = Object.fromEntries(
      (['username', 'password', 'captcha'] as const).filter((k) => !f[k].trim()).map((k) => [k, 'required']),
    );
    if (Object.keys(missing).length) throw fieldError(missing);
    const ip = clientIp(req);
    const usernameKey = f.username.trim().toLowerCase();

    const gate = await checkThrottle(services, usernameKey, ip);
    if (!gate.ok) throw new ApiError(429, gate.code, { password: gate.code }, { retryAfterSeconds: gate.retryAfterSeconds });
    const captcha = await verifyCaptcha(services, f.captchaId, f.captcha);
    if (captcha) throw fieldError({ captcha });
    // Counted as a failure before the password is checked, forgiven if it is right.
    const attempt = await reserveAttempt(services, usernameKey, ip);
    if (!attempt.ok) throw new ApiError(429, attempt.code, { password: attempt.code }, { retryAfterSeconds: attempt.retryAfterSeconds });

    const account = await services.db.models.Account.findOne({ where: { usernameKey } });
    const ok = account ? await verifyPassword(f.password, account.passwordHash) : await burnPasswordCheck(f.password);
    // A not yet activated account (card-created, or taken over by a legal-person card) has no
    // password: the same generic answer as a wrong one, so its name cannot be probed (A4).
    if (!account || !ok || account.status === 'inactive') {
      const verdict = attempt.ifFailed;
      await recordAudit(services, {
        actorType: 'anonymous', actorId: '', actorName: f.username.slice(0, 40), action: 'login.failed',
        entityType: 'account', entityId: account?.id ?? '', ip,
      });
      if (!verdict.ok) throw new ApiError(429, verdict.code, { password: verdict.code }, { retryAfterSeconds: verdict.retryAfterSeconds });
      throw fieldError({ password: 'login.failed' });
    }
    await forgiveAttempt(services, attempt);
    if (account.status === 'disabled') throw fieldError({ username: 'login.disabled' });

    if (account.mustChangePassword) {
      const view = await startFlow(rt, 'firstLogin', browserOwner(services, req, res), {
        accountId: account.id,
        username: account.username,
        mobile: account.mobile,
      }, account.username);
      res.json({ next: 'firstLogin', flowId: view.flowId });
      return;
    }

    await startSession(services, req, res, 'account', account.id, sessionHours);
    await recordLogin(account);
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'login.succeeded',
      entityType: 'account', entityId: account.id, ip,
    });
    res.json({ account: await accountWithEnterprise(services, account.id) });
  });

  router.post('/logout', async (req, res) => {
    await endSession(services, req, res, 'account');
    res.status(204).end();
  });

  // The logged-out pages ask whether someone is logged in without an error answer (no 401 in
  // the browser's console on every visit); 200 with account null when nobody is.
  router.get('/status', async (req, res) => {
    const current = await sessionAccount(services, req);
    res.set('Cache-Control', 'no-store');
    res.json({ account: current ? await accountWithEnterprise(services, current.account.id) : null });
  });

  router.get('/', requireAccount(services), async (req, res) => {
    res.json({ account: await accountWithEnterprise(services, req.account!.id) });
  });

  return router;
}
