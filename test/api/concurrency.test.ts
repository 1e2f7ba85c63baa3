// Concurrency (issue 8 items 1 and 12): parallel logins and activities on the default database
// without errors, login throttle counters exact under parallel guesses, and the per-address
// failure count that decays (a sliding window) and that a success does not reset.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { keyedHash } from '../../db/pii';
import { ADDRESS_FREE_FAILURES, ADDRESS_WINDOW_S, ACCOUNT_FREE_FAILURES } from '../../api/loginThrottle';
import { harness, Harness } from '../support/harness';
import { ApiClient, Reply } from '../support/apiClient';
import { registryEnterprise, uniqueUsername } from '../support/fixtures';
import { registerAdmin } from '../support/journeys';
import { makeCard, presentCard } from '../support/cards';

describe('concurrency: parallel logins, exact throttle counters, activities in parallel (API)', function () {
  this.timeout(120_000);
  let h: Harness;
  let api: ApiClient;
  let net = 0;
  before(async () => {
    h = await harness();
    api = new ApiClient(h.baseUrl);
  });

  /** A client address of its own (the API trusts X-Forwarded-For from loopback only, as behind a proxy). */
  const address = () => `198.51.${Math.floor(++net / 250) + 100}.${(net % 250) + 1}`;

  /** A password login from `ip`, with a solved captcha (fetched without the forwarded address). */
  async function loginFrom(ip: string, username: string, password: string): Promise<Reply> {
    const captcha = await api.captcha();
    const res = await fetch(`${h.baseUrl}/api/session/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password, ...captcha }),
    });
    const text = await res.text();
    let body: any = text;
    try { body = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body, headers: res.headers };
  }

  const answer = (res: Reply) => `${res.status} ${res.body?.error?.fields?.password?.code ?? res.body?.error?.code ?? ''}`.trim();
  const tally = (answers: string[]) => answers.reduce<Record<string, number>>((t, a) => ({ ...t, [a]: (t[a] ?? 0) + 1 }), {});
  const accountRow = (username: string) =>
    h.db.models.Throttle.findByPk(`login-user:${keyedHash(h.services.keys, 'login-user', username.toLowerCase())}`);
  const addressRow = (ip: string) => h.db.models.Throttle.findByPk(`login-ip:${ip}`);
  const failedAudits = (usernames: string[]) => h.db.models.AuditEvent.count({ where: { action: 'login.failed', actorName: { [Op.in]: usernames } } });

  it('answers 24 parallel failed logins from distinct addresses with the generic 422, never a 500, each counted once', async () => {
    const admin = await registerAdmin(api, h.services);
    const tries = Array.from({ length: 24 }, (_, i) => ({ ip: address(), username: i % 2 ? uniqueUsername('ghost') : admin.username }));
    // At most the account's free failures go to the real account, so no wait applies.
    for (const t of tries.filter((x) => x.username === admin.username).slice(ACCOUNT_FREE_FAILURES - 1)) t.username = uniqueUsername('ghost');
    const answers = await Promise.all(tries.map((t) => loginFrom(t.ip, t.username, 'Wrong#2026pw').then(answer)));
    expect(tally(answers)).to.deep.equal({ '422 login.failed': 24 });
    for (const t of tries) expect((await addressRow(t.ip))?.failures, `failures of ${t.ip}`).to.equal(1);
    expect((await accountRow(admin.username))?.failures, 'no lost increment').to.equal(ACCOUNT_FREE_FAILURES - 1);
  });

  it('checks no more than the free number of parallel guesses at one account; the right password sent with later guesses is refused', async () => {
    const admin = await registerAdmin(api, h.services);
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => loginFrom(address(), admin.username, `Wrong#2026g${i}`).then(answer)));
    // Five guesses are checked (the fifth starts the wait and says so), the other seven refused unchecked.
    expect(tally(guesses)).to.deep.equal({ '422 login.failed': ACCOUNT_FREE_FAILURES - 1, '429 login.throttled': 12 - ACCOUNT_FREE_FAILURES + 1 });
    expect(await failedAudits([admin.username]), 'passwords checked').to.equal(ACCOUNT_FREE_FAILURES);
    expect((await accountRow(admin.username))?.failures, 'the counter: every checked guess, exactly').to.equal(ACCOUNT_FREE_FAILURES);

    const client = new ApiClient(h.baseUrl);
    const [right, ...wrong] = await Promise.all([
      client.login(admin.username, admin.password),
      ...Array.from({ length: 6 }, (_, i) => loginFrom(address(), admin.username, `Wrong#2026h${i}`)),
    ]);
    expect(answer(right)).to.equal('429 login.throttled');
    expect(tally(wrong.map(answer))).to.deep.equal({ '429 login.throttled': 6 });
    expect((await client.get('/api/session')).status, 'no session').to.equal(401);
    expect((await accountRow(admin.username))?.failures).to.equal(ACCOUNT_FREE_FAILURES);
    expect(await failedAudits([admin.username])).to.equal(ACCOUNT_FREE_FAILURES);
  });

  it('counts parallel failures from one address exactly: the free number are checked, the rest wait', async () => {
    const ip = address();
    const names = Array.from({ length: ADDRESS_FREE_FAILURES + 6 }, () => uniqueUsername('ghost'));
    const answers = await Promise.all(names.map((n) => loginFrom(ip, n, 'Wrong#2026pw').then(answer)));
    expect(tally(answers)).to.deep.equal({ '422 login.failed': ADDRESS_FREE_FAILURES - 1, '429 login.throttled': 7 });
    expect(await failedAudits(names), 'passwords checked').to.equal(ADDRESS_FREE_FAILURES);
    expect((await addressRow(ip))?.failures).to.equal(ADDRESS_FREE_FAILURES);
  });

  it('forgets an address’s failures once they leave the sliding window', async () => {
    const admin = await registerAdmin(api, h.services);
    const ip = address();
    await Promise.all(Array.from({ length: ADDRESS_FREE_FAILURES }, () => loginFrom(ip, uniqueUsername('ghost'), 'Wrong#2026pw')));
    expect(answer(await loginFrom(ip, admin.username, admin.password)), 'the address waits').to.equal('429 login.throttled');

    // The same failures, a minute older than the window (as if the office's bad morning was yesterday).
    const row = (await addressRow(ip))!;
    const aged = (JSON.parse(row.failureTimes!) as number[]).map((t) => t - (ADDRESS_WINDOW_S + 60) * 1000);
    await row.update({ failureTimes: JSON.stringify(aged), lockedUntil: null });
    expect(answer(await loginFrom(ip, admin.username, 'Wrong#2026ty')), 'a typo is a plain failure again').to.equal('422 login.failed');
    expect((await addressRow(ip))?.failures, 'only the new failure counts').to.equal(1);
    expect(answer(await loginFrom(ip, admin.username, admin.password))).to.equal('200');
  });

  it('does not reset an address’s failures when it logs into an account of its own', async () => {
    const own = await registerAdmin(api, h.services);
    const ip = address();
    await Promise.all(Array.from({ length: ADDRESS_FREE_FAILURES - 1 }, () => loginFrom(ip, uniqueUsername('ghost'), 'Wrong#2026pw')));
    expect(answer(await loginFrom(ip, own.username, own.password))).to.equal('200');
    expect((await addressRow(ip))?.failures, 'the success is not a failure, and forgives none').to.equal(ADDRESS_FREE_FAILURES - 1);
    expect(answer(await loginFrom(ip, uniqueUsername('ghost'), 'Wrong#2026pw')), 'the next failure is the limit').to.equal('429 login.throttled');
    expect(answer(await loginFrom(ip, own.username, own.password)), 'and the address waits, own account or not').to.equal('429 login.throttled');
  });

  it('runs parallel registrations and card logins that create accounts without a database error', async () => {
    const cards = await Promise.all(Array.from({ length: 5 }, async () => {
      const e = await registryEnterprise(h.services);
      return makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
    }));
    const cardLogins = cards.map(async (card) => {
      const client = new ApiClient(h.baseUrl);
      const { flowId, res } = await presentCard(client, card);
      expect(res.body.step, JSON.stringify(res.body)).to.equal('register');
      const done = await client.step(flowId, 'register', { mode: 'auto' });
      return `${done.status} ${done.body?.account?.username === `${card.cardNo}_ADMIN`}`;
    });
    const registrations = Array.from({ length: 4 }, async () => {
      const admin = await registerAdmin(new ApiClient(h.baseUrl), h.services);
      return `registered ${Boolean(admin.username)}`;
    });
    const results = await Promise.allSettled([...cardLogins, ...registrations]);
    const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)));
    expect(tally(outcomes)).to.deep.equal({ '200 true': 5, 'registered true': 4 });
  });
});
