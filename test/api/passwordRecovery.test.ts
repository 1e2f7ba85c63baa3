// P1–P3 password recovery and the manual review behind it (V1–V3), through the API against the
// real worker: every method, wrong and expired proofs, too many attempts, an unknown username that
// looks like any other, uploads with hostile files, clerks' decisions (four-eyes, ask for more,
// deadlines) and a worker restart while a case waits for its clerk.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import sharp from 'sharp';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { GOOD_PASSWORD, knownPerson, mobile, registryEnterprise, residentId, uniqueUsername } from '../support/fixtures';
import { canonical } from '../../activities/adapters/elicense';
import { keyedHash } from '../../db/pii';
import { sealIdNumber } from '../../activities/identity';
import { registerAdmin, RegisteredAdmin } from '../support/journeys';
import { hashPassword } from '../../activities/passwords';
import { METHODS_BY_KIND, standInFor } from '../../activities/recovery';

const NEW_PASSWORD = 'Renew#2026pw';

async function upload(api: ApiClient, flowId: string, name: string, data: Buffer, kind = 'idFront') {
  const form = new FormData();
  form.append('flowId', flowId);
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const cookies = (api as unknown as { cookies: Map<string, string> }).cookies;
  const res = await fetch(`${api.baseUrl}/api/review-uploads`, {
    method: 'POST',
    headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const png = (w = 240, h = 160) => sharp({ create: { width: w, height: h, channels: 3, background: '#cc3322' } }).png().toBuffer();
const jpeg = (w = 240, h = 160) => sharp({ create: { width: w, height: h, channels: 3, background: '#2233cc' } }).jpeg().toBuffer();

function bmp(w: number, h: number): Buffer {
  const stride = Math.ceil((w * 3) / 4) * 4;
  const buf = Buffer.alloc(54 + stride * h);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(w, 18);
  buf.writeInt32LE(h, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  buf.fill(0x80, 54);
  return buf;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A small valid PNG whose header claims 60000 × 60000 pixels (a decompression bomb's shape). */
async function hugePng(): Promise<Buffer> {
  const buf = Buffer.from(await png(16, 16));
  buf.writeUInt32BE(60000, 16);
  buf.writeUInt32BE(60000, 20);
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)), 29);
  return buf;
}

describe('P1–P3 password recovery and the review console (API)', () => {
  let h: Harness;
  let api: ApiClient;
  before(async () => {
    h = await harness();
  });
  beforeEach(() => {
    api = new ApiClient(h.baseUrl);
  });

  async function start(username: string) {
    const started = await api.post('/api/flows', { type: 'passwordRecovery' });
    expect(started.status).to.equal(201);
    const flowId = started.body.flowId as string;
    const step1 = await api.step(flowId, 'username', { username, ...(await api.captcha()) });
    expect(step1.status, JSON.stringify(step1.body)).to.equal(200);
    expect(step1.body.step).to.equal('verify');
    return { flowId, view: step1.body };
  }

  async function choose(flowId: string, method: string) {
    const res = await api.step(flowId, 'chooseMethod', { method });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  }

  async function expectLogin(username: string, password: string, status: number) {
    const res = await new ApiClient(h.baseUrl).login(username, password);
    expect(res.status, `${username} login`).to.equal(status);
  }

  describe('P1/P2 automatic proofs', () => {
    let admin: RegisteredAdmin;
    let idNumber: string;
    beforeEach(async () => {
      idNumber = residentId();
      admin = await registerAdmin(new ApiClient(h.baseUrl), h.services, { idNumber, email: `r${Date.now()}@example.cn` });
    });

    it('bound mobile: SMS code, new password, every old session ends', async () => {
      const portal = new ApiClient(h.baseUrl);
      expect((await portal.login(admin.username, admin.password)).status).to.equal(200);
      expect((await portal.get('/api/account')).status).to.equal(200);

      const { flowId, view } = await start(admin.username);
      expect(view.data.methods).to.deep.equal(['mobile', 'email', 'owner', 'legalRep', 'elicense']);
      const chosen = await choose(flowId, 'mobile');
      expect(chosen.data.boundMobile).to.equal(`${admin.mobile.slice(0, 3)}****${admin.mobile.slice(-4)}`);
      const sent = await api.step(flowId, 'sendSmsCode', await api.captcha());
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      expect(sent.body.data.smsSentTo, 'the note beside the code field').to.equal(chosen.data.boundMobile);
      expect(Date.parse(sent.body.data.resendAfter) - Date.now(), 'the countdown').to.be.within(50_000, 61_000);
      const code = await api.lastSmsCode(admin.mobile);
      const verified = await api.step(flowId, 'verify', { smsCode: code });
      expect(verified.status, JSON.stringify(verified.body)).to.equal(200);
      expect(verified.body.step).to.equal('reset');

      const weak = await api.step(flowId, 'reset', { password: 'short', confirmPassword: 'short' });
      expect(weak.status).to.equal(422);
      const done = await api.step(flowId, 'reset', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');
      expect(done.body.data.result).to.equal('reset');
      expect(done.body.data.username).to.equal(admin.username);

      expect((await portal.get('/api/account')).status, 'old session ended').to.equal(401);
      await expectLogin(admin.username, admin.password, 422);
      await expectLogin(admin.username, NEW_PASSWORD, 200);
      const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'password.recovered', flowId } });
      expect(audit).to.exist;
      expect(audit!.ip, 'the client address is audited').to.match(/127\.0\.0\.1|::1/);
      expect(JSON.stringify(await h.client.workflow.getHandle(flowId).fetchHistory())).not.to.include(NEW_PASSWORD);

      const again = await api.step(flowId, 'reset', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
      expect(again.status).to.equal(410);
    });

    it('bound e-mail code', async () => {
      const { flowId } = await start(admin.username);
      const chosen = await choose(flowId, 'email');
      expect(chosen.data.boundEmail).to.include('*');
      const sent = await api.step(flowId, 'sendEmailCode', await api.captcha());
      expect(sent.status).to.equal(200);
      // Where the code went and when another may be asked for: the portal's note and countdown.
      expect(sent.body.data.emailSentTo).to.equal(chosen.data.boundEmail);
      expect(Date.parse(sent.body.data.emailResendAfter) - Date.now()).to.be.within(50_000, 61_000);
      const account = await h.db.models.Account.findOne({ where: { usernameKey: admin.username.toLowerCase() } });
      const code = await api.lastSmsCode(account!.email);
      const verified = await api.step(flowId, 'verify', { emailCode: code });
      expect(verified.status, JSON.stringify(verified.body)).to.equal(200);
      expect(verified.body.step).to.equal('reset');
    });

    it('account-owner information: a wrong one is refused, the right one passes', async () => {
      const { flowId } = await start(admin.username);
      await choose(flowId, 'owner');
      const wrong = await api.step(flowId, 'verify', { name: '管理员甲', idType: 'resident', idNumber: residentId() });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.fields.proof.code).to.equal('recovery.proofMismatch');
      expect(wrong.body.error.fields.proof.message).to.match(/[\u4e00-\u9fa5]/);
      const right = await api.step(flowId, 'verify', { name: '管理员甲', idType: 'resident', idNumber });
      expect(right.status, JSON.stringify(right.body)).to.equal(200);
      expect(right.body.step).to.equal('reset');
      expect(right.body.data.attemptsLeft).to.equal(4);
    });

    it('account-owner information is also asked of the identity check: an expired ID card or another name there is refused', async () => {
      async function individual(name: string, known: [string, string, string]) {
        const id = residentId();
        const sealed = sealIdNumber(h.services.keys, 'resident', id);
        const username = uniqueUsername('ind');
        await h.db.models.Account.create({
          username, usernameKey: username, kind: 'individual', enterpriseId: null, name, idType: 'resident',
          idNumberEnc: sealed.enc, idNumberHash: sealed.hash, idNumberMasked: sealed.masked, idValidFrom: known[1], idValidTo: known[2], mobile: mobile(), email: '',
          passwordHash: await hashPassword(GOOD_PASSWORD), mustChangePassword: false, status: 'active', createdBy: `test:${username}`,
        });
        knownPerson(h.services, known[0], id, known[1], known[2]);
        return { id, username };
      }
      const expired = await individual('个人癸', ['个人癸', '20100101', '20200101']);
      const flow1 = (await start(expired.username)).flowId;
      await choose(flow1, 'owner');
      const refused = await api.step(flow1, 'verify', { name: '个人癸', idType: 'resident', idNumber: expired.id });
      expect(refused.body.error.fields.proof.code).to.equal('recovery.proofMismatch');

      const renamed = await individual('个人甲乙', ['个人甲丙', '20200101', '00000000']);
      const flow2 = (await start(renamed.username)).flowId;
      await choose(flow2, 'owner');
      const wrongName = await api.step(flow2, 'verify', { name: '个人甲乙', idType: 'resident', idNumber: renamed.id });
      expect(wrongName.body.error.fields.proof.code).to.equal('recovery.proofMismatch');

      const fine = await individual('个人丙丁', ['个人丙丁', '20200101', '20400101']);
      const flow3 = (await start(fine.username)).flowId;
      await choose(flow3, 'owner');
      const passed = await api.step(flow3, 'verify', { name: '个人丙丁', idType: 'resident', idNumber: fine.id });
      expect(passed.status, JSON.stringify(passed.body)).to.equal(200);
      expect(passed.body.step).to.equal('reset');
    });

    describe('P2 electronic business license (USCC starting with 9)', () => {
      async function waitView(flowId: string, ok: (v: { step: string; data: Record<string, unknown> }) => boolean) {
        let view = (await api.get(`/api/flows/${flowId}`)).body;
        for (let i = 0; i < 50 && !ok(view); i++) {
          await new Promise((r) => setTimeout(r, 100));
          view = (await api.get(`/api/flows/${flowId}`)).body;
        }
        return view;
      }

      it('the enterprise\'s signed, fresh license proves the administrator; another company\'s does not', async () => {
        const { flowId } = await start(admin.username);
        const other = await registryEnterprise(h.services);
        const foreign = await h.services.elicense.authorize(flowId, other.uscc);
        if ('error' in foreign) throw new Error(foreign.error);
        expect((await api.post('/api/elicense/callback', foreign.callback)).status, 'not waiting before the method is chosen').to.equal(409);
        await choose(flowId, 'elicense');
        expect((await api.post('/api/elicense/callback', foreign.callback)).status).to.equal(202);
        const refused = await waitView(flowId, (v) => !!v.data.licenseError);
        expect(refused.data.licenseError).to.equal('recovery.proofMismatch');
        expect(refused.step).to.equal('verify');

        const own = await h.services.elicense.authorize(flowId, admin.enterprise.uscc);
        if ('error' in own) throw new Error(own.error);
        expect((await api.post('/api/elicense/callback', own.callback)).status).to.equal(202);
        const proven = await waitView(flowId, (v) => v.step === 'reset');
        expect(proven.step).to.equal('reset');
        const done = await api.step(flowId, 'reset', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
        expect(done.status, JSON.stringify(done.body)).to.equal(200);
        await expectLogin(admin.username, NEW_PASSWORD, 200);
      });

      it('refuses a bad signature and an expired authorization', async () => {
        const { flowId } = await start(admin.username);
        await choose(flowId, 'elicense');
        const signed = await h.services.elicense.authorize(flowId, admin.enterprise.uscc);
        if ('error' in signed) throw new Error(signed.error);
        const tampered = { ...signed.callback, license: { ...signed.callback.license, name: `${signed.callback.license.name}X` } };
        const bad = await api.post('/api/elicense/callback', tampered);
        expect(bad.status).to.equal(403);
        expect(bad.body.error.code).to.equal('elicense.badSignature');
        const unsigned = { flowId, license: signed.callback.license, issuedAt: new Date(Date.now() - 10 * 60_000).toISOString(), nonce: 'old-nonce-0001' };
        const old = { ...unsigned, signature: keyedHash(h.services.keys, 'elicense', canonical(unsigned)) };
        const expired = await api.post('/api/elicense/callback', old);
        expect(expired.status).to.equal(403);
        expect(expired.body.error.code).to.equal('elicense.expired');
        expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('verify');
      });

      it('is not offered to the administrator of an enterprise whose USCC does not start with 9', async () => {
        const account = (await h.db.models.Account.findOne({ where: { usernameKey: admin.username.toLowerCase() } }))!;
        const e = (await h.db.models.Enterprise.findByPk(account.enterpriseId!))!;
        await e.update({ uscc: `1${e.uscc.slice(1)}` });
        const { flowId, view } = await start(admin.username);
        expect(view.data.methods).to.deep.equal(['mobile', 'email', 'owner', 'legalRep']);
        const res = await api.step(flowId, 'chooseMethod', { method: 'elicense' });
        expect(res.status).to.equal(422);
        expect(res.body.error.fields.method.code).to.equal('recovery.methodInvalid');
        const signed = await h.services.elicense.authorize(flowId, admin.enterprise.uscc);
        if ('error' in signed) throw new Error(signed.error);
        expect((await api.post('/api/elicense/callback', signed.callback)).status).to.equal(409);
      });
    });

    it('wrong codes, an expired code and too many attempts', async () => {
      const { flowId } = await start(admin.username);
      await choose(flowId, 'mobile');
      const early = await api.step(flowId, 'verify', { smsCode: '123456' });
      expect(early.body.error.fields.smsCode.code).to.equal('sms.notSent');
      await api.step(flowId, 'sendSmsCode', await api.captcha());
      const code = await api.lastSmsCode(admin.mobile);
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await api.step(flowId, 'verify', { smsCode: wrongCode });
      expect(wrong.body.error.fields.smsCode.code).to.equal('sms.wrong');
      await h.db.models.OneTimeCode.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { subject: flowId } });
      const expired = await api.step(flowId, 'verify', { smsCode: code });
      expect(expired.body.error.fields.smsCode.code).to.equal('sms.expired');
      for (let i = 0; i < 2; i++) await api.step(flowId, 'verify', { smsCode: wrongCode });
      const last = await api.step(flowId, 'verify', { smsCode: wrongCode });
      expect(last.body.error.fields.proof.code).to.equal('recovery.tooManyAttempts');
      const after = await api.step(flowId, 'verify', { smsCode: code });
      expect(after.status).to.equal(422);
      expect(after.body.error.fields.proof.code).to.equal('recovery.tooManyAttempts');
    });

    it('legal representative: a code accepted once is spent; a later attempt with it (or any code) is refused', async () => {
      const { flowId } = await start(admin.username);
      await choose(flowId, 'legalRep');
      const phone = mobile();
      expect((await api.step(flowId, 'sendSmsCode', { mobile: phone, ...(await api.captcha()) })).status).to.equal(200);
      const code = await api.lastSmsCode(phone);
      const e = admin.enterprise;
      const right = {
        enterpriseName: e.name, uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdType: 'resident',
        legalRepIdNumber: e.legalRepIdNumber, legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000', mobile: phone,
      };
      const failed = await api.step(flowId, 'verify', { ...right, legalRepIdNumber: residentId(), smsCode: code });
      expect(failed.body.error.fields.proof.code).to.equal('recovery.legalRepMismatch');
      const reused = await api.step(flowId, 'verify', { ...right, smsCode: code });
      expect(reused.status).to.equal(422);
      expect(reused.body.error.fields.smsCode.code).to.equal('sms.expired');
      const anyCode = await api.step(flowId, 'verify', { ...right, smsCode: '000000' });
      expect(anyCode.status).to.equal(422);
      const noCode = await api.step(flowId, 'verify', right);
      expect(noCode.body.error.fields.smsCode.code).to.equal('required');
      expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('verify');
    });

    it('身份信息不完整 when the account lacks what a method needs', async () => {
      await h.db.models.Account.update({ email: '' }, { where: { usernameKey: admin.username.toLowerCase() } });
      const { flowId } = await start(admin.username);
      const res = await api.step(flowId, 'chooseMethod', { method: 'email' });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.method.code).to.equal('recovery.identityIncomplete');
      expect(res.body.error.fields.method.message).to.equal('身份信息不完整');
    });

    it('a wrong captcha is refused at step 1', async () => {
      const flowId = (await api.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
      const c = await api.captcha();
      const res = await api.step(flowId, 'username', { username: admin.username, captchaId: c.captchaId, captcha: 'zzzz' });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.captcha.code).to.equal('captcha.wrong');
    });
  });

  describe('P1 account enumeration: nothing before a proof tells whether a username exists', () => {
    const REAL_LISTS = [METHODS_BY_KIND.admin, METHODS_BY_KIND.admin.filter((m) => m !== 'elicense'), METHODS_BY_KIND.operator, METHODS_BY_KIND.overseas];

    it('an unknown username answers as one real account type, the same on every try and from every browser, and never passes', async () => {
      const name = 'nosuchuser2026';
      const { flowId, view } = await start(name);
      expect(REAL_LISTS).to.deep.include(view.data.methods);
      const chosen = await choose(flowId, 'mobile');
      expect(chosen.data.boundMobile).to.match(/^1\d{2}\*{4}\d{4}$/);
      const before = await h.db.models.Outbox.count();
      expect((await api.step(flowId, 'sendSmsCode', await api.captcha())).status).to.equal(200);
      expect(await h.db.models.Outbox.count(), 'no message for a stand-in').to.equal(before);
      const res = await api.step(flowId, 'verify', { smsCode: '123456' });
      expect(res.body.error.fields.smsCode.code).to.equal('sms.wrong');
      for (let i = 0; i < 2; i++) {
        const other = new ApiClient(h.baseUrl);
        const f2 = (await other.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
        const again = await other.step(f2, 'username', { username: name.toUpperCase(), ...(await other.captcha()) });
        expect(again.body.data.methods, 'the same list on every try').to.deep.equal(view.data.methods);
        expect((await other.step(f2, 'chooseMethod', { method: 'mobile' })).body.data.boundMobile).to.equal(chosen.data.boundMobile);
      }
      // Unknown names spread over the real types, not all the administrator's list.
      const lists = new Set(Array.from({ length: 40 }, (_, i) => JSON.stringify(standInFor(h.services.keys, `ghost${i}`).methods)));
      expect(lists.size).to.be.greaterThan(1);
      for (const l of lists) expect(REAL_LISTS).to.deep.include(JSON.parse(l));
      // A card-made administrator's name shape (<cardNo>_ADMIN) answers as an administrator.
      for (let i = 0; i < 10; i++) expect(standInFor(h.services.keys, `T00${i}123456_ADMIN`).kind).to.equal('admin');
    });

    it('a known and an unknown username of the same type answer alike at every step before a proof, and do the same work', async () => {
      const admin = await registerAdmin(new ApiClient(h.baseUrl), h.services, { email: `e${Date.now()}@example.cn` });
      let ghost = '';
      for (let i = 0; i < 500 && !ghost; i++) {
        const candidate = `ghost${Date.now() % 100000}x${i}`;
        const p = standInFor(h.services.keys, candidate);
        if (JSON.stringify(p.methods) === JSON.stringify(METHODS_BY_KIND.admin) && p.incomplete.length === 0) ghost = candidate;
      }
      expect(ghost).to.not.equal('');
      const known = new ApiClient(h.baseUrl);
      const unknown = new ApiClient(h.baseUrl);
      const flows = { known: '', unknown: '' };
      // What may differ: ids, times, the masks (each name has its own) and the name as typed.
      const shape = (body: any) =>
        JSON.parse(JSON.stringify(body ?? null, (k, v) => {
          if (['flowId', 'expiresAt', 'resendAfter', 'username'].includes(k)) return v === null ? null : 'x';
          if (['boundEmail', 'emailSentTo'].includes(k) && typeof v === 'string') return v.replace(/^[^*]\*{3}@[^@]+\.[a-z]+$/i, 'x***@x');
          if (['boundMobile', 'smsSentTo', 'mobile'].includes(k) && typeof v === 'string') return v.replace(/[0-9]/g, '0');
          return v;
        }));
      const both = async (what: string, step: (c: ApiClient, flowId: string, name: string) => Promise<{ status: number; body: any }>) => {
        const a = await step(known, flows.known, admin.username);
        const b = await step(unknown, flows.unknown, ghost);
        expect(b.status, `${what}: status`).to.equal(a.status);
        expect(shape(b.body), what).to.deep.equal(shape(a.body));
        return a;
      };
      flows.known = (await known.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
      flows.unknown = (await unknown.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
      await both('username', async (c, f, name) => c.step(f, 'username', { username: name, ...(await c.captcha()) }));
      await both('choose mobile', (c, f) => c.step(f, 'chooseMethod', { method: 'mobile' }));
      await both('send code', async (c, f) => c.step(f, 'sendSmsCode', await c.captcha()));
      const code = await known.lastSmsCode(admin.mobile);
      const wrong = code === '000000' ? '111111' : '000000';
      await both('wrong code', (c, f) => c.step(f, 'verify', { smsCode: wrong }));
      // The same bookkeeping: each flow holds one code, with one attempt spent on it.
      for (const f of [flows.known, flows.unknown]) {
        const rows = await h.db.models.OneTimeCode.findAll({ where: { subject: f } });
        expect(rows.map((r) => r.attempts), f).to.deep.equal([1]);
      }
      await h.db.models.OneTimeCode.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { subject: [flows.known, flows.unknown] } });
      await both('expired code', (c, f) => c.step(f, 'verify', { smsCode: wrong }));
      await both('choose e-mail', (c, f) => c.step(f, 'chooseMethod', { method: 'email' }));
      await both('choose owner', (c, f) => c.step(f, 'chooseMethod', { method: 'owner' }));
      await both('wrong owner', (c, f) => c.step(f, 'verify', { name: '管理员甲', idType: 'resident', idNumber: residentId() }));
      expect((await both('after the proofs', (c, f) => c.get(`/api/flows/${f}`))).body.data.attemptsLeft).to.equal(2);
      // The legal-representative method in a fresh pair of flows (a code may be resent only after 60 s).
      flows.known = (await known.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
      flows.unknown = (await unknown.post('/api/flows', { type: 'passwordRecovery' })).body.flowId;
      await both('username again', async (c, f, name) => c.step(f, 'username', { username: name, ...(await c.captcha()) }));
      await both('choose legal representative', (c, f) => c.step(f, 'chooseMethod', { method: 'legalRep' }));
      const phones = { [flows.known]: mobile(), [flows.unknown]: mobile() };
      await both('send to the operator mobile', async (c, f) => c.step(f, 'sendSmsCode', { mobile: phones[f], ...(await c.captcha()) }));
      const e = admin.enterprise;
      const wrongId = residentId(); // not the legal representative's: the check fails for both
      await both('legal representative, right code, wrong information', async (c, f) => c.step(f, 'verify', {
        enterpriseName: e.name, uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdType: 'resident', legalRepIdNumber: wrongId,
        legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000', mobile: phones[f], smsCode: await c.lastSmsCode(phones[f]),
      }));
      const finalView = await both('after the legal representative', (c, f) => c.get(`/api/flows/${f}`));
      expect(finalView.body.data.attemptsLeft).to.equal(4);
      expect(finalView.body.data.manualReviewAvailable).to.equal(true);
    });
  });

  describe('P3 manual review and the console (V1–V3)', () => {
    let admin: RegisteredAdmin;
    let reviewer: ApiClient;
    let supervisor: ApiClient;
    let applicantMobile: string;

    before(async () => {
      reviewer = new ApiClient(h.baseUrl);
      expect((await reviewer.post('/api/admin/login', { username: 'reviewer', password: 'Reviewer#2026' })).status).to.equal(200);
      supervisor = new ApiClient(h.baseUrl);
      expect((await supervisor.post('/api/admin/login', { username: 'supervisor', password: 'Supervisor#2026' })).status).to.equal(200);
    });
    beforeEach(async () => {
      admin = await registerAdmin(new ApiClient(h.baseUrl), h.services);
      applicantMobile = mobile();
    });
    afterEach(async () => {
      await h.db.models.ReviewSetting.upsert({ key: 'fourEyesPasswordReset', value: 'off', updatedAt: new Date() });
      delete process.env.REVIEW_ESCALATE_SECONDS;
      delete process.env.REVIEW_CLOSE_SECONDS;
    });

    /** The legal-representative check fails (another ID number) and manual review opens. */
    async function atReview() {
      const { flowId } = await start(admin.username);
      await choose(flowId, 'legalRep');
      const sent = await api.step(flowId, 'sendSmsCode', { mobile: applicantMobile, ...(await api.captcha()) });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      const code = await api.lastSmsCode(applicantMobile);
      const e = admin.enterprise;
      const fields = {
        enterpriseName: e.name, uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdType: 'resident',
        legalRepIdNumber: residentId(), legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000', mobile: applicantMobile, smsCode: code,
      };
      const failed = await api.step(flowId, 'verify', fields);
      expect(failed.status).to.equal(422);
      expect(failed.body.error.fields.proof.code).to.equal('recovery.legalRepMismatch');
      const state = await api.get(`/api/flows/${flowId}`);
      expect(state.body.data.manualReviewAvailable).to.equal(true);
      expect(state.body.data.prefill.enterpriseName).to.equal(e.name);
      expect(state.body.data.prefill.legalRepIdNumber).to.include('*');
      const review = await api.step(flowId, 'requestReview', {});
      expect(review.body.step).to.equal('review');
      return { flowId, prefill: state.body.data.prefill };
    }

    async function submit(flowId: string, prefill: Record<string, string>) {
      const a = await upload(api, flowId, 'id-front.png', await png(), 'idFront');
      expect(a.status, JSON.stringify(a.body)).to.equal(201);
      const b = await upload(api, flowId, 'license.jpg', await jpeg(), 'license');
      expect(b.status, JSON.stringify(b.body)).to.equal(201);
      const res = await api.step(flowId, 'submitReview', {
        ...prefill, uploads: [a.body.uploadId, b.body.uploadId], password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...(await api.captcha()),
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.step).to.equal('waiting');
      const row = await h.db.models.ReviewCase.findOne({ where: { flowId } });
      expect(row).to.exist;
      return row!.id;
    }

    async function decide(clerk: ApiClient, caseId: number, decision: string, reasonText?: string) {
      const reasons = await clerk.get(`/api/admin/review-reasons?filter=${encodeURIComponent(JSON.stringify({ decision }))}`);
      const reason = reasonText ? reasons.body.find((r: { text: string }) => r.text === reasonText) : reasons.body[0];
      return clerk.post(`/api/admin/reviews/${caseId}/decide`, { decision, reasonId: reason?.id, comment: '核对营业执照与身份证' });
    }

    async function waitFor(flowId: string, what: (view: any) => boolean) {
      for (let i = 0; i < 100; i++) {
        const view = await api.get(`/api/flows/${flowId}`);
        if (what(view.body)) return view.body;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`flow ${flowId} never reached the expected state`);
    }

    it('approval applies the password chosen at submission, tells the applicant by SMS and is audited', async () => {
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      await expectLogin(admin.username, NEW_PASSWORD, 422); // not before a clerk approves

      const queue = await reviewer.get(`/api/admin/reviews?filter=${encodeURIComponent(JSON.stringify({ status: 'open', caseType: 'passwordRecovery', enterprise: admin.enterprise.uscc }))}`);
      expect(queue.status).to.equal(200);
      expect(queue.body.map((c: { id: number }) => c.id)).to.include(caseId);
      const view = await reviewer.get(`/api/admin/reviews/${caseId}`);
      expect(view.body.data.applicant.legalRepIdNumberMasked).to.include('*');
      expect(view.body.data.registry.found).to.equal(true);
      expect(view.body.data.registry.legalRepMatches).to.equal(false);
      expect(view.body.uploads).to.have.length(2);
      const image = await fetch(h.baseUrl + view.body.uploads[0].url, { headers: { cookie: `sw_staff=${(reviewer as any).cookies.get('sw_staff')}` } });
      expect(image.status).to.equal(200);
      expect(image.headers.get('content-type')).to.equal('image/png');
      expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).to.equal(240);
      expect((await api.get(view.body.uploads[0].url)).status, 'images are for staff only').to.equal(401);

      expect((await decide(reviewer, caseId, 'approve')).status, 'claim first').to.equal(409);
      expect((await reviewer.post(`/api/admin/reviews/${caseId}/claim`)).status).to.equal(200);
      expect((await supervisor.post(`/api/admin/reviews/${caseId}/claim`)).body.error.code).to.equal('review.claimedByOther');
      const approved = await decide(reviewer, caseId, 'approve');
      expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
      expect(approved.body.status).to.equal('approved');

      const done = await waitFor(flowId, (v) => v.status === 'completed');
      expect(done.data.result).to.equal('approved');
      await expectLogin(admin.username, NEW_PASSWORD, 200);
      const recovered = await h.db.models.AuditEvent.findOne({ where: { action: 'password.recovered', flowId } });
      expect(recovered!.ip, 'the applicant\'s address at submission').to.match(/127\.0\.0\.1|::1/);
      const sms = await h.db.models.Outbox.findOne({ where: { to: applicantMobile, template: 'review.approved' } });
      expect(sms, 'result SMS').to.exist;
      expect(await h.db.models.AuditEvent.count({ where: { action: 'review.approve', entityId: String(caseId) } })).to.equal(1);
      const late = await decide(reviewer, caseId, 'reject');
      expect(late.status, 'a decision on a closed case').to.equal(409);
      expect(late.body.error.code).to.equal('review.closed');
    });

    it('approval of a case whose account was disabled meanwhile ends the flow (account.disabled) and sets no password', async () => {
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      const before = (await h.db.models.Account.findOne({ where: { username: admin.username } }))!;
      await before.update({ status: 'disabled' });
      expect((await reviewer.post(`/api/admin/reviews/${caseId}/claim`)).status).to.equal(200);
      expect((await decide(reviewer, caseId, 'approve')).status).to.equal(200);
      // The clerk's decision reaches the flow as a signal: the refusal ends it rather than leaving it waiting.
      const ended = await waitFor(flowId, (v) => v.status !== 'active');
      expect(ended.status).to.equal('ended');
      expect(ended.endReason).to.equal('account.disabled');
      expect((await h.db.models.Account.findByPk(before.id))!.passwordHash).to.equal(before.passwordHash);
    });

    it('rejection leaves the password as it was; ask-for-more reopens the review step', async () => {
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      await reviewer.post(`/api/admin/reviews/${caseId}/claim`);
      const noReason = await reviewer.post(`/api/admin/reviews/${caseId}/decide`, { decision: 'more' });
      expect(noReason.status).to.equal(422);
      expect((await decide(reviewer, caseId, 'more')).status).to.equal(200);
      const more = await waitFor(flowId, (v) => v.step === 'review');
      expect(more.data.review.moreReason).to.be.a('string').and.not.equal('');
      expect(await h.db.models.Outbox.findOne({ where: { to: applicantMobile, template: 'review.moreInfo' } })).to.exist;

      const again = await submit(flowId, prefill);
      expect(again).to.equal(caseId);
      const row = await h.db.models.ReviewCase.findByPk(caseId);
      expect(row!.round).to.equal(2);
      expect(row!.status).to.equal('pending');
      await reviewer.post(`/api/admin/reviews/${caseId}/claim`);
      expect((await decide(reviewer, caseId, 'reject')).status).to.equal(200);
      const done = await waitFor(flowId, (v) => v.status === 'completed');
      expect(done.data.result).to.equal('rejected');
      await expectLogin(admin.username, admin.password, 200);
      await expectLogin(admin.username, NEW_PASSWORD, 422);
    });

    it('four-eyes: the first approver cannot approve again; a second clerk completes it', async () => {
      const off = await reviewer.call('PUT', '/api/admin/review-settings', { fourEyesPasswordReset: true });
      expect(off.status, 'reviewers cannot change settings').to.equal(403);
      expect((await supervisor.call('PUT', '/api/admin/review-settings', { fourEyesPasswordReset: true })).status).to.equal(200);
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      await reviewer.post(`/api/admin/reviews/${caseId}/claim`);
      const first = await decide(reviewer, caseId, 'approve');
      expect(first.body.status).to.equal('secondApproval');
      expect((await reviewer.post(`/api/admin/reviews/${caseId}/claim`)).body.error.code).to.equal('review.sameApprover');
      expect((await api.get(`/api/flows/${flowId}`)).body.step).to.equal('waiting');
      await supervisor.post(`/api/admin/reviews/${caseId}/claim`);
      expect((await decide(supervisor, caseId, 'approve')).body.status).to.equal('approved');
      await waitFor(flowId, (v) => v.status === 'completed');
      await expectLogin(admin.username, NEW_PASSWORD, 200);
    });

    it('a worker restart while the case waits for its clerk loses nothing', async () => {
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      await h.stopWorker();
      try {
        await reviewer.post(`/api/admin/reviews/${caseId}/claim`);
        expect((await decide(reviewer, caseId, 'approve')).status).to.equal(200);
      } finally {
        await h.startWorker();
      }
      const done = await waitFor(flowId, (v) => v.status === 'completed');
      expect(done.data.result).to.equal('approved');
      await expectLogin(admin.username, NEW_PASSWORD, 200);
    });

    it('deadlines: the case escalates to supervisors, then closes with an SMS', async () => {
      process.env.REVIEW_ESCALATE_SECONDS = '2';
      process.env.REVIEW_CLOSE_SECONDS = '5';
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      for (let i = 0; i < 50 && !(await h.db.models.ReviewCase.findByPk(caseId))!.escalated; i++) await new Promise((r) => setTimeout(r, 200));
      expect((await h.db.models.ReviewCase.findByPk(caseId))!.escalated).to.equal(true);
      const escalated = await supervisor.get(`/api/admin/reviews?filter=${encodeURIComponent(JSON.stringify({ escalated: true, status: 'open' }))}`);
      expect(escalated.body.map((c: { id: number }) => c.id)).to.include(caseId);
      const done = await waitFor(flowId, (v) => v.status === 'completed');
      expect(done.data.result).to.equal('closed');
      expect((await h.db.models.ReviewCase.findByPk(caseId))!.status).to.equal('closed');
      expect(await h.db.models.Outbox.findOne({ where: { to: applicantMobile, template: 'review.closed' } })).to.exist;
      await reviewer.post(`/api/admin/reviews/${caseId}/claim`).then((r) => expect(r.body.error.code).to.equal('review.closed'));
      await expectLogin(admin.username, NEW_PASSWORD, 422);
    });

    it('roles: reviewers cannot assign; supervisors assign; the system administrator configures reasons but neither sees, assigns nor decides cases', async () => {
      const { flowId, prefill } = await atReview();
      const caseId = await submit(flowId, prefill);
      const staff = await reviewer.get('/api/admin/review-staff');
      const reviewerId = staff.body.find((s: { username: string }) => s.username === 'reviewer').id;
      expect((await reviewer.post(`/api/admin/reviews/${caseId}/assign`, { staffId: reviewerId })).status).to.equal(403);
      const assigned = await supervisor.post(`/api/admin/reviews/${caseId}/assign`, { staffId: reviewerId });
      expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200);
      expect(assigned.body.assigneeName).to.not.equal('');
      expect((await reviewer.get(`/api/admin/reviews?filter=${encodeURIComponent(JSON.stringify({ assigneeId: 'me' }))}`)).body.map((c: { id: number }) => c.id)).to.include(caseId);
      expect((await reviewer.post(`/api/admin/reviews/${caseId}/release`)).status).to.equal(200);

      await h.db.models.Staff.findOrCreate({ where: { username: 'sysadmin1' }, defaults: { username: 'sysadmin1', name: '系统管理员', role: 'sysadmin', status: 'active', passwordHash: await hashPassword(GOOD_PASSWORD) } });
      const sysadmin = new ApiClient(h.baseUrl);
      expect((await sysadmin.post('/api/admin/login', { username: 'sysadmin1', password: GOOD_PASSWORD })).status).to.equal(200);
      const created = await sysadmin.post('/api/admin/review-reasons', { decision: 'reject', text: '申请人身份无法确认' });
      expect(created.status).to.equal(201);
      // The system administrator decides no cases: no queue, no case data or images, no claim, decision or assignment.
      expect((await sysadmin.get('/api/admin/reviews')).body).to.deep.equal([]);
      expect((await sysadmin.get(`/api/admin/reviews/${caseId}`)).status).to.equal(404);
      expect((await sysadmin.post(`/api/admin/reviews/${caseId}/claim`)).status).to.equal(404);
      expect((await decide(sysadmin, caseId, 'reject', '申请人身份无法确认')).status).to.equal(404);
      expect((await sysadmin.post(`/api/admin/reviews/${caseId}/assign`, { staffId: reviewerId })).status).to.equal(403);
      const upload = await h.db.models.ReviewUpload.findOne();
      if (upload) expect((await sysadmin.get(`/api/admin/reviews/${caseId}/uploads/${upload.id}`)).status).to.equal(404);
      await reviewer.post(`/api/admin/reviews/${caseId}/claim`);
      expect((await decide(reviewer, caseId, 'reject', '申请人身份无法确认')).status).to.equal(200);
      expect((await h.db.models.ReviewCase.findByPk(caseId))!.reason).to.equal('申请人身份无法确认');
      const trail = await supervisor.get(`/api/admin/reviews/${caseId}`);
      expect(trail.body.decisions.map((d: { action: string }) => d.action)).to.deep.equal(['assign', 'release', 'claim', 'reject']);
    });

    describe('uploads', () => {
      let flowId: string;
      let owner: ApiClient; // the browser that owns the flow at its review step
      before(async () => {
        admin = await registerAdmin(new ApiClient(h.baseUrl), h.services);
        applicantMobile = mobile();
        api = new ApiClient(h.baseUrl);
        ({ flowId } = await atReview());
        owner = api;
      });

      it('accepts jpg, png and bmp, re-encoded and stored outside every served folder', async () => {
        const bmpRes = await upload(owner, flowId, 'scan.bmp', bmp(33, 21), 'idBack');
        expect(bmpRes.status, JSON.stringify(bmpRes.body)).to.equal(201);
        expect(bmpRes.body.width).to.equal(33);
        const row = await h.db.models.ReviewUpload.findByPk(bmpRes.body.uploadId);
        const file = path.join(h.services.uploadDir, row!.storedName);
        expect(fs.existsSync(file)).to.equal(true);
        expect(file.startsWith(path.join(h.config.dataDir, 'uploads'))).to.equal(true);
        expect(row!.storedName).not.to.include('scan');
        expect((await sharp(file).metadata()).format).to.equal('png');
        const jpg = await upload(owner, flowId, 'photo.JPEG', await jpeg());
        expect(jpg.status).to.equal(201);
      });

      it('refuses a file whose content is not an image of an accepted type', async () => {
        const text = await upload(owner, flowId, 'evil.png', Buffer.from('<script>alert(1)</script>'.repeat(20)));
        expect(text.status).to.equal(422);
        expect(text.body.error.fields.file.code).to.equal('upload.type');
        const gif = await upload(owner, flowId, 'a.png', await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).gif().toBuffer());
        expect(gif.body.error.fields.file.code).to.equal('upload.type');
        const exe = await upload(owner, flowId, 'a.exe', await png());
        expect(exe.body.error.fields.file.code).to.equal('upload.type');
      });

      it('refuses a huge-dimension image, a truncated file and a 5 MB file', async () => {
        const huge = await upload(owner, flowId, 'huge.png', await hugePng());
        expect(huge.status).to.equal(422);
        expect(huge.body.error.fields.file.code).to.equal('upload.tooManyPixels');
        const whole = await jpeg(800, 600);
        const truncated = await upload(owner, flowId, 'cut.jpg', whole.subarray(0, Math.floor(whole.length / 2)));
        expect(truncated.status).to.equal(422);
        expect(truncated.body.error.fields.file.code).to.equal('upload.unreadable');
        const cutPng = await png(300, 300);
        expect((await upload(owner, flowId, 'cut.png', cutPng.subarray(0, 60))).body.error.fields.file.code).to.equal('upload.unreadable');
        const big = Buffer.concat([await png(), Buffer.alloc(5 * 1024 * 1024, 1)]);
        const tooBig = await upload(owner, flowId, 'big.png', big);
        expect(tooBig.status).to.equal(413);
        expect(tooBig.body.error.fields.file.code).to.equal('upload.tooLarge');
      });

      it('refuses uploads from another browser and to a flow not at its review step', async () => {
        const other = new ApiClient(h.baseUrl);
        expect((await upload(other, flowId, 'a.png', await png())).status).to.equal(404);
        const { flowId: early } = await start(admin.username);
        expect((await upload(api, early, 'a.png', await png())).status).to.equal(409);
      });
    });
  });
});
