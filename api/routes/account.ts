// /api/account: the logged-in account's own view (A1) and password change (A3).
import { Router } from 'express';
import { accountWithEnterprise, activateAccount, changePassword } from '../../activities/accounts';
import { hashPassword, verifyPassword } from '../../activities/passwords';
import type { Services } from '../../activities/services';
import { accountCenterView } from '../../activities/accountCenter';
import { validatePasswordPair } from '../../domain/forms';
import { ApiError, clientIp, fieldError, strings } from '../http';
import { forgiveAttempt, reserveAttempt } from '../loginThrottle';
import { endSession, requireAccount } from '../sessions';

export function accountRoutes(services: Services): Router {
  const router = Router();
  router.use(requireAccount(services));

  // A1: what the account's type shows (account, enterprise, overseas profile, capabilities).
  router.get('/', async (req, res) => {
    res.json(await accountCenterView(services, req.account!.id));
  });

  router.post('/password', async (req, res) => {
    const f = strings(req.body, ['oldPassword', 'password', 'confirmPassword'] as const);
    const errors = validatePasswordPair(f.password, f.confirmPassword);
    if (!f.oldPassword) errors.oldPassword = 'required';
    else if (f.oldPassword === f.password && !errors.password) errors.password = 'password.sameAsOld';
    if (Object.keys(errors).length) throw fieldError(errors);
    // Guessing the old password from a stolen session is throttled like a login.
    const throttleKey = `password-change:${req.account!.id}`;
    const attempt = await reserveAttempt(services, throttleKey, clientIp(req)); // a failure until it proves right
    if (!attempt.ok) throw new ApiError(429, attempt.code, { oldPassword: attempt.code }, { retryAfterSeconds: attempt.retryAfterSeconds });
    if (!(await verifyPassword(f.oldPassword, req.account!.passwordHash))) {
      const verdict = attempt.ifFailed;
      if (!verdict.ok) throw new ApiError(429, verdict.code, { oldPassword: verdict.code }, { retryAfterSeconds: verdict.retryAfterSeconds });
      throw fieldError({ oldPassword: 'password.oldWrong' });
    }
    await forgiveAttempt(services, attempt);
    await changePassword(services, { accountId: req.account!.id, newPasswordHash: await hashPassword(f.password), ip: clientIp(req) });
    await endSession(services, req, res, 'account');
    res.status(204).end();
  });

  // A4: a card-created account gets its password after a card login, and is active from then on.
  router.post('/activate', async (req, res) => {
    const account = req.account!;
    if (account.status !== 'inactive') throw new ApiError(409, 'account.notInactive');
    if (req.portalSession!.method !== 'card') throw new ApiError(403, 'account.activationNeedsCard');
    const f = strings(req.body, ['password', 'confirmPassword'] as const);
    const errors = validatePasswordPair(f.password, f.confirmPassword);
    if (Object.keys(errors).length) throw fieldError(errors);
    await activateAccount(services, { accountId: account.id, passwordHash: await hashPassword(f.password), keepSession: req.portalSession!.id, ip: clientIp(req) });
    res.json(await accountWithEnterprise(services, account.id));
  });

  return router;
}
