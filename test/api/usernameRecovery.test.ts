// U1, U3, U4, U5 username recovery through the API against the real worker: the administrator's
// account-information path with its bound-mobile rule (one or two further proofs out of legal
// representative, administrator, two operators' mobiles), operators and individuals by their bound
// mobile and identity, wrong proofs, and the manual review ending in an SMS with the username.
import { expect } from 'chai';
import sharp from 'sharp';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { GOOD_PASSWORD, knownPerson, mobile, newUscc, registryEnterprise, residentId, uniqueUsername } from '../support/fixtures';
import { registerAdmin, RegisteredAdmin } from '../support/journeys';
import { sealIdNumber } from '../../activities/identity';
import { hashPassword } from '../../activities/passwords';
import { bankCanonical, SimulatedBankUkey } from '../../activities/adapters/bankUkey';
import { keyedHash } from '../../db/pii';
import { SimulatedBankCard } from '../../activities/adapters/bankCard';
import { SimulatedIdentityCheck } from '../../activities/adapters/identityCheck';
import { up as backfillUscc } from '../../db/migrations/0011-review-case-uscc';

const VALID = { idValidFrom: '20200101', idValidTo: '00000000' };

describe('U1/U3/U4/U5 username recovery (API)', () => {
  let h: Harness;
  let api: ApiClient;
  let admin: RegisteredAdmin;
  let adminId: string;
  let adminApi: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    api = new ApiClient(h.baseUrl);
    adminId = residentId();
    adminApi = new ApiClient(h.baseUrl);
    admin = await registerAdmin(adminApi, h.services, { idNumber: adminId });
  });

  async function atIdentity(variant: string, mobileNumber: string, enterprise = true) {
    const started = await api.post('/api/flows', { type: 'usernameRecovery', variant });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    const flowId = started.body.flowId as string;
    expect((await api.step(flowId, 'sendSmsCode', { mobile: mobileNumber, ...(await api.captcha()) })).status).to.equal(200);
    const code = await api.lastSmsCode(mobileNumber);
    const e = admin.enterprise;
    const res = await api.step(flowId, 'mobile', { mobile: mobileNumber, smsCode: code, ...(enterprise ? { enterpriseName: e.name, orgCode: e.orgCode } : {}) });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.step).to.equal('identity');
    return { flowId, view: res.body };
  }

  const legalRep = () => ({ name: admin.enterprise.legalRepName, idType: 'resident', idNumber: admin.enterprise.legalRepIdNumber, ...VALID });
  const adminPerson = () => ({ name: '管理员甲', idType: 'resident', idNumber: adminId, ...VALID });
  /** A handler (经办人): a real person the identity check knows, neither legal representative nor administrator. */
  const handler = () => {
    const idNumber = residentId();
    knownPerson(h.services, '经办人乙', idNumber);
    return { name: '经办人乙', idType: 'resident', idNumber, ...VALID };
  };

  async function addOperator(name: string) {
    await adminApi.login(admin.username, admin.password);
    const m = mobile();
    const id = residentId();
    knownPerson(h.services, name, id);
    const res = await adminApi.post('/api/operators', { username: uniqueUsername('opr'), name, mobile: m, idType: 'resident', idNumber: id, ...VALID });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return m;
  }

  describe('U1 administrator, account information', () => {
    it('bound mobile + the legal representative: the username at once', async () => {
      const { flowId, view } = await atIdentity('admin', admin.mobile);
      expect(view.data.mobileBound).to.equal(true);
      const res = await api.step(flowId, 'identity', legalRep());
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.status).to.equal('completed');
      expect(res.body.data.usernames).to.deep.equal([admin.username]);
      const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'username.recovered', flowId } });
      expect(audit).to.exist;
      expect(audit!.ip, 'the client address is audited').to.match(/127\.0\.0\.1|::1/);
    });

    it('a made-up handler (unknown to the identity check) does not pass the identity step', async () => {
      const { flowId } = await atIdentity('admin', admin.mobile);
      const madeUp = await api.step(flowId, 'identity', { name: '虚构人', idType: 'resident', idNumber: residentId(), ...VALID });
      expect(madeUp.status).to.equal(422);
      expect(madeUp.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
      const view = (await api.get(`/api/flows/${flowId}`)).body;
      expect(view.step).to.equal('identity');
      expect(view.data.attemptsLeft).to.equal(4);
      const real = await api.step(flowId, 'identity', handler());
      expect(real.body.step).to.equal('more');
    });

    it('bound mobile + a handler: one more proof (the administrator); a wrong one is refused', async () => {
      const { flowId } = await atIdentity('admin', admin.mobile);
      const more = await api.step(flowId, 'identity', handler());
      expect(more.body.step).to.equal('more');
      expect(more.body.data.needed).to.equal(1);
      expect(more.body.data.usernames).to.deep.equal([]);
      const wrong = await api.step(flowId, 'more', { method: 'admin', ...handler() });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
      const ok = await api.step(flowId, 'more', { method: 'admin', ...adminPerson() });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      expect(ok.body.data.usernames).to.deep.equal([admin.username]);
    });

    it('another mobile: two proofs; fewer than two operators is said; two operators\' SMS codes count as one', async () => {
      const { flowId, view } = await atIdentity('admin', mobile());
      expect(view.data.mobileBound).to.equal(false);
      const more = await api.step(flowId, 'identity', legalRep());
      expect(more.body.step).to.equal('more');
      expect(more.body.data.needed).to.equal(1);
      const few = await api.step(flowId, 'sendOperatorCode', { slot: 0, ...(await api.captcha()) });
      expect(few.status).to.equal(422);
      expect(few.body.error.fields.method.code).to.equal('recovery.fewOperators');

      const m0 = await addOperator('张小培');
      const m1 = await addOperator('李大英');
      // A new flow sees the operators (the enterprise is read when the mobile is proven), but shows
      // their masked names only after the identity step (000 §2.3.1.1.1: step 3), never before.
      const again = await atIdentity('admin', mobile());
      expect(again.view.data.operators, 'no names before the identity step').to.deep.equal([]);
      expect((await api.get(`/api/flows/${again.flowId}`)).body.data.operators).to.deep.equal([]);
      await api.step(again.flowId, 'identity', handler()).then((r) => expect(r.body.data.needed).to.equal(2));
      const state = await api.get(`/api/flows/${again.flowId}`);
      expect(state.body.data.operators).to.deep.equal(['**培', '**英']);
      expect((await api.step(again.flowId, 'sendOperatorCode', { slot: 0, ...(await api.captcha()) })).status).to.equal(200);
      expect((await api.step(again.flowId, 'sendOperatorCode', { slot: 1, ...(await api.captcha()) })).status).to.equal(200);
      const c0 = await api.lastSmsCode(m0);
      const c1 = await api.lastSmsCode(m1);
      // A wrong first code: the second is not looked at, so it stays unspent (every accepted code is single use).
      const wrong = await api.step(again.flowId, 'more', { method: 'operators', smsCode0: c0 === '000000' ? '111111' : '000000', smsCode1: c1 });
      expect(wrong.body.error.fields.smsCode0.code).to.equal('sms.wrong');
      const first = await api.step(again.flowId, 'more', { method: 'operators', smsCode0: c0, smsCode1: c1 });
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.data.needed).to.equal(1);
      const twice = await api.step(again.flowId, 'more', { method: 'operators', smsCode0: c0, smsCode1: c1 });
      expect(twice.body.error.fields.method.code).to.equal('recovery.methodInvalid');
      const done = await api.step(again.flowId, 'more', { method: 'legalRep', ...legalRep() });
      expect(done.body.data.usernames).to.deep.equal([admin.username]);
    });

    it('an operator\'s code accepted once is spent: the pair cannot be replayed after the other code was wrong', async () => {
      const m0 = await addOperator('王小培');
      const m1 = await addOperator('赵大英');
      const { flowId } = await atIdentity('admin', mobile());
      expect((await api.step(flowId, 'identity', handler())).body.data.needed).to.equal(2);
      const before = (await api.get(`/api/flows/${flowId}`)).body.data.operatorResendAfter;
      expect(before, 'no countdown before a send').to.deep.equal([null, null]);
      expect((await api.step(flowId, 'sendOperatorCode', { slot: 0, ...(await api.captcha()) })).status).to.equal(200);
      expect((await api.step(flowId, 'sendOperatorCode', { slot: 1, ...(await api.captcha()) })).status).to.equal(200);
      const after = (await api.get(`/api/flows/${flowId}`)).body.data.operatorResendAfter as string[];
      for (const at of after) expect(Date.parse(at) - Date.now(), 'the portal counts down from here').to.be.within(50_000, 61_000);
      const c0 = await api.lastSmsCode(m0);
      const c1 = await api.lastSmsCode(m1);
      const wrong = await api.step(flowId, 'more', { method: 'operators', smsCode0: c0, smsCode1: c1 === '000000' ? '111111' : '000000' });
      expect(wrong.body.error.fields.smsCode1.code).to.equal('sms.wrong');
      const replay = await api.step(flowId, 'more', { method: 'operators', smsCode0: c0, smsCode1: c1 });
      expect(replay.status).to.equal(422);
      expect(replay.body.error.fields.smsCode0.code, 'the first code was accepted already').to.equal('sms.expired');
      const view = (await api.get(`/api/flows/${flowId}`)).body;
      expect(view.data.proven).to.deep.equal([]);
      expect(view.data.usernames).to.deep.equal([]);
    });

    it('a wrong SMS code at the first step and an unknown enterprise never reveal a username', async () => {
      const flowId = (await api.post('/api/flows', { type: 'usernameRecovery', variant: 'admin' })).body.flowId;
      const m = mobile();
      await api.step(flowId, 'sendSmsCode', { mobile: m, ...(await api.captcha()) });
      const code = await api.lastSmsCode(m);
      const wrong = await api.step(flowId, 'mobile', { mobile: m, smsCode: code === '000000' ? '111111' : '000000', enterpriseName: admin.enterprise.name, orgCode: admin.enterprise.orgCode });
      expect(wrong.body.error.fields.smsCode.code).to.equal('sms.wrong');
      const ok = await api.step(flowId, 'mobile', { mobile: m, smsCode: code, enterpriseName: '不存在的公司', orgCode: admin.enterprise.orgCode });
      expect(ok.body.step).to.equal('identity');
      const more = await api.step(flowId, 'identity', legalRep());
      expect(more.body.step).to.equal('more');
      const res = await api.step(flowId, 'more', { method: 'admin', ...adminPerson() });
      expect(res.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
    });
  });

  describe('U2 administrator, enterprise real-name by bank UKey', () => {
    async function atBank(bank = 'ccb') {
      const { flowId } = await atIdentity('admin', mobile());
      const res = await api.step(flowId, 'chooseBank', { bank, uscc: admin.enterprise.uscc });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.step).to.equal('bank');
      return flowId;
    }

    it('asks for the USCC (000 §2.3.1.2) and checks it against the registry with the name and organization code', async () => {
      const { flowId } = await atIdentity('admin', mobile());
      const missing = await api.step(flowId, 'chooseBank', { bank: 'ccb' });
      expect(missing.status).to.equal(422);
      expect(missing.body.error.fields.uscc.code).to.equal('required');
      const bad = admin.enterprise.uscc.slice(0, 17) + (admin.enterprise.uscc.endsWith('0') ? '1' : '0');
      expect((await api.step(flowId, 'chooseBank', { bank: 'ccb', uscc: bad })).body.error.fields.uscc.code).to.equal('uscc.check');
      expect((await api.step(flowId, 'chooseBank', { bank: 'ccb', uscc: newUscc().uscc })).body.error.fields.uscc.code).to.equal('registry.notFound');
      const other = await registryEnterprise(h.services);
      expect((await api.step(flowId, 'chooseBank', { bank: 'ccb', uscc: other.uscc })).body.error.fields.uscc.code).to.equal('registry.orgCodeMismatch');
      expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('identity');
      const ok = await api.step(flowId, 'chooseBank', { bank: 'ccb', uscc: admin.enterprise.uscc.toLowerCase() });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      expect(ok.body.step).to.equal('bank');
    });

    it('the bank\'s signed callback lists every username of the enterprise', async () => {
      await addOperator('王操作');
      const flowId = await atBank('abc');
      const res = await api.post('/api/bank-ukey/dev/authorize', { flowId, bank: 'abc', uscc: admin.enterprise.uscc });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      let view = (await api.get(`/api/flows/${flowId}`)).body;
      for (let i = 0; i < 50 && view.status !== 'completed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        view = (await api.get(`/api/flows/${flowId}`)).body;
      }
      expect(view.status).to.equal('completed');
      expect(view.data.usernames).to.include(admin.username);
      expect(view.data.usernames).to.have.length(2);
      const audits = await h.db.models.AuditEvent.findAll({ where: { action: 'username.recovered', flowId } });
      expect(audits).to.have.length(2);
      for (const a of audits) expect(a.ip, 'the applicant\'s address').to.match(/127\.0\.0\.1|::1/);
    });

    it('refuses the bank authorization of an enterprise the registry lists as cancelled (注销), saying so', async () => {
      const flowId = await atBank('ccb');
      await h.db.models.RegistryRecord.update({ status: '注销' }, { where: { uscc: admin.enterprise.uscc } });
      try {
        const res = await api.post('/api/bank-ukey/dev/authorize', { flowId, bank: 'ccb', uscc: admin.enterprise.uscc });
        expect(res.status, JSON.stringify(res.body)).to.equal(422);
        expect(res.body.error.fields.uscc.code).to.equal('registry.cancelled');
        expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('bank');
      } finally {
        await h.db.models.RegistryRecord.update({ status: '存续' }, { where: { uscc: admin.enterprise.uscc } });
      }
    });

    it('refuses a callback signed too long ago (expired), and the flow still waits for the bank', async () => {
      const flowId = await atBank('ccb');
      const unsigned = {
        flowId, bank: 'ccb' as const, uscc: admin.enterprise.uscc, name: admin.enterprise.name,
        verifiedAt: new Date(Date.now() - 10 * 60_000).toISOString(), nonce: 'old-nonce-0001',
      };
      const old = { ...unsigned, signature: keyedHash(h.services.keys, 'bank-ukey:ccb', bankCanonical(unsigned)) };
      const res = await api.post('/api/bank-ukey/callback', old);
      expect(res.status).to.equal(403);
      expect(res.body.error.code).to.equal('bank.expired');
      const view = (await api.get(`/api/flows/${flowId}`)).body;
      expect(view.status).to.equal('active');
      expect(view.step).to.equal('bank');
    });

    it('refuses a bad signature, a callback for another flow, one the flow does not wait for, and another enterprise\'s UKey', async () => {
      const banks = new SimulatedBankUkey(h.db, h.services.keys);
      const flowId = await atBank('ccb');
      const signed = await banks.authorize(flowId, 'ccb', admin.enterprise.uscc);
      if ('error' in signed) throw new Error(signed.error);
      const tampered = { ...signed.callback, uscc: (await registryEnterprise(h.services)).uscc };
      const bad = await api.post('/api/bank-ukey/callback', tampered);
      expect(bad.status).to.equal(403);
      expect(bad.body.error.code).to.equal('bank.badSignature');
      const wrongBank = await banks.authorize(flowId, 'cmbc', admin.enterprise.uscc);
      if ('error' in wrongBank) throw new Error(wrongBank.error);
      expect((await api.post('/api/bank-ukey/callback', wrongBank.callback)).status, 'another bank than chosen').to.equal(409);

      const other = (await api.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
      const foreign = await banks.authorize(other, 'ccb', admin.enterprise.uscc);
      if ('error' in foreign) throw new Error(foreign.error);
      expect((await api.post('/api/bank-ukey/callback', foreign.callback)).status, 'another flow type').to.equal(404);

      const { flowId: early } = await atIdentity('admin', mobile());
      const notWaiting = await banks.authorize(early, 'ccb', admin.enterprise.uscc);
      if ('error' in notWaiting) throw new Error(notWaiting.error);
      const refused = await api.post('/api/bank-ukey/callback', notWaiting.callback);
      expect(refused.status).to.equal(409);
      expect(refused.body.error.code).to.equal('bank.notWaiting');

      const stranger = await registryEnterprise(h.services);
      expect((await api.post('/api/bank-ukey/dev/authorize', { flowId, bank: 'ccb', uscc: stranger.uscc })).status).to.equal(200);
      let view = (await api.get(`/api/flows/${flowId}`)).body;
      for (let i = 0; i < 20 && !view.data.bankError; i++) {
        await new Promise((r) => setTimeout(r, 100));
        view = (await api.get(`/api/flows/${flowId}`)).body;
      }
      expect(view.data.bankError).to.equal('bank.otherEnterprise');
      expect(view.data.usernames).to.deep.equal([]);
      expect(view.status).to.equal('active');
    });
  });

  describe('identity check (CTID-like simulator)', () => {
    it('knows the seeded people: the demo legal representative passes, a wrong name or an expired ID does not', () => {
      const check = new SimulatedIdentityCheck();
      expect(check.check({ name: '李明华', idType: 'resident', idNumber: '110105198003150020', validFrom: '20150101', validTo: '00000000' })).to.equal('ok');
      expect(check.check({ name: '张建国', idType: 'resident', idNumber: '130103197506120014' })).to.equal('ok'); // a registry seed legal representative
      expect(check.check({ name: '李明', idType: 'resident', idNumber: '110105198003150020' })).to.equal('mismatch');
      expect(check.check({ name: '李明华', idType: 'resident', idNumber: '110105198003150020', validFrom: '20150101', validTo: '20300101' })).to.equal('mismatch');
      expect(check.check({ name: '过期证', idType: 'resident', idNumber: '110101198001010016' })).to.equal('expired');
    });

    async function individual(name: string) {
      const m = mobile();
      const id = residentId();
      const sealed = sealIdNumber(h.services.keys, 'resident', id);
      const username = uniqueUsername('ind');
      await h.db.models.Account.create({
        username, usernameKey: username, kind: 'individual', enterpriseId: null, name, idType: 'resident',
        idNumberEnc: sealed.enc, idNumberHash: sealed.hash, idNumberMasked: sealed.masked, ...VALID, mobile: m, email: '',
        passwordHash: await hashPassword(GOOD_PASSWORD), mustChangePassword: false, status: 'active', createdBy: `test:${username}`,
      });
      return { m, id, username };
    }

    it('a person the check knows passes the identity step', async () => {
      const { m, id, username } = await individual('个人庚');
      knownPerson(h.services, '个人庚', id);
      const { flowId } = await atIdentity('individual', m, false);
      const res = await api.step(flowId, 'identity', { name: '个人庚', idType: 'resident', idNumber: id, ...VALID });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.data.usernames).to.deep.equal([username]);
    });

    it('the account matches but the check knows the number under another name: refused', async () => {
      const { m, id } = await individual('个人辛');
      knownPerson(h.services, '个人辛辛', id);
      const { flowId } = await atIdentity('individual', m, false);
      const res = await api.step(flowId, 'identity', { name: '个人辛', idType: 'resident', idNumber: id, ...VALID });
      expect(res.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
    });

    it('the account matches but the ID card has expired: refused', async () => {
      const { m, id } = await individual('个人壬');
      knownPerson(h.services, '个人壬', id, '20100101', '20200101');
      const { flowId } = await atIdentity('individual', m, false);
      const res = await api.step(flowId, 'identity', { name: '个人壬', idType: 'resident', idNumber: id, idValidFrom: '20100101', idValidTo: '20200101' });
      expect(res.status).to.not.equal(200);
      const typedValid = await api.step(flowId, 'identity', { name: '个人壬', idType: 'resident', idNumber: id, ...VALID });
      expect(typedValid.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
    });
  });

  it('U4 operator: bound mobile, enterprise and own identity', async () => {
    await adminApi.login(admin.username, admin.password);
    const m = mobile();
    const id = residentId();
    const username = uniqueUsername('opr');
    knownPerson(h.services, '操作员丙', id);
    expect((await adminApi.post('/api/operators', { username, name: '操作员丙', mobile: m, idType: 'resident', idNumber: id, ...VALID })).status).to.equal(201);
    const { flowId } = await atIdentity('operator', m);
    const wrong = await api.step(flowId, 'identity', { name: '操作员丙', idType: 'resident', idNumber: residentId(), ...VALID });
    expect(wrong.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
    const res = await api.step(flowId, 'identity', { name: '操作员丙', idType: 'resident', idNumber: id, ...VALID });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.data.usernames).to.deep.equal([username]);
  });

  it('U5 individual: bound mobile and identity; too many wrong proofs stop the flow', async () => {
    const m = mobile();
    const id = residentId();
    const sealed = sealIdNumber(h.services.keys, 'resident', id);
    knownPerson(h.services, '个人丁', id);
    const username = uniqueUsername('ind');
    await h.db.models.Account.create({
      username, usernameKey: username, kind: 'individual', enterpriseId: null, name: '个人丁', idType: 'resident',
      idNumberEnc: sealed.enc, idNumberHash: sealed.hash, idNumberMasked: sealed.masked, ...VALID, mobile: m, email: '',
      passwordHash: await hashPassword(GOOD_PASSWORD), mustChangePassword: false, status: 'active', createdBy: `test:${username}`,
    });
    const { flowId } = await atIdentity('individual', m, false);
    for (let i = 0; i < 4; i++) {
      const wrong = await api.step(flowId, 'identity', { name: '个人丁', idType: 'resident', idNumber: residentId(), ...VALID });
      expect(wrong.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
    }
    const last = await api.step(flowId, 'identity', { name: '个人丁', idType: 'resident', idNumber: residentId(), ...VALID });
    expect(last.body.error.fields.proof.code).to.equal('recovery.tooManyAttempts');
    const blocked = await api.step(flowId, 'identity', { name: '个人丁', idType: 'resident', idNumber: id, ...VALID });
    expect(blocked.body.error.fields.proof.code).to.equal('recovery.tooManyAttempts');

    const fresh = await atIdentity('individual', m, false);
    const res = await api.step(fresh.flowId, 'identity', { name: '个人丁', idType: 'resident', idNumber: id, ...VALID });
    expect(res.body.data.usernames).to.deep.equal([username]);
  });

  it('U4/U5 real-name: identity and bank-card four elements with the SMS to the reserved mobile', async () => {
    await adminApi.login(admin.username, admin.password);
    const id = residentId();
    const username = uniqueUsername('opr');
    knownPerson(h.services, '操作员戊', id);
    expect((await adminApi.post('/api/operators', { username, name: '操作员戊', mobile: mobile(), idType: 'resident', idNumber: id, ...VALID })).status).to.equal(201);
    const reserved = mobile(); // the bank's, not the account's
    const card = new SimulatedBankCard(h.services.keys).cardFor('操作员戊', id, reserved);
    const flowId = (await api.post('/api/flows', { type: 'usernameRecovery', variant: 'operator' })).body.flowId;
    await api.step(flowId, 'sendSmsCode', { mobile: reserved, ...(await api.captcha()) });
    const code = await api.lastSmsCode(reserved);
    const base = { enterpriseName: admin.enterprise.name, orgCode: admin.enterprise.orgCode, name: '操作员戊', idType: 'resident', idNumber: id, ...VALID, mobile: reserved, smsCode: code };
    const badFormat = await api.step(flowId, 'realName', { ...base, cardNo: '12ab' });
    expect(badFormat.body.error.fields.cardNo.code).to.equal('bankCard.format');
    const wrongCard = await api.step(flowId, 'realName', { ...base, cardNo: card.slice(0, -1) + ((Number(card.slice(-1)) + 1) % 10) });
    expect(wrongCard.status).to.equal(422);
    expect(wrongCard.body.error.fields.proof.code).to.equal('recovery.bankCardMismatch');
    // The code was accepted with the wrong card: it is spent, the right card needs a fresh code.
    const reused = await api.step(flowId, 'realName', { ...base, cardNo: card });
    expect(reused.status).to.equal(422);
    expect(reused.body.error.fields.smsCode.code).to.equal('sms.expired');
    expect(reused.body.data?.usernames ?? []).to.deep.equal([]);
    const flowAgain = (await api.post('/api/flows', { type: 'usernameRecovery', variant: 'operator' })).body.flowId;
    await api.step(flowAgain, 'sendSmsCode', { mobile: reserved, ...(await api.captcha()) });
    const ok = await api.step(flowAgain, 'realName', { ...base, smsCode: await api.lastSmsCode(reserved), cardNo: card });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body.data.usernames).to.deep.equal([username]);

    // U5: a person with no individual account passes the bank check but finds nothing.
    const flow2 = (await api.post('/api/flows', { type: 'usernameRecovery', variant: 'individual' })).body.flowId;
    const m2 = mobile();
    await api.step(flow2, 'sendSmsCode', { mobile: m2, ...(await api.captcha()) });
    const nobody = await api.step(flow2, 'realName', {
      name: '操作员戊', idType: 'resident', idNumber: id, ...VALID, mobile: m2, smsCode: await api.lastSmsCode(m2), cardNo: new SimulatedBankCard(h.services.keys).cardFor('操作员戊', id, m2),
    });
    expect(nobody.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
  });

  it('U3 manual review: any verified mobile, information and images, a clerk approves, the username comes by SMS', async () => {
    const m = mobile();
    const { flowId } = await atIdentity('admin', m);
    expect((await api.step(flowId, 'requestReview', {})).body.step).to.equal('review');
    const form = new FormData();
    form.append('flowId', flowId);
    form.append('kind', 'license');
    const image = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#3a3' } }).png().toBuffer();
    form.append('file', new Blob([new Uint8Array(image)]), 'license.png');
    const cookies = (api as unknown as { cookies: Map<string, string> }).cookies;
    const up = await fetch(`${h.baseUrl}/api/review-uploads`, { method: 'POST', body: form, headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(up.status).to.equal(201);
    const { uploadId } = (await up.json()) as { uploadId: string };
    const e = admin.enterprise;
    const submitted = await api.step(flowId, 'submitReview', {
      enterpriseName: e.name, orgCode: e.orgCode,
      legalRepName: e.legalRepName, legalRepIdType: 'resident', legalRepIdNumber: e.legalRepIdNumber, legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000',
      ...adminPerson(), uploads: [uploadId], ...(await api.captcha()),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200);
    expect(submitted.body.step).to.equal('waiting');
    const row = await h.db.models.ReviewCase.findOne({ where: { flowId } });
    expect(row!.caseType).to.equal('usernameRecovery');

    const clerk = new ApiClient(h.baseUrl);
    await clerk.post('/api/admin/login', { username: 'reviewer', password: 'Reviewer#2026' });
    const view = await clerk.get(`/api/admin/reviews/${row!.id}`);
    expect(view.body.data.account.exists).to.equal(true);
    expect(view.body.data.applicant.idNumberMasked).to.include('*');
    // The registry check finds the enterprise by the organization code the form collects, and the
    // case carries its USCC (the list shows it and finds the case by it).
    expect(view.body.data.registry.found, JSON.stringify(view.body.data.registry)).to.equal(true);
    expect(view.body.data.registry.nameMatches).to.equal(true);
    expect(view.body.data.registry.legalRepMatches).to.equal(true);
    expect(view.body.uscc).to.equal(e.uscc);
    const list = await clerk.get(`/api/admin/reviews?filter=${encodeURIComponent(JSON.stringify({ caseType: 'usernameRecovery', enterprise: e.uscc }))}`);
    expect(list.status).to.equal(200);
    expect(list.body.find((c: { id: number }) => c.id === row!.id)?.uscc).to.equal(e.uscc);
    // A case submitted before this (empty USCC) gets it from migration 0011.
    await row!.update({ uscc: '' });
    await backfillUscc({ context: h.db.sequelize.getQueryInterface() });
    expect((await h.db.models.ReviewCase.findByPk(row!.id))!.uscc).to.equal(e.uscc);
    await clerk.post(`/api/admin/reviews/${row!.id}/claim`);
    const decided = await clerk.post(`/api/admin/reviews/${row!.id}/decide`, { decision: 'approve', comment: '' });
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
    for (let i = 0; i < 50; i++) {
      if ((await api.get(`/api/flows/${flowId}`)).body.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const done = await api.get(`/api/flows/${flowId}`);
    expect(done.body.data.result).to.equal('approved');
    const sms = await h.db.models.Outbox.findOne({ where: { to: m, template: 'review.approved' } });
    expect(sms!.body).to.include(admin.username);
  });

  it('U3 manual review survives a worker restart: the clerk decides while the worker is down, the flow completes', async () => {
    const m = mobile();
    const { flowId } = await atIdentity('admin', m);
    expect((await api.step(flowId, 'requestReview', {})).body.step).to.equal('review');
    const form = new FormData();
    form.append('flowId', flowId);
    form.append('kind', 'license');
    const image = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#33a' } }).png().toBuffer();
    form.append('file', new Blob([new Uint8Array(image)]), 'license.png');
    const cookies = (api as unknown as { cookies: Map<string, string> }).cookies;
    const up = await fetch(`${h.baseUrl}/api/review-uploads`, { method: 'POST', body: form, headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(up.status).to.equal(201);
    const { uploadId } = (await up.json()) as { uploadId: string };
    const e = admin.enterprise;
    const submitted = await api.step(flowId, 'submitReview', {
      enterpriseName: e.name, orgCode: e.orgCode,
      legalRepName: e.legalRepName, legalRepIdType: 'resident', legalRepIdNumber: e.legalRepIdNumber, legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000',
      ...adminPerson(), uploads: [uploadId], ...(await api.captcha()),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(200);
    expect(submitted.body.step).to.equal('waiting');
    const row = await h.db.models.ReviewCase.findOne({ where: { flowId } });
    const clerk = new ApiClient(h.baseUrl);
    await clerk.post('/api/admin/login', { username: 'reviewer', password: 'Reviewer#2026' });
    await h.stopWorker();
    try {
      await clerk.post(`/api/admin/reviews/${row!.id}/claim`);
      const decided = await clerk.post(`/api/admin/reviews/${row!.id}/decide`, { decision: 'approve', comment: '' });
      expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
    } finally {
      await h.startWorker();
    }
    for (let i = 0; i < 100; i++) {
      if ((await api.get(`/api/flows/${flowId}`)).body.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const done = await api.get(`/api/flows/${flowId}`);
    expect(done.body.status).to.equal('completed');
    expect(done.body.data.result).to.equal('approved');
    const sms = await h.db.models.Outbox.findOne({ where: { to: m, template: 'review.approved' } });
    expect(sms!.body).to.include(admin.username);
  });
});
