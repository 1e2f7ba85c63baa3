// L4 mobile-number login: an SMS code to a mobile whose account has turned mobile login on
// (A5). The answers never tell whether such an account exists: a code is made either way and
// only sent when it does, and every failure is throttled like a password login (per mobile and
// per client address, the same figures).
import { forgiveAttempt, reserveAttempt } from '../api/loginThrottle';
import { maskMobile } from '../domain/masking';
import { recordLogin } from './accounts';
import { recordAudit } from './audit';
import { checkCode, issueCode, IssueCodeInput } from './codes';
import type { Services } from './services';

export const MOBILE_LOGIN_PURPOSE = 'mobileLogin';

/** The throttle's account key for a mobile (its own namespace beside usernames). */
const throttleKey = (mobile: string) => `mobile:${mobile}`;

async function loginAccount(services: Services, mobile: string) {
  return services.db.models.Account.findOne({ where: { mobileLoginKey: mobile, status: 'active' } });
}

/** Issues the login code; it is delivered only when an account logs in with this mobile. */
export async function issueMobileLoginCode(services: Services, input: IssueCodeInput): Promise<void> {
  const account = await loginAccount(services, input.target);
  await issueCode(services, { ...input, purpose: MOBILE_LOGIN_PURPOSE, channel: 'sms', deliver: account !== null });
}

/** The account a right code logs in, or the field error (the same for a missing account). */
export async function checkMobileLogin(
  services: Services,
  input: { flowId: string; mobile: string; code: string; ip: string },
): Promise<{ accountId: number } | { error: string }> {
  const key = throttleKey(input.mobile);
  // Counted as a failure before the code is checked, forgiven if it is right.
  const attempt = await reserveAttempt(services, key, input.ip);
  if (!attempt.ok) return { error: attempt.code };
  const account = await loginAccount(services, input.mobile);
  const wrong = await checkCode(services, { subject: input.flowId, purpose: MOBILE_LOGIN_PURPOSE, target: input.mobile, code: input.code });
  if (wrong || !account) {
    const verdict = attempt.ifFailed;
    await recordAudit(services, {
      actorType: 'anonymous', actorId: '', actorName: maskMobile(input.mobile), action: 'login.failed',
      entityType: 'account', entityId: account?.id ?? '', details: { method: 'mobile' }, ip: input.ip, flowId: input.flowId,
    });
    return { error: verdict.ok ? wrong ?? 'sms.wrong' : verdict.code };
  }
  await forgiveAttempt(services, attempt);
  await recordLogin(account);
  await recordAudit(services, {
    actorType: 'account', actorId: account.id, actorName: account.username, action: 'login.succeeded',
    entityType: 'account', entityId: account.id, details: { method: 'mobile' }, ip: input.ip, flowId: input.flowId,
  });
  return { accountId: account.id };
}
