// R2 through the API against the real worker: the happy path and every bad input the issue
// lists. Each bad input gets a field-level message and writes nothing.
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { GOOD_PASSWORD, newUscc, registryEnterprise, residentId } from '../support/fixtures';
import { adminFields, registerAdmin, registrationAtAccountStep, sendCode } from '../support/journeys';
import { startFlow } from '../../api/flows';
import { keyedHash } from '../../db/pii';

describe('R2 enterprise administrator registration (API)', () => {
  let h: Harness;
  let api: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(() => {
    api = new ApiClient(h.baseUrl);
  });

  const counts = async () => ({
    enterprises: await h.db.models.Enterprise.count(),
    accounts: await h.db.models.Account.count(),
  });

  it('registers an administrator, who can then log in and see the enterprise with masked numbers', async () => {
    const admin = await registerAdmin(api, h.services);
    const login = await api.login(admin.username, admin.password);
    expect(login.status).to.equal(200);
    const account = login.body.account;
    expect(account.kind).to.equal('admin');
    expect(account.enterprise.uscc).to.equal(admin.enterprise.uscc);
    expect(account.enterprise.legalRepIdNumberMasked).to.match(/^\d{4}\*{6}[\dX]{4}$/);
    expect(JSON.stringify(login.body)).not.to.include(admin.enterprise.legalRepIdNumber);
    const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'registration.completed', flowId: admin.flowId } });
    expect(audit, 'audit record').to.exist;
  });

  it('stores identity numbers encrypted, with a keyed hash, never in plain text', async () => {
    const id = residentId();
    const admin = await registerAdmin(api, h.services, { idNumber: id });
    const row = await h.db.models.Account.findOne({ where: { usernameKey: admin.username.toLowerCase() } });
    expect(row!.idNumberEnc).to.not.include(id);
    expect(row!.idNumberHash).to.match(/^[0-9a-f]{64}$/);
    expect(row!.idNumberMasked).to.equal(`${id.slice(0, 4)}******${id.slice(-4)}`);
    const [dump] = await h.db.sequelize.query(`SELECT * FROM accounts WHERE id = ${row!.id}`);
    expect(JSON.stringify(dump)).not.to.include(id);
  });

  describe('step 1 refuses bad enterprise information, field by field', () => {
    let base: Awaited<ReturnType<typeof registryEnterprise>>;
    let flowId: string;
    beforeEach(async () => {
      base = await registryEnterprise(h.services);
      flowId = (await api.post('/api/flows', { type: 'registration' })).body.flowId;
    });

    const cases: [string, (e: any) => Record<string, string>, string, string][] = [
      ['a wrong USCC check character', (e) => ({ uscc: e.uscc.slice(0, 17) + (e.uscc[17] === 'A' ? 'B' : 'A') }), 'uscc', 'uscc.check'],
      ['an organization code not matching the USCC', () => ({ orgCode: '34801880X' }), 'orgCode', 'orgCode.mismatch'],
      ['a wrong ID check character', (e) => ({ legalRepIdNumber: e.legalRepIdNumber.slice(0, 17) + (e.legalRepIdNumber[17] === '1' ? '2' : '1') }), 'legalRepIdNumber', 'residentId.check'],
      ['an impossible birth date', () => ({ legalRepIdNumber: '110101199902300011' }), 'legalRepIdNumber', 'residentId.birthDate'],
      ['a validity end before its start', () => ({ legalRepIdValidFrom: '20200101', legalRepIdValidTo: '20190101' }), 'legalRepIdValidTo', 'validity.endBeforeStart'],
      ['a malformed date', () => ({ legalRepIdValidFrom: '2020-01-01' }), 'legalRepIdValidFrom', 'date.format'],
      ['another legal representative than the registry knows', () => ({ legalRepName: '李四' }), 'legalRepName', 'registry.legalRepMismatch'],
      ['another name than the registry knows', () => ({ name: '别的公司' }), 'name', 'registry.nameMismatch'],
      ['a name with a right-to-left override', (e) => ({ name: `\u202E${e.name}` }), 'name', 'text.controlChars'],
      ['a legal representative with a NUL character', (e) => ({ legalRepName: `${e.legalRepName}\u0000` }), 'legalRepName', 'text.controlChars'],
    ];
    for (const [what, change, field, code] of cases) {
      it(`refuses ${what}`, async () => {
        const before = await counts();
        const res = await api.step(flowId, 'enterprise', { ...base, ...change(base) });
        expect(res.status).to.equal(422);
        expect(res.body.error.fields[field].code).to.equal(code);
        expect(res.body.error.fields[field].message).to.match(/[\u4e00-\u9fa5]/);
        expect(await counts()).to.deep.equal(before);
        const state = await api.get(`/api/flows/${flowId}`);
        expect(state.body.step).to.equal('enterprise');
      });
    }

    it('refuses an enterprise absent from the registry', async () => {
      const unknown = newUscc();
      const res = await api.step(flowId, 'enterprise', { ...base, ...unknown });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.uscc.code).to.equal('registry.notFound');
    });

    it('refuses a registry enterprise that was cancelled (注销), saying so', async () => {
      const gone = (await h.db.models.RegistryRecord.findOne({ where: { status: '注销' } }))!;
      const res = await api.step(flowId, 'enterprise', {
        uscc: gone.uscc, orgCode: gone.orgCode, name: gone.name, legalRepName: gone.legalRepName,
        legalRepIdType: gone.legalRepIdType, legalRepIdNumber: gone.legalRepIdNumber,
        legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000',
      });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.uscc.code).to.equal('registry.cancelled');
      expect(res.body.error.fields.uscc.message).to.include('注销');
      expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('enterprise');
    });

    it('answers in English when the browser asks for it', async () => {
      const en = new ApiClient(h.baseUrl, 'en');
      const id = (await en.post('/api/flows', { type: 'registration' })).body.flowId;
      const res = await en.step(id, 'enterprise', { ...base, uscc: 'X' });
      expect(res.body.error.fields.uscc.message).to.match(/^[\x20-\x7e]+$/);
    });
  });

  describe('step 2 refuses bad account information', () => {
    it('refuses weak passwords, mismatched confirmation and bad usernames, writing nothing', async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      const before = await counts();
      const tries: [Record<string, unknown>, string, string][] = [
        [{ password: 'abcdefgh', confirmPassword: 'abcdefgh' }, 'password', 'password.classes'],
        [{ password: 'Ab#1', confirmPassword: 'Ab#1' }, 'password', 'password.length'],
        [{ confirmPassword: 'Other#2026x' }, 'confirmPassword', 'password.mismatch'],
        [{ username: 'abcde' }, 'username', 'username.length'],
        [{ username: 'abcdefghij123456789' }, 'username', 'username.length'],
        [{ username: 'abc_def!' }, 'username', 'username.chars'],
        [{ agreement: false }, 'agreement', 'agreement.required'],
        [{ mobile: '12345' }, 'mobile', 'mobile.format'],
        [{ name: '管理\u0000员' }, 'name', 'text.controlChars'],
        [{ name: '\u2067管理员\u2069' }, 'name', 'text.controlChars'],
        [{ name: '管理\u200F员' }, 'name', 'text.controlChars'],
      ];
      for (const [change, field, code] of tries) {
        const res = await api.step(flowId, 'account', { ...adminFields({ smsCode: '123456' }), ...change });
        expect(res.status, JSON.stringify(change)).to.equal(422);
        expect(res.body.error.fields[field]?.code, JSON.stringify(res.body)).to.equal(code);
      }
      expect(await counts()).to.deep.equal(before);
    });

    it('refuses a wrong captcha when sending the SMS code, and a reused captcha', async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      const c = await api.captcha();
      const wrong = await api.step(flowId, 'sendSmsCode', { mobile: '13912340000', captchaId: c.captchaId, captcha: 'zzzz' });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.fields.captcha.code).to.equal('captcha.wrong');
      const reused = await api.step(flowId, 'sendSmsCode', { mobile: '13912340000', ...c });
      expect(reused.body.error.fields.captcha.code).to.equal('captcha.expired');
      const upper = await api.captcha();
      const ok = await api.step(flowId, 'sendSmsCode', { mobile: '13912340000', captchaId: upper.captchaId, captcha: upper.captcha.toUpperCase() });
      expect(ok.status, 'captcha is case-insensitive').to.equal(200);
      expect(ok.body.data.smsSentTo).to.equal('139****0000');
    });

    it('refuses a second SMS within 60 seconds', async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      await sendCode(api, flowId, '13912341111');
      const again = await api.step(flowId, 'sendSmsCode', { mobile: '13912341111', ...(await api.captcha()) });
      expect(again.status).to.equal(422);
      expect(again.body.error.fields.smsCode.code).to.equal('sms.tooSoon');
    });

    it('refuses wrong, expired and reused SMS codes', async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      const fields = adminFields();
      const code = await sendCode(api, flowId, fields.mobile as string);
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await api.step(flowId, 'account', { ...fields, smsCode: wrongCode });
      expect(wrong.body.error.fields.smsCode.code).to.equal('sms.wrong');
      const otherMobile = await api.step(flowId, 'account', { ...fields, mobile: '13700000000', smsCode: code });
      expect(otherMobile.body.error.fields.smsCode.code).to.equal('sms.mobileChanged');

      await h.db.models.OneTimeCode.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { subject: flowId } });
      const expired = await api.step(flowId, 'account', { ...fields, smsCode: code });
      expect(expired.body.error.fields.smsCode.code).to.equal('sms.expired');
      expect(await h.db.models.Account.count({ where: { createdBy: `flow:${flowId}` } })).to.equal(0);

      // A code used by one completed registration cannot complete another one.
      const admin = await registerAdmin(api, h.services);
      const used = await h.db.models.OneTimeCode.findOne({ where: { subject: admin.flowId } });
      expect(used!.consumedAt).to.not.equal(null);
      const other = await registrationAtAccountStep(api, h.services);
      const reuse = await api.step(other.flowId, 'account', { ...adminFields({ mobile: admin.mobile }), smsCode: await api.lastSmsCode(admin.mobile) });
      expect(reuse.status).to.equal(422);
      expect(reuse.body.error.fields.smsCode.code).to.equal('sms.notSent');
    });

    it('locks a code after five wrong tries', async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      const fields = adminFields();
      const code = await sendCode(api, flowId, fields.mobile as string);
      const wrongCode = code === '000000' ? '111111' : '000000';
      let last;
      for (let i = 0; i < 5; i++) last = await api.step(flowId, 'account', { ...fields, smsCode: wrongCode });
      expect(last!.body.error.fields.smsCode.code).to.equal('sms.tooManyAttempts');
      const right = await api.step(flowId, 'account', { ...fields, smsCode: code });
      expect(right.body.error.fields.smsCode.code).to.equal('sms.tooManyAttempts');
    });

    it('refuses a second administrator for the same enterprise, and a taken username', async () => {
      const first = await registerAdmin(api, h.services);
      const flowId = (await api.post('/api/flows', { type: 'registration' })).body.flowId;
      const again = await api.step(flowId, 'enterprise', first.enterprise);
      expect(again.status).to.equal(422);
      expect(again.body.error.fields.uscc.code).to.equal('enterprise.hasAdmin');

      const { flowId: f2 } = await registrationAtAccountStep(api, h.services);
      const fields = adminFields({ username: first.username.toUpperCase() });
      const code = await sendCode(api, f2, fields.mobile as string);
      const taken = await api.step(f2, 'account', { ...fields, smsCode: code });
      expect(taken.status).to.equal(422);
      expect(taken.body.error.fields.username.code).to.equal('username.taken');
      // The verified mobile is remembered: the corrected form needs no new code.
      const fixed = await api.step(f2, 'account', { ...fields, username: `${first.username.slice(0, 14)}x2`, smsCode: '' });
      expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200);
    });
  });

  describe('flow ownership and expiry', () => {
    it("refuses a step submitted from another browser, and hides the flow from it", async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      const stranger = new ApiClient(h.baseUrl);
      expect((await stranger.get(`/api/flows/${flowId}`)).status).to.equal(404);
      const res = await stranger.step(flowId, 'sendSmsCode', { mobile: '13912345678', ...(await stranger.captcha()) });
      expect(res.status).to.equal(404);
      expect(await h.db.models.Outbox.count({ where: { to: '13912345678' } })).to.equal(0);
    });

    it('refuses a step on an expired flow and says so', async () => {
      // A flow started with a two-second life, as the API does with FLOW_EXPIRY_MINUTES.
      await api.get('/api/captcha');
      const owner = await ownerOf(api);
      const view = await startFlow({ ...h.rt, expiryMs: 2000 }, 'registration', owner, {});
      await new Promise((r) => setTimeout(r, 3000));
      const state = await api.get(`/api/flows/${view.flowId}`);
      expect(state.body.status).to.equal('expired');
      const e = await registryEnterprise(h.services);
      const res = await api.step(view.flowId, 'enterprise', e);
      expect(res.status).to.equal(410);
      expect(res.body.error.message).to.include('过期');
    });

    it('refuses unknown steps and flow types', async () => {
      const { flowId } = await registrationAtAccountStep(api, h.services);
      expect((await api.step(flowId, 'constructor', {})).status).to.equal(404);
      expect((await api.post('/api/flows', { type: 'firstLogin' })).status).to.equal(400);
      expect((await api.get('/api/flows/registration-AAAAAAAAAAAAAAAAAAAAAA')).status).to.equal(404);
    });
  });

  async function ownerOf(client: ApiClient): Promise<string> {
    // The owner hash of this client's browser cookie, computed the way the API does.
    const started = await client.post('/api/flows', { type: 'registration' });
    const cookie = (client as any).cookies.get('sw_browser') as string;
    expect(started.status).to.equal(201);
    return keyedHash(h.services.keys, 'browser', cookie);
  }

  void GOOD_PASSWORD;
});
