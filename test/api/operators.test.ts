// O2 an administrator adds operators; L2 the operator's first login (SMS check of the mobile the
// administrator entered, forced password change); who may use /api/operators.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { mobile, residentId, uniqueUsername } from '../support/fixtures';
import { registerAdmin, RegisteredAdmin } from '../support/journeys';

const DEFAULT_PASSWORD = '88888888';
const OPERATOR_PASSWORD = 'Oper#2026good';

function operatorFields(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueUsername('op'),
    name: '操作员乙',
    mobile: mobile(),
    idType: 'resident',
    idNumber: residentId(),
    idValidFrom: '20200101',
    idValidTo: '20400101',
    email: 'op@example.cn',
    ...overrides,
  };
}

describe('O2/L2 operators and their first login (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  /** A registered administrator, logged in in its own browser. */
  async function loggedInAdmin(overrides: Record<string, unknown> = {}): Promise<{ api: ApiClient; admin: RegisteredAdmin; accountId: number }> {
    const api = new ApiClient(h.baseUrl);
    const admin = await registerAdmin(api, h.services, overrides);
    const login = await api.login(admin.username, admin.password);
    expect(login.status, JSON.stringify(login.body)).to.equal(200);
    return { api, admin, accountId: login.body.account.id };
  }

  const operatorCount = () => h.db.models.Account.count({ where: { kind: 'operator' } });

  describe('adding operators', () => {
    it('adds an operator who must change the default password; numbers are masked', async () => {
      const { api } = await loggedInAdmin();
      const f = operatorFields();
      const res = await api.post('/api/operators', f);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body.username).to.equal(f.username);
      expect(res.body.kind).to.equal('operator');
      expect(res.body.mustChangePassword).to.equal(true);
      expect(res.body.mobile).to.equal(`${f.mobile.slice(0, 3)}****${f.mobile.slice(-4)}`);
      expect(res.body.idNumberMasked).to.equal(`${f.idNumber.slice(0, 4)}******${f.idNumber.slice(-4)}`);
      expect(JSON.stringify(res.body)).not.to.include(f.idNumber);
      expect(JSON.stringify(res.body)).not.to.include(f.mobile);
      expect(JSON.stringify(res.body)).not.to.match(/passwordHash|idNumberEnc/);

      const list = await api.get('/api/operators');
      expect(list.status).to.equal(200);
      expect(list.body.items.map((o: { username: string }) => o.username)).to.deep.equal([f.username]);
      expect(JSON.stringify(list.body)).not.to.include(f.idNumber);
      const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'operator.created', entityId: String(res.body.id) } });
      expect(audit, 'operator.created audit').to.exist;
    });

    it('refuses bad fields one by one, writing nothing', async () => {
      const { api } = await loggedInAdmin();
      const before = await operatorCount();
      const tries: [Record<string, unknown>, string, string][] = [
        [{ username: 'Operator1' }, 'username', 'username.chars'],
        [{ username: 'op1' }, 'username', 'username.length'],
        [{ username: '' }, 'username', 'required'],
        [{ name: '' }, 'name', 'required'],
        [{ mobile: '12345' }, 'mobile', 'mobile.format'],
        [{ idNumber: '110101199902300011' }, 'idNumber', 'residentId.birthDate'],
        [{ idType: 'martian' }, 'idType', 'idType.invalid'],
        [{ idValidFrom: '20200101', idValidTo: '20190101' }, 'idValidTo', 'validity.endBeforeStart'],
        [{ idValidFrom: '2020-01-01' }, 'idValidFrom', 'date.format'],
        [{ email: 'not-an-email' }, 'email', 'email.format'],
        [{ name: '张\u0000三' }, 'name', 'text.controlChars'],
        [{ name: '\u202E三张' }, 'name', 'text.controlChars'],
        [{ name: '张三\u009B' }, 'name', 'text.controlChars'],
      ];
      for (const [change, field, code] of tries) {
        const res = await api.post('/api/operators', operatorFields(change));
        expect(res.status, JSON.stringify(change)).to.equal(422);
        expect(res.body.error.fields[field]?.code, `${JSON.stringify(change)} → ${JSON.stringify(res.body)}`).to.equal(code);
        expect(res.body.error.fields[field].message).to.match(/[\u4e00-\u9fa5]/);
      }
      const wrongCheck = operatorFields();
      wrongCheck.idNumber = wrongCheck.idNumber.slice(0, 17) + (wrongCheck.idNumber[17] === '1' ? '2' : '1');
      const res = await api.post('/api/operators', wrongCheck);
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.idNumber.code).to.equal('residentId.check');
      expect(await operatorCount()).to.equal(before);
      expect((await api.get('/api/operators')).body.items).to.deep.equal([]);
    });

    it('refuses a taken username in any letter case', async () => {
      const mixedCase = `Adm${uniqueUsername('x').slice(1)}`;
      const { api } = await loggedInAdmin({ username: mixedCase });
      const first = operatorFields();
      expect((await api.post('/api/operators', first)).status).to.equal(201);
      const again = await api.post('/api/operators', operatorFields({ username: first.username }));
      expect(again.status).to.equal(422);
      expect(again.body.error.fields.username.code).to.equal('username.taken');
      // The administrator's own name, typed in lower case as operators must be.
      const adminsName = await api.post('/api/operators', operatorFields({ username: mixedCase.toLowerCase() }));
      expect(adminsName.status).to.equal(422);
      expect(adminsName.body.error.fields.username.code).to.equal('username.taken');
      expect((await api.get('/api/operators')).body.items).to.have.length(1);
    });

    it('refuses the same ID type and number twice in one enterprise, but not in another', async () => {
      const idNumber = residentId();
      const a = await loggedInAdmin();
      expect((await a.api.post('/api/operators', operatorFields({ idNumber }))).status).to.equal(201);
      const twice = await a.api.post('/api/operators', operatorFields({ idNumber }));
      expect(twice.status).to.equal(422);
      expect(twice.body.error.fields.idNumber.code).to.equal('idNumber.taken');

      const b = await loggedInAdmin();
      const elsewhere = await b.api.post('/api/operators', operatorFields({ idNumber }));
      expect(elsewhere.status, JSON.stringify(elsewhere.body)).to.equal(201);
    });

    it("refuses an operator with the administrator's own ID number", async () => {
      const idNumber = residentId();
      const { api } = await loggedInAdmin({ idNumber });
      const res = await api.post('/api/operators', operatorFields({ idNumber }));
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.idNumber.code).to.equal('idNumber.taken');
    });

    it("shows each administrator only the own enterprise's operators", async () => {
      const a = await loggedInAdmin();
      const b = await loggedInAdmin();
      const opA = operatorFields();
      const opB = operatorFields();
      expect((await a.api.post('/api/operators', opA)).status).to.equal(201);
      expect((await b.api.post('/api/operators', opB)).status).to.equal(201);
      const listA = await a.api.get('/api/operators');
      const listB = await b.api.get('/api/operators');
      expect(listA.body.items.map((o: { username: string }) => o.username)).to.deep.equal([opA.username]);
      expect(listB.body.items.map((o: { username: string }) => o.username)).to.deep.equal([opB.username]);
    });

    it('refuses visitors who are not logged in', async () => {
      const anon = new ApiClient(h.baseUrl);
      const before = await operatorCount();
      expect((await anon.get('/api/operators')).status).to.equal(401);
      expect((await anon.post('/api/operators', operatorFields())).status).to.equal(401);
      expect(await operatorCount()).to.equal(before);
    });
  });

  describe('first login of an operator (L2)', () => {
    it('sends the operator through SMS check and a new password, then lets it in with that password only', async () => {
      const { api: adminApi, accountId: adminId } = await loggedInAdmin();
      const f = operatorFields();
      const created = await adminApi.post('/api/operators', f);
      expect(created.status).to.equal(201);

      const op = new ApiClient(h.baseUrl);
      const first = await op.login(f.username, DEFAULT_PASSWORD);
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.next).to.equal('firstLogin');
      expect(first.body.flowId).to.match(/^firstLogin-/);
      expect(first.body.account, 'no account yet').to.equal(undefined);
      expect((await op.get('/api/session')).status, 'no session before the password change').to.equal(401);
      const flowId = first.body.flowId as string;

      const state = await op.get(`/api/flows/${flowId}`);
      expect(state.status).to.equal(200);
      expect(state.body.step).to.equal('smsCheck');
      expect(state.body.data.mobile).to.equal(`${f.mobile.slice(0, 3)}****${f.mobile.slice(-4)}`);

      // Another browser can neither see nor drive the flow.
      const stranger = new ApiClient(h.baseUrl);
      expect((await stranger.get(`/api/flows/${flowId}`)).status).to.equal(404);
      const strangerSend = await stranger.step(flowId, 'sendSmsCode', await stranger.captcha());
      expect(strangerSend.status).to.equal(404);
      expect(await h.db.models.Outbox.count({ where: { to: f.mobile } }), 'no SMS for the stranger').to.equal(0);

      // The new password is not accepted before the SMS check.
      const early = await op.step(flowId, 'newPassword', { password: OPERATOR_PASSWORD, confirmPassword: OPERATOR_PASSWORD });
      expect([409, 422]).to.include(early.status);
      expect((await op.get(`/api/flows/${flowId}`)).body.step).to.equal('smsCheck');

      const sent = await op.step(flowId, 'sendSmsCode', await op.captcha());
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      const sms = await h.db.models.Outbox.findAll({ where: { to: f.mobile } });
      expect(sms, 'one SMS to the mobile the administrator entered').to.have.length(1);
      const code = await op.lastSmsCode(f.mobile);

      const wrong = await op.step(flowId, 'smsCheck', { smsCode: code === '000000' ? '111111' : '000000' });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.fields.smsCode.code).to.equal('sms.wrong');

      const checked = await op.step(flowId, 'smsCheck', { smsCode: code });
      expect(checked.status, JSON.stringify(checked.body)).to.equal(200);
      expect(checked.body.step).to.equal('newPassword');

      const weak = await op.step(flowId, 'newPassword', { password: 'abcdefgh', confirmPassword: 'abcdefgh' });
      expect(weak.status).to.equal(422);
      expect(weak.body.error.fields.password.code).to.equal('password.classes');
      const short = await op.step(flowId, 'newPassword', { password: 'Ab#1', confirmPassword: 'Ab#1' });
      expect(short.body.error.fields.password.code).to.equal('password.length');
      const mismatch = await op.step(flowId, 'newPassword', { password: OPERATOR_PASSWORD, confirmPassword: 'Other#2026x' });
      expect(mismatch.body.error.fields.confirmPassword.code).to.equal('password.mismatch');
      // Still on the default password.
      expect((await h.db.models.Account.findByPk(created.body.id))!.mustChangePassword).to.equal(true);

      const strangerPassword = await stranger.step(flowId, 'newPassword', { password: 'Hijack#2026x', confirmPassword: 'Hijack#2026x' });
      expect(strangerPassword.status).to.equal(404);

      const done = await op.step(flowId, 'newPassword', { password: OPERATOR_PASSWORD, confirmPassword: OPERATOR_PASSWORD });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.status).to.equal('completed');
      expect((await op.get('/api/session')).status, 'the flow itself does not log in').to.equal(401);

      const old = await op.login(f.username, DEFAULT_PASSWORD);
      expect(old.status).to.equal(422);
      expect(old.body.error.fields.password.code).to.equal('login.failed');
      const login = await op.login(f.username, OPERATOR_PASSWORD);
      expect(login.status, JSON.stringify(login.body)).to.equal(200);
      expect(login.body.account.kind).to.equal('operator');
      expect(login.body.account.mustChangePassword).to.equal(false);
      expect((await op.get('/api/session')).status).to.equal(200);

      // The administrator sees that the operator no longer has to change the password.
      const listed = (await adminApi.get('/api/operators')).body.items[0];
      expect(listed.mustChangePassword).to.equal(false);

      // An operator is not an administrator.
      expect((await op.get('/api/operators')).status).to.equal(403);
      const before = await operatorCount();
      expect((await op.post('/api/operators', operatorFields())).status).to.equal(403);
      expect(await operatorCount()).to.equal(before);

      expect(await h.db.models.AuditEvent.count({ where: { action: 'operator.created', entityId: String(created.body.id), actorId: String(adminId) } })).to.equal(1);
      expect(await h.db.models.AuditEvent.count({ where: { action: 'password.initialChanged', entityId: String(created.body.id), flowId } })).to.equal(1);
    });

    it('refuses steps on a completed first-login flow', async () => {
      const { api } = await loggedInAdmin();
      const f = operatorFields();
      expect((await api.post('/api/operators', f)).status).to.equal(201);
      const op = new ApiClient(h.baseUrl);
      const flowId = (await op.login(f.username, DEFAULT_PASSWORD)).body.flowId as string;
      expect((await op.step(flowId, 'sendSmsCode', await op.captcha())).status).to.equal(200);
      expect((await op.step(flowId, 'smsCheck', { smsCode: await op.lastSmsCode(f.mobile) })).status).to.equal(200);
      expect((await op.step(flowId, 'newPassword', { password: OPERATOR_PASSWORD, confirmPassword: OPERATOR_PASSWORD })).body.status).to.equal('completed');
      const again = await op.step(flowId, 'newPassword', { password: 'Second#2026x', confirmPassword: 'Second#2026x' });
      expect(again.status).to.equal(410);
      expect((await op.login(f.username, 'Second#2026x')).status).to.equal(422);
      expect((await op.login(f.username, OPERATOR_PASSWORD)).status).to.equal(200);
    });

    it('ends the first login of an operator deleted meanwhile: its SMS code is refused at once (more in refusals.test)', async () => {
      const { api } = await loggedInAdmin();
      const f = operatorFields();
      const created = await api.post('/api/operators', f);
      const op = new ApiClient(h.baseUrl);
      const flowId = (await op.login(f.username, DEFAULT_PASSWORD)).body.flowId as string;
      expect((await op.step(flowId, 'sendSmsCode', await op.captcha())).status).to.equal(200);
      const code = await op.lastSmsCode(f.mobile);
      expect((await api.call('DELETE', `/api/operators/${created.body.id}`)).status).to.equal(204);
      const started = Date.now();
      const checked = await op.step(flowId, 'smsCheck', { smsCode: code });
      expect(checked.status, JSON.stringify(checked.body)).to.equal(410);
      expect(checked.body.error.code).to.equal('account.gone');
      expect(Date.now() - started).to.be.below(3000);
      expect((await op.get(`/api/flows/${flowId}`)).body.status).to.equal('ended');
    });

    it('refuses the default password typed wrongly, without starting a flow', async () => {
      const { api } = await loggedInAdmin();
      const f = operatorFields();
      expect((await api.post('/api/operators', f)).status).to.equal(201);
      const op = new ApiClient(h.baseUrl);
      const res = await op.login(f.username, '88888880');
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.password.code).to.equal('login.failed');
      expect(res.body.flowId).to.equal(undefined);
    });
  });
});
