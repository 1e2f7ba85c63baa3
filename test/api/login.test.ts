// L1 password login with captcha and brute-force limits, L5 logout and "a password change ends
// every session", through the API against the real system.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { harness, Harness } from '../support/harness';
import { ApiClient, Reply } from '../support/apiClient';
import { uniqueUsername } from '../support/fixtures';
import { registerAdmin, RegisteredAdmin } from '../support/journeys';

describe('L1/L5 login, logout and sessions (API)', () => {
  let h: Harness;
  let api: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    api = new ApiClient(h.baseUrl);
    // All tests log in from 127.0.0.1: forget that address's failures so the per-address limit
    // of one test does not leak into the next.
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  const throttleRows = async () =>
    (await h.db.models.Throttle.findAll({ order: [['key', 'ASC']] })).map((r) => ({ key: r.key, failures: r.failures }));

  /** Forgets every per-account failure count that did not exist before (a new username's row). */
  const resetAccountThrottles = async () => {
    await h.db.models.Throttle.update({ failures: 0, lockedUntil: null }, { where: {} });
  };

  // The error object carries it (docs/api.md: 429 "with retryAfterSeconds"); the portal reads both places.
  const retryAfter = (res: Reply) => res.body?.error?.retryAfterSeconds ?? res.body?.retryAfterSeconds;

  const loginFailedShape = (res: Reply) => ({ status: res.status, code: res.body?.error?.fields?.password?.code, message: res.body?.error?.fields?.password?.message, top: res.body?.error?.code });

  it('logs in with the right password: a session, the account, lastLoginAt and an audit record', async () => {
    const admin = await registerAdmin(api, h.services);
    expect((await api.get('/api/session')).status, 'no session before login').to.equal(401);
    const login = await api.login(admin.username, admin.password);
    expect(login.status, JSON.stringify(login.body)).to.equal(200);
    expect(login.body.account.username).to.equal(admin.username);
    expect(login.body.account.mobile).to.equal(`${admin.mobile.slice(0, 3)}****${admin.mobile.slice(-4)}`);
    const session = await api.get('/api/session');
    expect(session.status).to.equal(200);
    expect(session.body.account.id).to.equal(login.body.account.id);
    expect(session.body.account.lastLoginAt).to.be.a('string');
    const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'login.succeeded', entityId: String(login.body.account.id) } });
    expect(audit, 'login.succeeded audit').to.exist;
  });

  it('accepts the username in another letter case', async () => {
    const admin = await registerAdmin(api, h.services);
    const login = await api.login(admin.username.toUpperCase(), admin.password);
    expect(login.status, JSON.stringify(login.body)).to.equal(200);
    expect(login.body.account.username).to.equal(admin.username);
  });

  it('answers a wrong password and an unknown username exactly alike, without a session', async () => {
    const admin = await registerAdmin(api, h.services);
    const wrong = await api.login(admin.username, 'Wrong#2026pw');
    const unknown = await api.login(uniqueUsername('nobody'), 'Wrong#2026pw');
    expect(wrong.status).to.equal(422);
    expect(loginFailedShape(wrong)).to.deep.equal({ status: 422, code: 'login.failed', message: '用户名或密码错误', top: 'validation' });
    expect(loginFailedShape(unknown)).to.deep.equal(loginFailedShape(wrong));
    expect(Object.keys(wrong.body.error.fields)).to.deep.equal(['password']);
    expect(Object.keys(unknown.body.error.fields)).to.deep.equal(['password']);
    expect((await api.get('/api/session')).status).to.equal(401);
    const failed = await h.db.models.AuditEvent.count({ where: { action: 'login.failed', actorName: admin.username } });
    expect(failed, 'failed login audited').to.equal(1);
  });

  it('names every missing field as required', async () => {
    const res = await api.post('/api/session/login', { username: '', password: '', captchaId: '', captcha: '' });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields.username.code).to.equal('required');
    expect(res.body.error.fields.password.code).to.equal('required');
    expect(res.body.error.fields.captcha.code).to.equal('required');
    const onlyCaptcha = await api.post('/api/session/login', { username: 'someone1', password: 'x' });
    expect(onlyCaptcha.status).to.equal(422);
    expect(Object.keys(onlyCaptcha.body.error.fields)).to.deep.equal(['captcha']);
  });

  it('refuses a wrong captcha before looking at the password, counting no failure', async () => {
    const admin = await registerAdmin(api, h.services);
    const before = await throttleRows();
    const { captchaId } = await api.captcha();
    const res = await api.post('/api/session/login', { username: admin.username, password: admin.password, captchaId, captcha: 'zzzz' });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields.captcha.code).to.equal('captcha.wrong');
    expect(res.body.error.fields.password, 'no verdict on the password').to.equal(undefined);
    expect((await api.get('/api/session')).status).to.equal(401);
    expect(await throttleRows(), 'no failure counted').to.deep.equal(before);
    expect(await h.db.models.AuditEvent.count({ where: { action: 'login.failed', actorName: admin.username } })).to.equal(0);
  });

  describe('brute-force protection', () => {
    afterEach(resetAccountThrottles);

    async function fiveWrongThenRight(username: string, rightPassword: string) {
      const answers: { status: number; code: string }[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await api.login(username, `Wrong#2026p${i}`);
        answers.push({ status: res.status, code: res.body.error?.fields?.password?.code ?? res.body.error?.code });
      }
      const next = await api.login(username, rightPassword);
      return { answers, next };
    }

    it('makes the account wait after five wrong passwords, even for the right one', async () => {
      const admin = await registerAdmin(api, h.services);
      const { answers, next } = await fiveWrongThenRight(admin.username, admin.password);
      expect(answers.slice(0, 4).map((a) => a.code)).to.deep.equal(['login.failed', 'login.failed', 'login.failed', 'login.failed']);
      expect(answers.every((a) => a.status !== 200)).to.equal(true);
      expect(next.status, JSON.stringify(next.body)).to.equal(429);
      expect(next.body.error.code).to.equal('login.throttled');
      expect(retryAfter(next)).to.be.a('number').greaterThan(0);
      expect(Number(next.headers.get('retry-after'))).to.be.greaterThan(0);
      expect((await api.get('/api/session')).status).to.equal(401);

      // Once the wait is over (here: the counter is reset), the right password works again.
      await resetAccountThrottles();
      const after = await api.login(admin.username, admin.password);
      expect(after.status, JSON.stringify(after.body)).to.equal(200);
    });

    it('treats an unknown username the same way, so the limit does not reveal who exists', async () => {
      const admin = await registerAdmin(api, h.services);
      const known = await fiveWrongThenRight(admin.username, admin.password);
      await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
      const unknown = await fiveWrongThenRight(uniqueUsername('ghost'), admin.password);
      expect(unknown.answers).to.deep.equal(known.answers);
      expect(unknown.next.status).to.equal(429);
      expect(unknown.next.body.error.code).to.equal('login.throttled');
      expect(retryAfter(unknown.next)).to.be.a('number').greaterThan(0);
      expect(unknown.next.body.error.message).to.equal(known.next.body.error.message);
    });

    it('locks the account name for good at the hard cap, even for the right password', async () => {
      const admin = await registerAdmin(api, h.services);
      const before = new Set((await throttleRows()).map((r) => r.key));
      expect((await api.login(admin.username, 'Wrong#2026px')).status).to.equal(422);
      const added = (await throttleRows()).filter((r) => !before.has(r.key) && r.key.startsWith('login-user:'));
      expect(added, 'one new per-account throttle row').to.have.length(1);
      expect(added[0].failures).to.equal(1);
      await h.db.models.Throttle.update({ failures: 49, lockedUntil: null }, { where: { key: added[0].key } });

      const fiftieth = await api.login(admin.username, 'Wrong#2026py');
      expect(fiftieth.status).to.equal(429);
      expect(fiftieth.body.error.code).to.equal('login.locked');
      const right = await api.login(admin.username, admin.password);
      expect(right.status).to.equal(429);
      expect(right.body.error.code).to.equal('login.locked');
      expect((await api.get('/api/session')).status).to.equal(401);
      await h.db.models.Throttle.destroy({ where: { key: added[0].key } });
    });
  });

  describe('logout and password change', () => {
    const sessionsOf = (accountId: number) => h.db.models.Session.count({ where: { subjectType: 'account', subjectId: accountId } });

    it('logout ends the session and deletes it on the server', async () => {
      const admin = await registerAdmin(api, h.services);
      const login = await api.login(admin.username, admin.password);
      const id = login.body.account.id as number;
      expect(await sessionsOf(id)).to.equal(1);
      const out = await api.post('/api/session/logout');
      expect(out.status).to.equal(204);
      expect((await api.get('/api/session')).status).to.equal(401);
      expect((await api.get('/api/account')).status).to.equal(401);
      expect(await sessionsOf(id), 'session row deleted').to.equal(0);
    });

    it('a password change ends every session of the account; only the new password works afterwards', async () => {
      const admin: RegisteredAdmin = await registerAdmin(api, h.services);
      const other = new ApiClient(h.baseUrl);
      const a = await api.login(admin.username, admin.password);
      expect((await other.login(admin.username, admin.password)).status).to.equal(200);
      const id = a.body.account.id as number;
      expect(await sessionsOf(id)).to.equal(2);
      expect((await other.get('/api/session')).status).to.equal(200);

      const newPassword = 'Changed#2026b';
      const change = await api.post('/api/account/password', { oldPassword: admin.password, password: newPassword, confirmPassword: newPassword });
      expect(change.status, JSON.stringify(change.body)).to.equal(204);
      expect((await other.get('/api/session')).status, 'the other browser is logged out').to.equal(401);
      expect((await other.get('/api/account')).status).to.equal(401);
      expect((await api.get('/api/session')).status, 'the changing browser is logged out too').to.equal(401);
      expect(await sessionsOf(id)).to.equal(0);
      expect(await h.db.models.AuditEvent.count({ where: { action: 'password.changed', entityId: String(id) } })).to.equal(1);

      const old = await api.login(admin.username, admin.password);
      expect(old.status).to.equal(422);
      expect(old.body.error.fields.password.code).to.equal('login.failed');
      const fresh = await api.login(admin.username, newPassword);
      expect(fresh.status, JSON.stringify(fresh.body)).to.equal(200);
      expect((await api.get('/api/session')).status).to.equal(200);
    });

    it('refuses a wrong old password and a new password equal to the old one, keeping the session', async () => {
      const admin = await registerAdmin(api, h.services);
      await api.login(admin.username, admin.password);
      const wrongOld = await api.post('/api/account/password', { oldPassword: 'NotMine#2026', password: 'Changed#2026c', confirmPassword: 'Changed#2026c' });
      expect(wrongOld.status).to.equal(422);
      expect(wrongOld.body.error.fields.oldPassword.code).to.equal('password.oldWrong');
      const same = await api.post('/api/account/password', { oldPassword: admin.password, password: admin.password, confirmPassword: admin.password });
      expect(same.status).to.equal(422);
      expect(same.body.error.fields.password.code).to.equal('password.sameAsOld');
      const weak = await api.post('/api/account/password', { oldPassword: admin.password, password: 'abcdefgh', confirmPassword: 'abcdefgh' });
      expect(weak.status).to.equal(422);
      expect(weak.body.error.fields.password.code).to.equal('password.classes');
      expect((await api.get('/api/session')).status, 'still logged in').to.equal(200);
      // Nothing changed: the old password still logs in.
      const again = await new ApiClient(h.baseUrl).login(admin.username, admin.password);
      expect(again.status).to.equal(200);
    });

    it('refuses a password change without a session', async () => {
      const res = await api.post('/api/account/password', { oldPassword: 'x', password: 'Changed#2026d', confirmPassword: 'Changed#2026d' });
      expect(res.status).to.equal(401);
    });
  });
});

describe('A3 password change: guessing the old password is throttled', () => {
  it('answers 429 after repeated wrong old passwords, even for the right one', async () => {
    const h = await harness();
    await h.db.models.Throttle.destroy({ where: {} });
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services);
    expect((await api.login(admin.username, admin.password)).status).to.equal(200);
    const change = (old: string) => api.post('/api/account/password', { oldPassword: old, password: 'Changed#2026x', confirmPassword: 'Changed#2026x' });
    for (let i = 0; i < 4; i++) expect((await change(`Wrong#${i}pass`)).body.error.fields.oldPassword.code).to.equal('password.oldWrong');
    const fifth = await change('Wrong#5pass');
    expect(fifth.status).to.equal(429);
    const right = await change(admin.password);
    expect(right.status).to.equal(429);
    expect(right.body.error.retryAfterSeconds).to.be.greaterThan(0);
  });
});
