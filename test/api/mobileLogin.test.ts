// L4 mobile-number login through the API against the real system: the mobileLogin flow (image
// captcha + SMS code), only for accounts whose switch (A5) is on, the same answers whether or not
// such an account exists, throttling like password login, and the session it opens.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { ApiClient, Reply } from '../support/apiClient';
import { accountSession, adminSession } from '../support/accounts';
import { mobile } from '../support/fixtures';
import { harness, Harness } from '../support/harness';

describe('L4 mobile-number login (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    // Every test comes from 127.0.0.1: forget that address's failures between tests.
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  async function start(api: ApiClient) {
    const res = await api.post('/api/flows', { type: 'mobileLogin' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.step).to.equal('mobile');
    return res.body.flowId as string;
  }

  const send = async (api: ApiClient, flowId: string, to: string) => api.step(flowId, 'sendSmsCode', { mobile: to, ...(await api.captcha()) });
  const outboxTo = (to: string) => h.db.models.Outbox.count({ where: { to } });
  /** The parts of an answer a browser could compare between a known and an unknown mobile. */
  const shape = (r: Reply) => ({ status: r.status, step: r.body?.step, keys: Object.keys(r.body?.data ?? {}).sort(), code: r.body?.error?.fields?.smsCode?.code });

  async function withSwitchOn() {
    const a = await adminSession(h);
    expect((await a.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true })).status).to.equal(200);
    return a;
  }

  it('logs in with the SMS code: a session of method mobile, the account, an audit record', async () => {
    const a = await withSwitchOn();
    const api = new ApiClient(h.baseUrl);
    const flowId = await start(api);
    const sent = await send(api, flowId, a.admin.mobile);
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    expect(sent.body.data.smsSentTo).to.equal(`${a.admin.mobile.slice(0, 3)}****${a.admin.mobile.slice(-4)}`);
    const done = await api.step(flowId, 'login', { mobile: a.admin.mobile, smsCode: await api.lastSmsCode(a.admin.mobile) });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body.status).to.equal('completed');
    expect(done.body.account).to.deep.include({ id: a.account.id, username: a.account.username });
    const session = await api.get('/api/session');
    expect(session.status).to.equal(200);
    expect(session.body.account.id).to.equal(a.account.id);
    const sessions = await h.db.models.Session.findAll({ where: { subjectType: 'account', subjectId: a.account.id, method: 'mobile' } });
    expect(sessions).to.have.length(1);
    expect(await h.db.models.AuditEvent.count({ where: { action: 'login.succeeded', entityId: String(a.account.id), flowId } })).to.equal(1);
    // The flow is over: no second session from it.
    expect((await api.step(flowId, 'login', { mobile: a.admin.mobile, smsCode: '123456' })).status).to.equal(410);
  });

  it('answers the same for a mobile without such an account, and sends it nothing', async () => {
    const a = await withSwitchOn();
    const known = new ApiClient(h.baseUrl);
    const kf = await start(known);
    const unknownMobile = mobile();
    const unknown = new ApiClient(h.baseUrl);
    const uf = await start(unknown);

    const sentKnown = await send(known, kf, a.admin.mobile);
    const sentUnknown = await send(unknown, uf, unknownMobile);
    expect(shape(sentUnknown)).to.deep.equal(shape(sentKnown));
    expect(await outboxTo(unknownMobile)).to.equal(0);

    const wrongKnown = await known.step(kf, 'login', { mobile: a.admin.mobile, smsCode: (await known.lastSmsCode(a.admin.mobile)) === '000000' ? '111111' : '000000' });
    const wrongUnknown = await unknown.step(uf, 'login', { mobile: unknownMobile, smsCode: '000000' });
    expect(shape(wrongUnknown)).to.deep.equal(shape(wrongKnown));
    expect(shape(wrongUnknown).code).to.equal('sms.wrong');
    expect(wrongUnknown.body.error.fields.smsCode.message).to.equal(wrongKnown.body.error.fields.smsCode.message);
  });

  it('only accounts whose switch is on: the same mobile with the switch off gets no code and no login', async () => {
    const ind = await accountSession(h, { kind: 'individual' });
    const api = new ApiClient(h.baseUrl);
    const flowId = await start(api);
    expect((await send(api, flowId, ind.account.mobile)).status).to.equal(200);
    expect(await outboxTo(ind.account.mobile)).to.equal(0);
    // Once it turns the switch on, it can.
    expect((await ind.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true })).status).to.equal(200);
    const api2 = new ApiClient(h.baseUrl);
    const f2 = await start(api2);
    await send(api2, f2, ind.account.mobile);
    const done = await api2.step(f2, 'login', { mobile: ind.account.mobile, smsCode: await api2.lastSmsCode(ind.account.mobile) });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body.account.kind).to.equal('individual');
  });

  it('a disabled account cannot log in by mobile either', async () => {
    const a = await withSwitchOn();
    await h.db.models.Account.update({ status: 'disabled' }, { where: { id: a.account.id } });
    const api = new ApiClient(h.baseUrl);
    const flowId = await start(api);
    const before = await outboxTo(a.admin.mobile);
    await send(api, flowId, a.admin.mobile);
    const res = await api.step(flowId, 'login', { mobile: a.admin.mobile, smsCode: '000000' });
    expect(res.status).to.equal(422);
    expect(await outboxTo(a.admin.mobile)).to.equal(before);
  });

  it('checks the captcha, the mobile and the code format; the code is for the mobile it went to', async () => {
    const a = await withSwitchOn();
    const api = new ApiClient(h.baseUrl);
    const flowId = await start(api);
    const noCaptcha = await api.step(flowId, 'sendSmsCode', { mobile: a.admin.mobile, captchaId: (await api.captcha()).captchaId, captcha: 'ZZZZ' });
    expect(noCaptcha.body.error.fields.captcha.code).to.equal('captcha.wrong');
    const badMobile = await api.step(flowId, 'sendSmsCode', { mobile: '12', ...(await api.captcha()) });
    expect(badMobile.body.error.fields.mobile.code).to.equal('mobile.format');
    const notSent = await api.step(flowId, 'login', { mobile: a.admin.mobile, smsCode: '123456' });
    expect(notSent.body.error.fields.smsCode.code).to.equal('sms.notSent');
    await send(api, flowId, a.admin.mobile);
    const other = await api.step(flowId, 'login', { mobile: mobile(), smsCode: '123456' });
    expect(other.body.error.fields.smsCode.code).to.equal('sms.mobileChanged');
  });

  it('is throttled like password login, per mobile, whether or not the account exists', async () => {
    for (const exists of [true, false]) {
      await h.db.models.Throttle.destroy({ where: {} });
      const target = exists ? (await withSwitchOn()).admin.mobile : mobile();
      const api = new ApiClient(h.baseUrl);
      let flowId = await start(api);
      await send(api, flowId, target);
      const codes: string[] = [];
      // Five wrong codes (one code takes five tries): the fifth failure starts the wait.
      for (let i = 0; i < 5; i++) {
        const res = await api.step(flowId, 'login', { mobile: target, smsCode: '000000' });
        codes.push(res.body.error.fields.smsCode.code);
      }
      expect(codes, `exists=${exists}`).to.deep.equal(['sms.wrong', 'sms.wrong', 'sms.wrong', 'sms.wrong', 'login.throttled']);
      // Even the right code of a new flow waits now.
      flowId = await start(api);
      await send(api, flowId, target);
      const right = exists ? await api.lastSmsCode(target) : '000000';
      const gated = await api.step(flowId, 'login', { mobile: target, smsCode: right });
      expect(gated.body.error.fields.smsCode.code).to.equal('login.throttled');
      expect((await api.get('/api/session')).status).to.equal(401);
    }
  });

  it('a flow started in one browser cannot be driven from another', async () => {
    const a = await withSwitchOn();
    const api = new ApiClient(h.baseUrl);
    const flowId = await start(api);
    await send(api, flowId, a.admin.mobile);
    const thief = new ApiClient(h.baseUrl);
    expect((await thief.step(flowId, 'login', { mobile: a.admin.mobile, smsCode: await api.lastSmsCode(a.admin.mobile) })).status).to.equal(404);
    expect((await thief.get('/api/session')).status).to.equal(401);
  });
});
