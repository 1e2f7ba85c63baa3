// The staff console's API (/api/admin): staff login and roles (V3), react-admin simple REST lists
// that never show full identity numbers, the registry simulator's records, and the flow
// monitor over Temporal visibility (M1).
import { expect } from 'chai';
import { Op } from 'sequelize';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { mobile, newUscc, residentId, TestEnterprise, uniqueUsername } from '../support/fixtures';
import { registerAdmin, RegisteredAdmin, registrationAtAccountStep } from '../support/journeys';

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

describe('staff console API', () => {
  let h: Harness;
  let supervisor: ApiClient;
  let reviewer: ApiClient;
  let admin: RegisteredAdmin;
  let adminIdNumber: string;
  let adminPortal: ApiClient;

  before(async () => {
    h = await harness();
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
    supervisor = new ApiClient(h.baseUrl);
    reviewer = new ApiClient(h.baseUrl);
    expect((await supervisor.post('/api/admin/login', { username: 'supervisor', password: 'Supervisor#2026' })).status).to.equal(200);
    expect((await reviewer.post('/api/admin/login', { username: 'reviewer', password: 'Reviewer#2026' })).status).to.equal(200);

    // A registered enterprise with an administrator and two operators: at least six accounts.
    adminPortal = new ApiClient(h.baseUrl);
    adminIdNumber = residentId();
    admin = await registerAdmin(adminPortal, h.services, { idNumber: adminIdNumber });
    expect((await adminPortal.login(admin.username, admin.password)).status).to.equal(200);
    for (let i = 0; i < 2; i++) {
      const op = await adminPortal.post('/api/operators', {
        username: uniqueUsername('op'), name: '操作员', mobile: mobile(), idType: 'resident', idNumber: residentId(),
        idValidFrom: '20200101', idValidTo: '00000000', email: '',
      });
      expect(op.status, JSON.stringify(op.body)).to.equal(201);
    }
  });

  describe('staff login and roles', () => {
    it('refuses a wrong password and an unknown staff name alike, without a session', async () => {
      const staff = new ApiClient(h.baseUrl);
      const wrong = await staff.post('/api/admin/login', { username: 'supervisor', password: 'Wrong#2026' });
      expect(wrong.status).to.equal(422);
      expect(wrong.body.error.fields.password.code).to.equal('login.failed');
      const unknown = await staff.post('/api/admin/login', { username: uniqueUsername('staff'), password: 'Wrong#2026' });
      expect(unknown.status).to.equal(422);
      expect(unknown.body.error.fields).to.deep.equal(wrong.body.error.fields);
      expect((await staff.get('/api/admin/me')).status).to.equal(401);
      expect((await staff.get('/api/admin/accounts')).status).to.equal(401);
    });

    it('logs a supervisor in and out', async () => {
      const staff = new ApiClient(h.baseUrl);
      const login = await staff.post('/api/admin/login', { username: 'supervisor', password: 'Supervisor#2026' });
      expect(login.status).to.equal(200);
      expect(login.body.staff.role).to.equal('supervisor');
      const me = await staff.get('/api/admin/me');
      expect(me.status).to.equal(200);
      expect(me.body.staff).to.include({ username: 'supervisor', role: 'supervisor' });
      expect(await h.db.models.AuditEvent.count({ where: { action: 'staff.login', actorName: 'supervisor' } })).to.be.greaterThan(0);
      expect((await staff.post('/api/admin/logout')).status).to.equal(204);
      expect((await staff.get('/api/admin/me')).status).to.equal(401);
      expect((await reviewer.get('/api/admin/me')).body.staff.role, 'other staff sessions stay').to.equal('reviewer');
    });

    it('keeps portal and console sessions apart', async () => {
      expect((await adminPortal.get('/api/session')).status).to.equal(200);
      expect((await adminPortal.get('/api/admin/me')).status, 'portal cookie on the console').to.equal(401);
      expect((await adminPortal.get('/api/admin/accounts')).status).to.equal(401);
      expect((await supervisor.get('/api/account')).status, 'staff cookie on the portal').to.equal(401);
      expect((await supervisor.get('/api/session')).status).to.equal(401);
      expect((await supervisor.get('/api/operators')).status).to.equal(401);
    });
  });

  describe('lists', () => {
    it('pages accounts the react-admin way with a Content-Range header', async () => {
      const total = await h.db.models.Account.count();
      expect(total, 'test data').to.be.greaterThan(5);
      const res = await supervisor.get(`/api/admin/accounts?range=${q([0, 4])}&sort=${q(['id', 'ASC'])}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-range')).to.equal(`accounts 0-4/${total}`);
      expect(res.body).to.be.an('array').with.length(5);
      const ids = res.body.map((a: { id: number }) => a.id);
      expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
      const second = await supervisor.get(`/api/admin/accounts?range=${q([5, 9])}&sort=${q(['id', 'ASC'])}`);
      expect(second.headers.get('content-range')).to.match(new RegExp(`^accounts 5-\\d+/${total}$`));
      expect(second.body[0].id).to.be.greaterThan(ids[4]);
    });

    it('never shows a full identity number or mobile in accounts', async () => {
      const list = await reviewer.get(`/api/admin/accounts?range=${q([0, 199])}`);
      expect(list.status).to.equal(200);
      const mine = list.body.find((a: { username: string }) => a.username === admin.username);
      expect(mine, 'the registered admin is listed').to.exist;
      expect(mine.idNumberMasked).to.equal(`${adminIdNumber.slice(0, 4)}******${adminIdNumber.slice(-4)}`);
      expect(JSON.stringify(list.body)).not.to.include(adminIdNumber);
      expect(JSON.stringify(list.body)).not.to.include(admin.mobile);
      expect(JSON.stringify(list.body)).not.to.match(/passwordHash|idNumberEnc|idNumberHash/);
      const one = await reviewer.get(`/api/admin/accounts/${mine.id}`);
      expect(one.status).to.equal(200);
      expect(one.body.username).to.equal(admin.username);
      expect(JSON.stringify(one.body)).not.to.include(adminIdNumber);
      // The e-mail only as the screen shows it: masked, never in full (list and show).
      const account = await h.db.models.Account.findByPk(mine.id);
      expect(account!.email, 'the test admin has an e-mail').to.include('@');
      expect(mine).to.not.have.property('email');
      expect(mine.emailMasked).to.include('***@');
      expect(JSON.stringify(list.body)).not.to.include(account!.email);
      expect(JSON.stringify(one.body)).not.to.include(account!.email);
    });

    it('finds an enterprise by name, with the legal representative ID masked', async () => {
      const res = await reviewer.get(`/api/admin/enterprises?filter=${q({ q: admin.enterprise.name })}`);
      expect(res.status).to.equal(200);
      expect(res.body.map((e: { uscc: string }) => e.uscc)).to.deep.equal([admin.enterprise.uscc]);
      expect(res.headers.get('content-range')).to.equal('enterprises 0-0/1');
      expect(JSON.stringify(res.body)).not.to.include(admin.enterprise.legalRepIdNumber);
      expect(res.body[0].legalRepIdNumberMasked).to.match(/^\d{4}\*{6}[\dX]{4}$/);
      const none = await reviewer.get(`/api/admin/enterprises?filter=${q({ q: '没有这家公司' })}`);
      expect(none.body).to.deep.equal([]);
    });

    it('shows the SMS outbox to supervisors only', async () => {
      const res = await supervisor.get(`/api/admin/outbox?filter=${q({ to: admin.mobile })}`);
      expect(res.status).to.equal(200);
      expect(res.body.length).to.be.greaterThan(0);
      expect(res.body[0].to).to.equal(admin.mobile);
      expect((await reviewer.get('/api/admin/outbox')).status).to.equal(403);
    });

    it('lists the audit trail with the completed registration', async () => {
      const res = await reviewer.get(`/api/admin/audit-events?filter=${q({ action: 'registration.completed' })}&range=${q([0, 199])}`);
      expect(res.status).to.equal(200);
      expect(res.body.every((e: { action: string }) => e.action === 'registration.completed')).to.equal(true);
      expect(res.body.some((e: { flowId: string }) => e.flowId === admin.flowId)).to.equal(true);
      expect(res.headers.get('content-range')).to.match(/^audit-events 0-\d+\/\d+$/);
    });

    it('answers 400 to a malformed list query', async () => {
      expect((await reviewer.get('/api/admin/accounts?filter=%7Bnot-json')).status).to.equal(400);
    });
  });

  describe('registry simulator records', () => {
    const record = () => {
      const { uscc, orgCode } = newUscc();
      return {
        uscc, orgCode, name: `控制台测试贸易有限公司${uscc.slice(-6)}`, legalRepName: '控制台法人',
        legalRepIdType: 'resident', legalRepIdNumber: residentId(), status: '存续',
      };
    };
    const asEnterprise = (r: ReturnType<typeof record>): TestEnterprise => ({
      uscc: r.uscc, orgCode: r.orgCode, name: r.name, legalRepName: r.legalRepName, legalRepIdType: r.legalRepIdType,
      legalRepIdNumber: r.legalRepIdNumber, legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000',
    });
    const audited = (action: string, id: number) => h.db.models.AuditEvent.count({ where: { action, entityType: 'registry', entityId: String(id), actorName: 'supervisor' } });

    it('lets reviewers read but not change the registry', async () => {
      const r = record();
      const before = await h.db.models.RegistryRecord.count();
      expect((await reviewer.get('/api/admin/registry')).status).to.equal(200);
      expect((await reviewer.post('/api/admin/registry', r)).status).to.equal(403);
      expect(await h.db.models.RegistryRecord.count()).to.equal(before);
      const existing = (await h.db.models.RegistryRecord.findOne())!;
      expect((await reviewer.call('PUT', `/api/admin/registry/${existing.id}`, { ...existing.get({ plain: true }), name: '改名' })).status).to.equal(403);
      expect((await reviewer.call('DELETE', `/api/admin/registry/${existing.id}`)).status).to.equal(403);
      expect((await h.db.models.RegistryRecord.findByPk(existing.id))!.name).to.equal(existing.name);
    });

    it('refuses a record with a bad USCC, writing nothing', async () => {
      const r = record();
      const before = await h.db.models.RegistryRecord.count();
      const res = await supervisor.post('/api/admin/registry', { ...r, uscc: r.uscc.slice(0, 17) + (r.uscc[17] === 'A' ? 'B' : 'A') });
      expect(res.status).to.equal(422);
      expect(res.body.error.fields.uscc.code).to.equal('uscc.check');
      expect(await h.db.models.RegistryRecord.count()).to.equal(before);
    });

    it('adds a record that a portal registration then finds; edits and deletes are audited', async () => {
      const r = record();
      const created = await supervisor.post('/api/admin/registry', r);
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      const id = created.body.id as number;
      expect(created.body.uscc).to.equal(r.uscc);
      expect(await audited('registry.created', id)).to.equal(1);
      const duplicate = await supervisor.post('/api/admin/registry', r);
      expect(duplicate.status).to.equal(422);
      expect(duplicate.body.error.fields.uscc).to.exist;

      const portal = new ApiClient(h.baseUrl);
      await registrationAtAccountStep(portal, h.services, asEnterprise(r));

      const renamed = { ...r, name: `${r.name}（更名）` };
      const put = await supervisor.call('PUT', `/api/admin/registry/${id}`, renamed);
      expect(put.status, JSON.stringify(put.body)).to.equal(200);
      expect((await supervisor.get(`/api/admin/registry/${id}`)).body.name).to.equal(renamed.name);
      expect(await audited('registry.updated', id)).to.equal(1);
      const flowId = (await portal.post('/api/flows', { type: 'registration' })).body.flowId;
      const oldName = await portal.step(flowId, 'enterprise', asEnterprise(r));
      expect(oldName.status).to.equal(422);
      expect(oldName.body.error.fields.name.code).to.equal('registry.nameMismatch');

      const del = await supervisor.call('DELETE', `/api/admin/registry/${id}`);
      expect(del.status).to.equal(200);
      expect(await audited('registry.deleted', id)).to.equal(1);
      expect((await supervisor.get(`/api/admin/registry/${id}`)).status).to.equal(404);
      const gone = await portal.step(flowId, 'enterprise', asEnterprise(renamed));
      expect(gone.status).to.equal(422);
      expect(gone.body.error.fields.uscc.code).to.equal('registry.notFound');
    });
  });

  describe('flow monitor', () => {
    it('lists a completed registration from Temporal visibility with its step, enterprise and applicant', async () => {
      const filter = q({ type: 'registration', status: 'completed' });
      let found: any;
      let res: any;
      const deadline = Date.now() + 10_000;
      while (!found && Date.now() < deadline) {
        res = await reviewer.get(`/api/admin/flows?filter=${filter}&range=${q([0, 99])}`);
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        found = res.body.find((f: { id: string }) => f.id === admin.flowId);
        if (!found) await new Promise((r) => setTimeout(r, 300));
      }
      expect(found, 'the registration is listed').to.exist;
      expect(res.body.every((f: { type: string; status: string }) => f.type === 'registration' && f.status === 'completed')).to.equal(true);
      expect(res.headers.get('content-range')).to.match(/^flows 0-\d+\/\d+$/);
      expect(found.step).to.equal('done');
      expect(found.uscc).to.equal(admin.enterprise.uscc);
      expect(found.applicant).to.equal(admin.username);
      expect(found.temporalUrl).to.include(admin.flowId);
      expect(found.startedAt).to.be.a('string');

      const byUscc = await reviewer.get(`/api/admin/flows?filter=${q({ uscc: admin.enterprise.uscc })}`);
      expect(byUscc.body.map((f: { id: string }) => f.id)).to.include(admin.flowId);
      const active = await reviewer.get(`/api/admin/flows?filter=${q({ type: 'registration', status: 'active' })}&range=${q([0, 199])}`);
      expect(active.body.map((f: { id: string }) => f.id)).not.to.include(admin.flowId);
    });

    it('refuses filter values that could change the visibility query', async () => {
      for (const filter of [{ type: "x' OR 1=1" }, { status: "completed' OR FlowType = 'firstLogin" }, { step: ['done'] }]) {
        const res = await reviewer.get(`/api/admin/flows?filter=${q(filter)}`);
        expect(res.status, JSON.stringify(filter)).to.equal(400);
      }
    });

    it('is closed to visitors without a staff session', async () => {
      expect((await new ApiClient(h.baseUrl).get('/api/admin/flows')).status).to.equal(401);
      expect((await adminPortal.get('/api/admin/flows')).status).to.equal(401);
    });
  });
});
