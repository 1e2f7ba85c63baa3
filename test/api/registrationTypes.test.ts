// R3 public institutions, R4 individuals, R5 overseas users and R8 electronic-business-license
// quick registration through the API against the real worker, registry and mail simulators.
import crypto from 'node:crypto';
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { GOOD_PASSWORD, mobile, newUscc, registryEnterprise, residentId, uniqueUsername } from '../support/fixtures';
import { adminFields, registerAdmin, sendCode } from '../support/journeys';
import { orgCodeCheckChar, usccCheckChar } from '../../domain/identifiers';
import type { Services } from '../../activities/services';

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(0, 10)).join('');

/** A public institution (USCC 12…) known to the registry simulator, not yet registered. */
async function registryInstitution(services: Services) {
  const org8 = digits(8);
  const orgCode = org8 + orgCodeCheckChar(org8);
  const first17 = `12110000${orgCode}`;
  const e = {
    uscc: first17 + usccCheckChar(first17),
    orgCode,
    name: `测试事业单位${digits(6)}`,
    legalRepName: '单位负责人',
    legalRepIdType: 'resident',
    legalRepIdNumber: residentId(),
  };
  await services.db.models.RegistryRecord.create({ ...e, status: '存续', source: 'staff' });
  return { ...e, legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000' };
}

/** The newest e-mail code sent to an address (developer outbox, channel mail). */
async function lastMailCode(api: ApiClient, email: string): Promise<string> {
  const { body } = await api.get('/api/dev/outbox?limit=200');
  const message = body.items.find((m: { to: string; channel: string }) => m.to === email && m.channel === 'mail');
  if (!message) throw new Error(`no mail to ${email}`);
  return message.body.match(/(\d{6})/)[1];
}

const uniqueEmail = (prefix: string) => `${prefix}${crypto.randomBytes(4).toString('hex')}@example.com`;

/** Waits until a flow leaves `step` (signals are processed after the callback answered). */
async function waitForStep(api: ApiClient, flowId: string, step: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await api.get(`/api/flows/${flowId}`);
    if (state.body.step === step || Date.now() > until) return state;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('registration types R3, R4, R5, R8 (API)', () => {
  let h: Harness;
  let api: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(() => {
    api = new ApiClient(h.baseUrl);
  });

  describe('R3 public institution', () => {
    it('registers an institution administrator: same steps, enterprise kind institution', async () => {
      const inst = await registryInstitution(h.services);
      const started = await api.post('/api/flows', { type: 'registration', variant: 'institution' });
      expect(started.status).to.equal(201);
      expect(started.body.step).to.equal('enterprise');
      expect(started.body.data.variant).to.equal('institution');
      const flowId = started.body.flowId;
      const step1 = await api.step(flowId, 'enterprise', inst);
      expect(step1.status, JSON.stringify(step1.body)).to.equal(200);
      expect(step1.body.step).to.equal('account');
      const fields = adminFields();
      const code = await sendCode(api, flowId, fields.mobile as string);
      const done = await api.step(flowId, 'account', { ...fields, smsCode: code });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');

      const enterprise = await h.db.models.Enterprise.findOne({ where: { uscc: inst.uscc } });
      expect(enterprise!.kind).to.equal('institution');
      const login = await api.login(fields.username as string, GOOD_PASSWORD);
      expect(login.status).to.equal(200);
      expect(login.body.account.kind).to.equal('admin');
      expect(login.body.account.enterprise.kind).to.equal('institution');
    });

    it('checks the institution against the registry, and refuses a company USCC', async () => {
      const inst = await registryInstitution(h.services);
      const flowId = (await api.post('/api/flows', { type: 'registration', variant: 'institution' })).body.flowId;
      const mismatch = await api.step(flowId, 'enterprise', { ...inst, name: '别的事业单位' });
      expect(mismatch.status).to.equal(422);
      expect(mismatch.body.error.fields.name.code).to.equal('registry.nameMismatch');
      const company = await registryEnterprise(h.services);
      const wrongKind = await api.step(flowId, 'enterprise', company);
      expect(wrongKind.status).to.equal(422);
      expect(wrongKind.body.error.fields.uscc.code).to.equal('uscc.notInstitution');
      expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('enterprise');
    });

    it('refuses an unknown variant', async () => {
      expect((await api.post('/api/flows', { type: 'registration', variant: 'bank' })).status).to.equal(400);
      expect((await api.post('/api/flows', { type: 'individualRegistration', variant: 'institution' })).status).to.equal(400);
    });
  });

  describe('R4 individual', () => {
    const individual = (overrides: Record<string, unknown> = {}) => ({
      name: '张个人',
      idType: 'resident',
      idNumber: residentId(),
      idValidFrom: '20200101',
      idValidTo: '20400101',
      username: uniqueUsername('ind'),
      password: GOOD_PASSWORD,
      confirmPassword: GOOD_PASSWORD,
      mobile: mobile(),
      smsCode: '',
      email: uniqueEmail('ind'),
      emailCode: '',
      agreement: true,
      ...overrides,
    });

    const start = async () => {
      const started = await api.post('/api/flows', { type: 'individualRegistration' });
      expect(started.status).to.equal(201);
      expect(started.body.steps).to.deep.equal(['account', 'done']);
      return started.body.flowId as string;
    };

    it('registers with a resident ID, verified by an SMS code; the account has no enterprise', async () => {
      const flowId = await start();
      const fields = individual();
      const code = await sendCode(api, flowId, fields.mobile);
      const done = await api.step(flowId, 'account', { ...fields, smsCode: code });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');
      expect(done.body.data.username).to.equal(fields.username);

      const row = await h.db.models.Account.findOne({ where: { usernameKey: fields.username } });
      expect(row!.kind).to.equal('individual');
      expect(row!.enterpriseId).to.equal(null);
      expect(row!.createdBy).to.equal(`flow:${flowId}`);
      expect(row!.idNumberEnc).not.to.include(fields.idNumber);
      expect(await h.db.models.AuditEvent.count({ where: { action: 'registration.completed', flowId } })).to.equal(1);
      const login = await api.login(fields.username, GOOD_PASSWORD);
      expect(login.status).to.equal(200);
      expect(login.body.account.kind).to.equal('individual');
      expect(login.body.account.enterprise).to.equal(null);
    });

    it('needs the mobile and its SMS code with a resident ID', async () => {
      const flowId = await start();
      const res = await api.step(flowId, 'account', individual({ mobile: '', smsCode: '' }));
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.mobile.code).to.equal('required');
      expect(res.body.error.fields.smsCode.code).to.equal('required');
      expect(res.body.error.fields.emailCode).to.equal(undefined);
    });

    it('registers with a passport and no mobile, verified by an e-mail code sent after an image captcha', async () => {
      const flowId = await start();
      const fields = individual({ idType: 'passport', idNumber: `E${digits(8)}`, idValidFrom: '', idValidTo: '', mobile: '' });
      const notSent = await api.step(flowId, 'account', { ...fields, emailCode: '123456' });
      expect(notSent.status).to.equal(422);
      expect(notSent.body.error.fields.emailCode.code).to.equal('emailCode.notSent');
      expect(notSent.body.error.fields.mobile).to.equal(undefined);

      const noCaptcha = await api.step(flowId, 'sendEmailCode', { email: fields.email });
      expect(noCaptcha.status).to.equal(422);
      expect(noCaptcha.body.error.fields.captcha.code).to.equal('required');
      const sent = await api.step(flowId, 'sendEmailCode', { email: fields.email, ...(await api.captcha()) });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      expect(sent.body.data.emailSentTo).to.match(/^i\*\*\*@example\.com$/);
      const code = await lastMailCode(api, fields.email);

      const done = await api.step(flowId, 'account', { ...fields, emailCode: code });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');
      const row = await h.db.models.Account.findOne({ where: { usernameKey: fields.username } });
      expect(row!.kind).to.equal('individual');
      expect(row!.mobile).to.equal('');
      expect(row!.idType).to.equal('passport');
      expect(await h.db.models.Outbox.count({ where: { to: fields.email, channel: 'mail' } })).to.equal(1);
    });

    it('refuses a wrong e-mail code and one sent to another address, then accepts the right one', async () => {
      const flowId = await start();
      const fields = individual({ idType: 'hkmacao', idNumber: `H${digits(8)}`, idValidFrom: '', idValidTo: '', mobile: '' });
      await api.step(flowId, 'sendEmailCode', { email: fields.email, ...(await api.captcha()) });
      const code = await lastMailCode(api, fields.email);
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await api.step(flowId, 'account', { ...fields, emailCode: wrongCode });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.fields.emailCode.code).to.equal('emailCode.wrong');
      expect(wrong.body.error.fields.emailCode.message).to.equal('邮箱验证码错误');
      const other = await api.step(flowId, 'account', { ...fields, email: uniqueEmail('other'), emailCode: code });
      expect(other.body.error.fields.emailCode.code).to.equal('emailCode.mobileChanged');
      expect(await h.db.models.Account.count({ where: { createdBy: `flow:${flowId}` } })).to.equal(0);
      const again = await api.step(flowId, 'sendEmailCode', { email: fields.email, ...(await api.captcha()) });
      expect(again.body.error.fields.emailCode.code, 'a second code within 60 s').to.equal('emailCode.tooSoon');
      const right = await api.step(flowId, 'account', { ...fields, emailCode: code });
      expect(right.status, JSON.stringify(right.body)).to.equal(200);
    });

    it('allows one individual account per ID type and number', async () => {
      const first = individual();
      const f1 = await start();
      const done = await api.step(f1, 'account', { ...first, smsCode: await sendCode(api, f1, first.mobile) });
      expect(done.status).to.equal(200);

      const f2 = await start();
      const second = individual({ idNumber: first.idNumber });
      const dup = await api.step(f2, 'account', { ...second, smsCode: await sendCode(api, f2, second.mobile) });
      expect(dup.status).to.equal(422);
      expect(dup.body.error.fields.idNumber.code).to.equal('idNumber.taken');
      expect(await h.db.models.Account.count({ where: { createdBy: `flow:${f2}` } })).to.equal(0);
      // The same number as another document type is another identity.
      const asOther = await api.step(f2, 'account', { ...second, idType: 'other', idValidFrom: '', idValidTo: '', smsCode: '' });
      expect(asOther.status, JSON.stringify(asOther.body)).to.equal(200);
    });

    it('applies the individual username rule: lower case only', async () => {
      const flowId = await start();
      const res = await api.step(flowId, 'account', individual({ username: 'Person2026', smsCode: '123456' }));
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.username.code).to.equal('username.chars');
    });
  });

  describe('R5 overseas', () => {
    const overseas = (overrides: Record<string, unknown> = {}) => ({
      username: uniqueUsername('os'),
      password: GOOD_PASSWORD,
      confirmPassword: GOOD_PASSWORD,
      country: 'BDI',
      regNo: `RC-${digits(6)}`,
      organization: 'Bujumbura Coffee Exports S.A.',
      department: 'Export',
      jobTitle: 'Manager',
      contact: 'Jean Ndayishimiye',
      contactPhone: '+257 22 21 00 00',
      fax: '',
      mobile: '',
      address: 'Avenue de la Plage 12, Bujumbura',
      email: uniqueEmail('os'),
      emailCode: '',
      notes: '',
      ...overrides,
    });

    async function register(client: ApiClient, fields: ReturnType<typeof overseas>) {
      const flowId = (await client.post('/api/flows', { type: 'overseasRegistration' })).body.flowId as string;
      const sent = await client.step(flowId, 'sendEmailCode', { email: fields.email, ...(await client.captcha()) });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      const done = await client.step(flowId, 'account', { ...fields, emailCode: await lastMailCode(client, fields.email) });
      return { flowId, done };
    }

    it('registers with a country code; the profile keeps the registration number', async () => {
      const fields = overseas({ country: 'hkg', fax: '+852 2345 6789', mobile: '+852 9123 4567', notes: 'Agent of a Burundi exporter' });
      const { flowId, done } = await register(api, fields);
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');
      const row = await h.db.models.Account.findOne({ where: { usernameKey: fields.username } });
      expect(row!.kind).to.equal('overseas');
      expect(row!.enterpriseId).to.equal(null);
      expect(row!.name).to.equal(fields.contact);
      const profile = await h.db.models.OverseasProfile.findByPk(row!.id);
      expect(profile!.country).to.equal('HKG');
      expect(profile!.regNo).to.equal(fields.regNo);
      expect(profile!.organization).to.equal(fields.organization);
      expect(profile!.fax).to.equal(fields.fax);
      expect(await h.db.models.AuditEvent.count({ where: { action: 'registration.completed', flowId } })).to.equal(1);
      const login = await api.login(fields.username, GOOD_PASSWORD);
      expect(login.status).to.equal(200);
      expect(login.body.account.kind).to.equal('overseas');
    });

    it('leaves the registration number empty when not given', async () => {
      const fields = overseas({ regNo: '' });
      const { done } = await register(api, fields);
      expect(done.status).to.equal(200);
      const row = await h.db.models.Account.findOne({ where: { usernameKey: fields.username } });
      expect((await h.db.models.OverseasProfile.findByPk(row!.id))!.regNo).to.equal('');
    });

    it('refuses an unknown country and the mainland, and says so in English when asked', async () => {
      const en = new ApiClient(h.baseUrl, 'en');
      const flowId = (await en.post('/api/flows', { type: 'overseasRegistration' })).body.flowId;
      for (const country of ['XXX', 'CHN', '']) {
        const res = await en.step(flowId, 'account', overseas({ country, emailCode: '123456' }));
        expect(res.status).to.equal(422);
        expect(res.body.error.fields.country.code).to.equal(country ? 'country.invalid' : 'required');
      }
      const res = await en.step(flowId, 'account', overseas({ country: 'XXX', contactPhone: 'call me', username: 'Upper1234', password: 'short', confirmPassword: 'short', organization: '', emailCode: '' }));
      const f = res.body.error.fields;
      expect(f.country.message).to.equal('Enter a valid country/region code or choose one from the list');
      expect(f.contactPhone.code).to.equal('phone.format');
      expect(f.username.code).to.equal('username.chars');
      expect(f.password.code).to.equal('password.length');
      expect(f.organization.code).to.equal('required');
      expect(f.emailCode.code).to.equal('required');
      expect(res.body.error.message).to.equal('Please check the fields marked in red');
      for (const p of Object.values(f) as { message: string }[]) expect(p.message).to.match(/^[\x20-\x7e]+$/);
      const zh = await api.step((await api.post('/api/flows', { type: 'overseasRegistration' })).body.flowId, 'account', overseas({ country: 'XXX' }));
      expect(zh.body.error.fields.country.message).to.match(/[\u4e00-\u9fa5]/);
    });

    it('verifies the e-mail address: captcha before sending, the code of this address only', async () => {
      const fields = overseas();
      const flowId = (await api.post('/api/flows', { type: 'overseasRegistration' })).body.flowId;
      const c = await api.captcha();
      const wrongCaptcha = await api.step(flowId, 'sendEmailCode', { email: fields.email, captchaId: c.captchaId, captcha: 'zzzz' });
      expect(wrongCaptcha.body.error.fields.captcha.code).to.equal('captcha.wrong');
      const badEmail = await api.step(flowId, 'sendEmailCode', { email: 'not-an-address', ...(await api.captcha()) });
      expect(badEmail.body.error.fields.email.code).to.equal('email.format');
      const sent = await api.step(flowId, 'sendEmailCode', { email: fields.email, ...(await api.captcha()) });
      expect(sent.status).to.equal(200);
      const mail = (await api.get('/api/dev/outbox?limit=50')).body.items.find((m: { to: string }) => m.to === fields.email);
      expect(mail.channel).to.equal('mail');
      expect(mail.body).to.include('verification code');
      const code = await lastMailCode(api, fields.email);
      const wrong = await api.step(flowId, 'account', { ...fields, emailCode: code === '000000' ? '111111' : '000000' });
      expect(wrong.body.error.fields.emailCode.code).to.equal('emailCode.wrong');
      const done = await api.step(flowId, 'account', { ...fields, emailCode: code });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      // A retried final step changes nothing more (idempotent per flow).
      expect(await h.db.models.Account.count({ where: { createdBy: `flow:${flowId}` } })).to.equal(1);
    });
  });

  describe('R8 electronic business license quick registration', () => {
    const startLicenseFlow = async () => {
      const started = await api.post('/api/flows', { type: 'registration', variant: 'elicense' });
      expect(started.status).to.equal(201);
      expect(started.body.step).to.equal('elicense');
      expect(started.body.steps).to.deep.equal(['elicense', 'account', 'done']);
      return started.body.flowId as string;
    };

    it('lists the companies of the registry that have e-licenses (USCC starting with 9)', async () => {
      const res = await api.get('/api/dev/elicense/holders');
      expect(res.status).to.equal(200);
      expect(res.body.items.length).to.be.greaterThan(3);
      for (const item of res.body.items) expect(item.uscc).to.match(/^9/);
      expect(JSON.stringify(res.body)).not.to.include('130103197506120014');
    });

    it('a scan fills the enterprise from the license and moves the flow to the account step', async () => {
      const e = await registryEnterprise(h.services);
      const flowId = await startLicenseFlow();
      const scan = await api.post('/api/dev/elicense/scan', { flowId, uscc: e.uscc });
      expect(scan.status, JSON.stringify(scan.body)).to.equal(200);
      const state = await waitForStep(api, flowId, 'account');
      expect(state.body.step).to.equal('account');
      expect(state.body.data.enterprise).to.deep.include({ uscc: e.uscc, orgCode: e.orgCode, name: e.name, legalRepName: e.legalRepName });
      expect(state.body.data.licenseError).to.equal(null);
      // Step 1 is not typed in for a licensed enterprise.
      expect((await api.step(flowId, 'enterprise', e)).status).to.equal(409);

      const fields = adminFields();
      const done = await api.step(flowId, 'account', { ...fields, smsCode: await sendCode(api, flowId, fields.mobile as string) });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');
      const enterprise = await h.db.models.Enterprise.findOne({ where: { uscc: e.uscc } });
      expect(enterprise!.kind).to.equal('enterprise');
      expect(enterprise!.legalRepName).to.equal(e.legalRepName);
      // A late scan of a finished flow is refused.
      expect((await api.post('/api/dev/elicense/scan', { flowId, uscc: e.uscc })).status).to.equal(409);
    });

    it('still refuses an enterprise that already has an administrator', async () => {
      const admin = await registerAdmin(api, h.services);
      const flowId = await startLicenseFlow();
      const scan = await api.post('/api/dev/elicense/scan', { flowId, uscc: admin.enterprise.uscc });
      expect(scan.status).to.equal(200);
      const until = Date.now() + 10_000;
      let state = await api.get(`/api/flows/${flowId}`);
      while (!state.body.data.licenseError && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 150));
        state = await api.get(`/api/flows/${flowId}`);
      }
      expect(state.body.data.licenseError).to.equal('enterprise.hasAdmin');
      expect(state.body.step).to.equal('elicense');
      expect(state.body.data.enterprise).to.equal(null);
    });

    it('refuses a callback with a bad signature and leaves the flow unchanged', async () => {
      const e = await registryEnterprise(h.services);
      const flowId = await startLicenseFlow();
      const signed = await h.services.elicense.authorize(flowId, e.uscc);
      if ('error' in signed) throw new Error(signed.error);
      const cb = signed.callback;
      const flip = (hex: string) => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);
      for (const body of [
        { ...cb, signature: flip(cb.signature) },
        { ...cb, license: { ...cb.license, name: '冒名公司' } },
        { ...cb, signature: '' },
        { flowId },
      ]) {
        const res = await api.post('/api/elicense/callback', body);
        expect(res.status).to.equal(403);
        expect(res.body.error.code).to.equal('elicense.badSignature');
      }
      const old = await h.services.elicense.authorize(flowId, e.uscc);
      if ('error' in old) throw new Error(old.error);
      const stale = await api.post('/api/elicense/callback', { ...old.callback, issuedAt: new Date(Date.now() - 10 * 60_000).toISOString() });
      expect(stale.status, 'a changed time breaks the signature too').to.equal(403);
      // A genuine callback that arrives too late is refused as expired.
      expect(h.services.elicense.verifyCallback(old.callback, Date.now() + 10 * 60_000)).to.deep.equal({ ok: false, code: 'elicense.expired' });
      expect(h.services.elicense.verifyCallback(old.callback).ok).to.equal(true);
      await new Promise((r) => setTimeout(r, 300));
      const state = await api.get(`/api/flows/${flowId}`);
      expect(state.body.step).to.equal('elicense');
      expect(state.body.data.enterprise).to.equal(null);
    });

    it('refuses a callback signed for another flow, and one for a flow that is not waiting for a scan', async () => {
      const e = await registryEnterprise(h.services);
      const flowA = await startLicenseFlow();
      const flowB = await startLicenseFlow();
      const signed = await h.services.elicense.authorize(flowA, e.uscc);
      if ('error' in signed) throw new Error(signed.error);
      const moved = await api.post('/api/elicense/callback', { ...signed.callback, flowId: flowB });
      expect(moved.status).to.equal(403);
      expect(moved.body.error.code).to.equal('elicense.badSignature');

      const plain = (await api.post('/api/flows', { type: 'registration' })).body.flowId;
      const forPlain = await h.services.elicense.authorize(plain, e.uscc);
      if ('error' in forPlain) throw new Error(forPlain.error);
      const notWaiting = await api.post('/api/elicense/callback', forPlain.callback);
      expect(notWaiting.status).to.equal(409);
      expect(notWaiting.body.error.code).to.equal('elicense.notWaiting');

      const unknown = await h.services.elicense.authorize('registration-AAAAAAAAAAAAAAAAAAAAAA', e.uscc);
      if ('error' in unknown) throw new Error(unknown.error);
      expect((await api.post('/api/elicense/callback', unknown.callback)).status).to.equal(404);

      await new Promise((r) => setTimeout(r, 300));
      for (const id of [flowA, flowB]) {
        const state = await api.get(`/api/flows/${id}`);
        expect(state.body.step).to.equal('elicense');
        expect(state.body.data.enterprise).to.equal(null);
      }
      expect((await api.get(`/api/flows/${plain}`)).body.step).to.equal('enterprise');
    });

    it('refuses a USCC not starting with 9: only companies have electronic licenses', async () => {
      const flowId = await startLicenseFlow();
      const res = await api.post('/api/dev/elicense/scan', { flowId, uscc: '12100000400013599U' });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.uscc.code).to.equal('elicense.notCompany');
      const unknown = await api.post('/api/dev/elicense/scan', { flowId, uscc: newUscc().uscc });
      expect(unknown.body.error.fields.uscc.code).to.equal('registry.notFound');
      const gone = (await h.db.models.RegistryRecord.findOne({ where: { status: '注销' } }))!;
      const cancelled = await api.post('/api/dev/elicense/scan', { flowId, uscc: gone.uscc });
      expect(cancelled.status).to.equal(422);
      expect(cancelled.body.error.fields.uscc.code).to.equal('registry.cancelled');
      expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('elicense');
    });
  });
});
