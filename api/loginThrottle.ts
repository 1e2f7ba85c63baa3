// Brute-force protection for password logins (and the secrets checked like one: mobile login
// codes, the old password of a password change), per account name and per client address.
// - Per account name: consecutive failures. Waits grow with them, a success resets them, and the
//   name is locked for good at a hard cap (NIST SP 800-63B allows at most 100) until its password
//   is reset.
// - Per client address: the failures of the last ADDRESS_WINDOW_S (a sliding window, kept as
//   their times in the address's row). A success does not reset it (an attacker would log into an
//   account of its own to do so); old failures leave the window by themselves.
// An attempt is counted as a failure BEFORE the secret is checked (reserveAttempt, in one
// transaction holding both rows) and forgiven when the secret proves right (forgiveAttempt), so
// parallel guesses can never be checked beyond the limit. Figures in the README.
import { keyedHash } from '../db/pii';
import type { ThrottleAttrs } from '../db/models';
import type { Transaction } from 'sequelize';
import type { Services } from '../activities/services';

export const ACCOUNT_FREE_FAILURES = 5; // failures before the first wait
export const ACCOUNT_BASE_WAIT_S = 30; // first wait, doubled per further failure
export const ACCOUNT_MAX_WAIT_S = 15 * 60;
export const ACCOUNT_HARD_CAP = 50; // then locked until password recovery
export const ADDRESS_FREE_FAILURES = 20; // failures inside the window before the first wait
export const ADDRESS_BASE_WAIT_S = 60;
export const ADDRESS_MAX_WAIT_S = 60 * 60;
export const ADDRESS_WINDOW_S = 60 * 60; // a failure counts for this long

type Refusal = { ok: false; code: 'login.throttled' | 'login.locked'; retryAfterSeconds: number };
type Verdict = { ok: true } | Refusal;

/** A reserved attempt: already counted as a failure; `ifFailed` is the answer if it is one. */
export interface Attempt {
  ok: true;
  usernameKey: string;
  ip: string;
  at: number; // the failure time reserved in the address's window
  ifFailed: Verdict;
}

type ThrottleState = Pick<ThrottleAttrs, 'failures' | 'lockedUntil' | 'failureTimes'>;

const keysFor = (services: Services, usernameKey: string, ip: string) => ({
  account: `login-user:${keyedHash(services.keys, 'login-user', usernameKey)}`.slice(0, 120),
  address: `login-ip:${ip}`.slice(0, 120),
});

function waitSeconds(failures: number, free: number, base: number, max: number): number {
  if (failures < free) return 0;
  return Math.min(max, base * 2 ** (failures - free));
}

/** The address's failure times still inside the window, oldest first. */
export function windowTimes(row: ThrottleState | undefined, now: number): number[] {
  let times: unknown = [];
  try {
    times = JSON.parse(row?.failureTimes || '[]');
  } catch {
    times = [];
  }
  if (!Array.isArray(times)) return [];
  return times.filter((t): t is number => typeof t === 'number' && t > now - ADDRESS_WINDOW_S * 1000).sort((a, b) => a - b);
}

const throttled = (untilMs: number, now: number): Verdict =>
  untilMs > now ? { ok: false, code: 'login.throttled', retryAfterSeconds: Math.ceil((untilMs - now) / 1000) } : { ok: true };

function accountGate(row: ThrottleState | undefined, now: number): Verdict {
  if (!row) return { ok: true };
  if (row.failures >= ACCOUNT_HARD_CAP) return { ok: false, code: 'login.locked', retryAfterSeconds: 0 };
  return throttled(row.lockedUntil?.getTime() ?? 0, now);
}

/** The address waits after its newest failure once the window holds the free number. */
function addressGate(times: number[], now: number): Verdict {
  const wait = waitSeconds(times.length, ADDRESS_FREE_FAILURES, ADDRESS_BASE_WAIT_S, ADDRESS_MAX_WAIT_S);
  return wait ? throttled(times[times.length - 1] + wait * 1000, now) : { ok: true };
}

/** The stricter of two verdicts: a lock first, then the longer wait. */
function stricter(a: Verdict, b: Verdict): Verdict {
  if (a.ok) return b;
  if (b.ok || a.code === 'login.locked') return a;
  if (b.code === 'login.locked') return b;
  return a.retryAfterSeconds >= b.retryAfterSeconds ? a : b;
}

/** A quick look before the captcha is spent; reserveAttempt decides. */
export async function checkThrottle(services: Services, usernameKey: string, ip: string): Promise<Verdict> {
  const { Throttle } = services.db.models;
  const keys = keysFor(services, usernameKey, ip);
  const rows = await Throttle.findAll({ where: { key: [keys.account, keys.address] } });
  const now = Date.now();
  const row = (key: string) => rows.find((r) => r.key === key);
  return stricter(accountGate(row(keys.account), now), addressGate(windowTimes(row(keys.address), now), now));
}

