// Brute-force protection for password logins, per account name and per client address.
// Waits grow with consecutive failures; an account name is locked for good after a hard cap
// (NIST SP 800-63B allows at most 100) until its password is reset. Figures in the README.
import { keyedHash } from '../db/pii';
import type { Services } from '../activities/services';

export const ACCOUNT_FREE_FAILURES = 5; // failures before the first wait
export const ACCOUNT_BASE_WAIT_S = 30; // first wait, doubled per further failure
export const ACCOUNT_MAX_WAIT_S = 15 * 60;
export const ACCOUNT_HARD_CAP = 50; // then locked until password recovery
export const ADDRESS_FREE_FAILURES = 20;
export const ADDRESS_BASE_WAIT_S = 60;
export const ADDRESS_MAX_WAIT_S = 60 * 60;

type Verdict = { ok: true } | { ok: false; code: 'login.throttled' | 'login.locked'; retryAfterSeconds: number };

const keysFor = (services: Services, usernameKey: string, ip: string) => ({
  account: `login-user:${keyedHash(services.keys, 'login-user', usernameKey)}`.slice(0, 120),
  address: `login-ip:${ip}`.slice(0, 120),
});

export async function checkThrottle(services: Services, usernameKey: string, ip: string): Promise<Verdict> {
  const { Throttle } = services.db.models;
  const keys = keysFor(services, usernameKey, ip);
  const rows = await Throttle.findAll({ where: { key: [keys.account, keys.address] } });
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    if (row.key === keys.account && row.failures >= ACCOUNT_HARD_CAP) return { ok: false, code: 'login.locked', retryAfterSeconds: 0 };
    if (row.lockedUntil && row.lockedUntil.getTime() > now) wait = Math.max(wait, Math.ceil((row.lockedUntil.getTime() - now) / 1000));
  }
  return wait > 0 ? { ok: false, code: 'login.throttled', retryAfterSeconds: wait } : { ok: true };
}

function waitSeconds(failures: number, free: number, base: number, max: number): number {
  if (failures < free) return 0;
  return Math.min(max, base * 2 ** (failures - free));
}

export async function recordFailure(services: Services, usernameKey: string, ip: string): Promise<Verdict> {
  const { Throttle } = services.db.models;
  const keys = keysFor(services, usernameKey, ip);
  const rules = [
    { key: keys.account, free: ACCOUNT_FREE_FAILURES, base: ACCOUNT_BASE_WAIT_S, max: ACCOUNT_MAX_WAIT_S },
    { key: keys.address, free: ADDRESS_FREE_FAILURES, base: ADDRESS_BASE_WAIT_S, max: ADDRESS_MAX_WAIT_S },
  ];
  let verdict: Verdict = { ok: true };
  for (const rule of rules) {
    const [row] = await Throttle.findOrCreate({ where: { key: rule.key }, defaults: { key: rule.key, failures: 0, lockedUntil: null } });
    await row.increment('failures');
    await row.reload();
    const wait = waitSeconds(row.failures, rule.free, rule.base, rule.max);
    await row.update({ lockedUntil: wait ? new Date(Date.now() + wait * 1000) : null });
    if (rule.key === keys.account && row.failures >= ACCOUNT_HARD_CAP) verdict = { ok: false, code: 'login.locked', retryAfterSeconds: 0 };
    else if (wait && verdict.ok) verdict = { ok: false, code: 'login.throttled', retryAfterSeconds: wait };
  }
  return verdict;
}

export async function recordSuccess(services: Services, usernameKey: string, ip: string): Promise<void> {
  await services.db.models.Throttle.destroy({ where: { key: keysFor(services, usernameKey, ip).account } });
}

/** Lifts the per-account wait and lock of an account name: after its password was reset. */
export async function clearAccountThrottle(services: Services, usernameKey: string): Promise<void> {
  await services.db.models.Throttle.destroy({ where: { key: keysFor(services, usernameKey, '').account } });
}
