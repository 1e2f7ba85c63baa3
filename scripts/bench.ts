// `npm run bench`: measures the figures the README quotes, on a real Temporal dev server, a real
// SQLite database and the real worker and API (the test harness), from this machine's loopback.
import { performance } from 'node:perf_hooks';
import { harness } from '../test/support/harness';
import { ApiClient } from '../test/support/apiClient';
import { registerAdmin } from '../test/support/journeys';
import { hashPassword, verifyPassword } from '../activities/passwords';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS || 20);
const LOGINS = Number(process.env.BENCH_LOGINS || 40);
const RECOVERIES = Number(process.env.BENCH_RECOVERIES || 15);
const ONLY_RECOVERY = process.env.BENCH_ONLY === 'recovery'; // just the enumeration timing below
const CONCURRENT = Number(process.env.BENCH_CONCURRENT || 16);
const FAILED_ROUNDS = Number(process.env.BENCH_FAILED_ROUNDS || 5);

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (n=${samples.length})`;
}

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  samples.push(performance.now() - t0);
  return result;
}

/**
 * P1 enumeration timing: a wrong SMS code in password recovery for a known username and for an
 * unknown one (a stand-in), interleaved, one fresh flow per sample (a code is sent once per flow).
 */
async function recoveryTiming(baseUrl: string, knownUsername: string) {
  const samples: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
  for (let i = 0; i < RECOVERIES; i++) {
    for (const who of ['known', 'unknown'] as const) {
      const api = new ApiClient(baseUrl);
      const flowId = (await api.post('/api/flows', { type: 'passwordRecovery' })).body.flowId as string;
      await api.step(flowId, 'username', { username: who === 'known' ? knownUsername : `nobody${i}x${Date.now() % 1000}`, ...(await api.captcha()) });
      await api.step(flowId, 'chooseMethod', { method: 'mobile' });
      await api.step(flowId, 'sendSmsCode', await api.captcha());
      await timed(samples[who], () => api.step(flowId, 'verify', { smsCode: '000000' }));
    }
  }
  return samples;
}

async function main() {
  process.env.TEST_DATABASE = process.env.TEST_DATABASE || 'sqlite';
  const h = await harness();
  if (ONLY_RECOVERY) {
    const r = await recoveryTiming(h.baseUrl, (await registerAdmin(new ApiClient(h.baseUrl), h.services)).username);
    console.log(`  recovery wrong code, known username    ${summary(r.known)}`);
    console.log(`  recovery wrong code, unknown username  ${summary(r.unknown)}`);
    await h.close();
    process.exit(0);
  }
  const hashes: number[] = [];
  const stored = await hashPassword('Bench#2026pw');
  for (let i = 0; i < 20; i++) await timed(hashes, () => verifyPassword('Bench#2026pw', stored));

  const registrations: number[] = [];
  const admins = [];
  const started = performance.now();
  for (let i = 0; i < REGISTRATIONS; i++) {
    const api = new ApiClient(h.baseUrl);
    admins.push(await timed(registrations, () => registerAdmin(api, h.services)));
  }
  const registrationWall = (performance.now() - started) / 1000;

  const logins: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    const admin = admins[i % admins.length];
    const api = new ApiClient(h.baseUrl);
    const c = await api.captcha(); // captcha fetch is outside the measured login
    await timed(logins, () => api.post('/api/session/login', { username: admin.username, password: admin.password, ...c }));
  }

  // Failed logins from CONCURRENT clients at once, each from an address of its own (X-Forwarded-For,
  // trusted from loopback): the embedded database's writers and the throttle under contention.
  const failed: number[] = [];
  const failedAnswers: Record<number, number> = {};
  const failedStarted = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT }, async (_, client) => {
    const api = new ApiClient(h.baseUrl);
    for (let i = 0; i < FAILED_ROUNDS; i++) {
      const c = await api.captcha();
      const res = await timed(failed, () => fetch(`${h.baseUrl}/api/session/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${client}.${i + 1}` },
        body: JSON.stringify({ username: `nobody${client}x${i}`, password: 'Wrong#2026pw', ...c }),
      }));
      failedAnswers[res.status] = (failedAnswers[res.status] ?? 0) + 1;
    }
  }));
  const failedWall = (performance.now() - failedStarted) / 1000;

  const steps: number[] = [];
  for (let i = 0; i < 20; i++) {
    const api = new ApiClient(h.baseUrl);
    const flow = await api.post('/api/flows', { type: 'registration' });
    await timed(steps, () => api.step(flow.body.flowId, 'enterprise', { uscc: 'X' })); // rejected in the validator
  }

  const recovery = await recoveryTiming(h.baseUrl, admins[0].username);

  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log('\nbenchmark (API + worker + Temporal dev server + SQLite on one machine, sequential clients)');
  console.log(`  password check (scrypt N=16384)        ${summary(hashes)}`);
  console.log(`  whole registration (7 HTTP calls)      ${summary(registrations)}; ${(REGISTRATIONS / registrationWall).toFixed(1)} registrations/s`);
  console.log(`  login (captcha + password + session)   ${summary(logins)}`);
  console.log(`  rejected step (validator round trip)   ${summary(steps)}`);
  console.log(`  recovery wrong code, known username    ${summary(recovery.known)}`);
  console.log(`  recovery wrong code, unknown username  ${summary(recovery.unknown)}`);
  console.log(`  failed login, ${CONCURRENT} clients at once     ${summary(failed)}; ${(failed.length / failedWall).toFixed(1)} logins/s; answers ${JSON.stringify(failedAnswers)}`);
  console.log(`  resident memory of API + worker        ${rss.toFixed(0)} MiB`);
  await h.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