/**
 * Runs `change` on both rows of an attempt inside one transaction that holds them (row locks on
 * MySQL/MariaDB; SQLite's transactions write one at a time), so concurrent attempts see each
 * other's counts.
 */
async function withRows<T>(services: Services, usernameKey: string, ip: string, change: (account: ThrottleRow, address: ThrottleRow, now: number, transaction: Transaction) => Promise<T>): Promise<T> {
  const { Throttle } = services.db.models;
  const keys = keysFor(services, usernameKey, ip);
  for (let tries = 0; ; tries++) {
    // Made outside the transaction: an INSERT IGNORE inside would share-lock an existing row, and
    // two attempts upgrading that lock deadlock on MySQL.
    await Throttle.bulkCreate([keys.account, keys.address].map((key) => ({ key, failures: 0, lockedUntil: null })), { ignoreDuplicates: true });
    const result = await services.db.sequelize.transaction(async (transaction) => {
      const rows = await Throttle.findAll({ where: { key: [keys.account, keys.address] }, order: [['key', 'ASC']], lock: true, transaction });
      const account = rows.find((r) => r.key === keys.account);
      const address = rows.find((r) => r.key === keys.address);
      if (!account || !address) return undefined; // cleared meanwhile: make them again
      return { value: await change(account, address, Date.now(), transaction) };
    });
    if (result) return result.value;
    if (tries >= 3) throw new Error('login throttle rows keep disappearing');
  }
}

type ThrottleRow = InstanceType<Services['db']['models']['Throttle']>;

/** Counts one failure on both rows; the verdict for the answer. */
async function countFailure(account: ThrottleRow, address: ThrottleRow, now: number, transaction: Transaction): Promise<Verdict> {
  const failures = account.failures + 1;
  const accountWait = waitSeconds(failures, ACCOUNT_FREE_FAILURES, ACCOUNT_BASE_WAIT_S, ACCOUNT_MAX_WAIT_S);
  await account.update({ failures, lockedUntil: accountWait ? new Date(now + accountWait * 1000) : null }, { transaction });
  const times = [...windowTimes(address, now), now];
  await address.update({ failures: times.length, failureTimes: JSON.stringify(times) }, { transaction });
  if (failures >= ACCOUNT_HARD_CAP) return { ok: false, code: 'login.locked', retryAfterSeconds: 0 };
  return stricter(accountWait ? throttled(now + accountWait * 1000, now) : { ok: true }, addressGate(times, now));
}

/**
 * Reserves an attempt at a secret: refused while the account name or the address must wait, else
 * counted as a failure at once. Call forgiveAttempt when the secret proves right.
 */
export async function reserveAttempt(services: Services, usernameKey: string, ip: string): Promise<Attempt | Refusal> {
  return withRows(services, usernameKey, ip, async (account, address, now, transaction) => {
    const gate = stricter(accountGate(account, now), addressGate(windowTimes(address, now), now));
    if (!gate.ok) return gate;
    const ifFailed = await countFailure(account, address, now, transaction);
    return { ok: true, usernameKey, ip, at: now, ifFailed };
  });
}

/** The secret was right: the account name's count starts again; the address keeps its other failures. */
export async function forgiveAttempt(services: Services, attempt: Attempt): Promise<void> {
  await withRows(services, attempt.usernameKey, attempt.ip, async (account, address, now, transaction) => {
    await account.destroy({ transaction }); // its count starts again
    const times = windowTimes(address, now);
    const mine = times.indexOf(attempt.at);
    if (mine >= 0) times.splice(mine, 1);
    await address.update({ failures: times.length, failureTimes: JSON.stringify(times) }, { transaction });
  });
}

/** Counts a failure without a reservation (prefer reserveAttempt: it cannot be raced). */
export async function recordFailure(services: Services, usernameKey: string, ip: string): Promise<Verdict> {
  return withRows(services, usernameKey, ip, countFailure);
}

/** A success without a reservation: the account name's count starts again. */
export async function recordSuccess(services: Services, usernameKey: string, ip: string): Promise<void> {
  await services.db.models.Throttle.destroy({ where: { key: keysFor(services, usernameKey, ip).account } });
}

/** Lifts the per-account wait and lock of an account name: after its password was reset. */
export async function clearAccountThrottle(services: Services, usernameKey: string): Promise<void> {
  await services.db.models.Throttle.destroy({ where: { key: keysFor(services, usernameKey, '').account } });
}
