// Path parameters and list filters are checked before anything is looked up: a malformed id
// (`/reviews/undefined`) is a plain 404 on every route of the portal and the console, never a
// 500 from `WHERE id = NaN`; a list filter value the field cannot hold is a 400 naming the field,
// never a filter silently dropped (which answered with everything).
import { expect } from 'chai';
import { Op } from 'sequelize';
import { ApiClient, Reply } from '../support/apiClient';
import { adminSession, AdminSession } from '../support/accounts';
import { harness, Harness } from '../support/harness';

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const BAD_IDS = ['undefined', 'NaN', 'abc', '1e3', '-1', '0', '1.5', '99999999999999999999'];

describe('path ids and list filters are checked (API)', () => {
  let h: Harness;
  let supervisor: ApiClient;
  let a: AdminSession;

  before(async () => {
    h = await harness();
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
    supervisor = new ApiClient(h.baseUrl);
    expect((await supervisor.post('/api/admin/login', { username: 'supervisor', password: 'Supervisor#2026' })).status).to.equal(200);
    a = await adminSession(h);
  });

  const notFound = (res: Reply, label: string, code = 'notFound') => {
    expect(res.status, `${label}: ${JSON.stringify(res.body)}`).to.equal(404);
    expect(res.body.error.code, label).to.equal(code);
  };

  describe('path ids', () => {
    it('answers 404 to a malformed id on every console route with an id', async () => {
      for (const id of BAD_IDS) {
        for (const path of ['reviews', 'accounts', 'enterprises', 'audit-events', 'cards', 'registry', 'review-reasons']) {
          notFound(await supervisor.get(`/api/admin/${path}/${id}`), `GET ${path}/${id}`);
        }
        notFound(await supervisor.get(`/api/admin/reviews/${id}/uploads/x`), `GET reviews/${id}/uploads`);
        for (const action of ['claim', 'release', 'assign', 'decide']) {
          notFound(await supervisor.post(`/api/admin/reviews/${id}/${action}`, { decision: 'approve', staffId: 1 }), `POST reviews/${id}/${action}`);
        }
        notFound(await supervisor.call('PUT', `/api/admin/registry/${id}`, {}), `PUT registry/${id}`);
        notFound(await supervisor.call('DELETE', `/api/admin/registry/${id}`), `DELETE registry/${id}`);
        notFound(await supervisor.call('PUT', `/api/admin/review-reasons/${id}`, { decision: 'approve', text: 'x' }), `PUT review-reasons/${id}`);
        notFound(await supervisor.get(`/api/admin/flows/${id}`), `GET flows/${id}`);
      }
    });

    it('answers 404 to a malformed id on the portal routes with an id', async () => {
      for (const id of BAD_IDS) {
        notFound(await a.api.call('PUT', `/api/operators/${id}`, { name: '张三' }), `PUT operators/${id}`);
        notFound(await a.api.call('DELETE', `/api/operators/${id}`), `DELETE operators/${id}`);
        notFound(await a.api.post(`/api/operators/${id}/reset-password`, {}), `POST operators/${id}/reset-password`);
        notFound(await a.api.call('PUT', `/api/permissions/operators/${id}`, { items: [] }), `PUT permissions/operators/${id}`);
        notFound(await a.api.call('DELETE', `/api/permissions/operators/${id}`), `DELETE permissions/operators/${id}`);
        notFound(await a.api.get(`/api/flows/${id}`), `GET flows/${id}`, 'flow.notFound');
        notFound(await a.api.post(`/api/flows/${id}/steps/username`, { fields: {} }), `POST flows/${id}/steps`, 'flow.notFound');
      }
    });

    it('checks ids sent in a body too: a malformed staff or reason id is a field error, not a 500', async () => {
      const c = await h.db.models.ReviewCase.create({
        caseType: 'passwordRecovery', flowId: 'passwordRecovery-requestChecksTestCase0001', status: 'pending', accountId: null, username: 'nobody',
        enterpriseId: null, enterpriseName: '测试企业', uscc: '', applicantMobile: '13800000000', data: '{}', uploads: '[]', submittedAt: new Date(),
      });
      for (const staffId of ['x', 'NaN', -1, 1.5, null]) {
        const res = await supervisor.post(`/api/admin/reviews/${c.id}/assign`, { staffId });
        expect(res.status, `${staffId}: ${JSON.stringify(res.body)}`).to.equal(422);
        expect(res.body.error.fields.staffId.code).to.equal('review.badAssignee');
      }
      expect((await supervisor.post(`/api/admin/reviews/${c.id}/claim`)).status).to.equal(200);
      for (const reasonId of ['x', 'NaN', -1, 1.5]) {
        const res = await supervisor.post(`/api/admin/reviews/${c.id}/decide`, { decision: 'reject', reasonId });
        expect(res.status, `${reasonId}: ${JSON.stringify(res.body)}`).to.equal(422);
        expect(res.body.error.fields.reasonId.code).to.equal('review.badReason');
      }
      expect((await h.db.models.ReviewCase.findByPk(c.id))!.status, 'nothing decided').to.equal('pending');
    });

    it('still finds records by a well-formed id, and asks for a session before checking the id', async () => {
      const one = await supervisor.get(`/api/admin/accounts/${a.account.id}`);
      expect(one.status).to.equal(200);
      expect(one.body.username).to.equal(a.account.username);
      expect((await supervisor.get(`/api/admin/enterprises/${a.enterprise.id}`)).status).to.equal(200);
      notFound(await supervisor.get('/api/admin/accounts/999999999'), 'an id nobody has');
      expect((await new ApiClient(h.baseUrl).get('/api/admin/reviews/undefined')).status).to.equal(401);
      expect((await new ApiClient(h.baseUrl).call('PUT', '/api/operators/undefined', {})).status).to.equal(401);
    });
  });

  describe('list filters', () => {
    const badFilter = (res: Reply, field: string) => {
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).to.equal(400);
      expect(res.body.error.code, field).to.equal('filter.invalid');
      expect(res.body.error.fields?.[field]?.code, `${field}: ${JSON.stringify(res.body)}`).to.equal('filter.invalid');
      expect(res.body.error.fields[field].message).to.match(/[\u4e00-\u9fff]/);
    };

    it('answers 400 naming the field to an unknown value of an enumerated filter', async () => {
      for (const [path, field] of [
        ['reviews', 'caseType'], ['reviews', 'status'], ['accounts', 'kind'], ['accounts', 'status'], ['outbox', 'channel'],
        ['cards', 'status'], ['cards', 'cardType'], ['review-reasons', 'decision'], ['flows', 'type'], ['flows', 'status'],
      ]) {
        badFilter(await supervisor.get(`/api/admin/${path}?filter=${q({ [field]: 'bogus' })}`), field);
        badFilter(await supervisor.get(`/api/admin/${path}?filter=${q({ [field]: ['admin'] })}`), field);
      }
    });

    it('answers 400 to a number or yes/no filter that is neither', async () => {
      badFilter(await supervisor.get(`/api/admin/reviews?filter=${q({ assigneeId: 'someone' })}`), 'assigneeId');
      badFilter(await supervisor.get(`/api/admin/reviews?filter=${q({ olderThanHours: 'soon' })}`), 'olderThanHours');
      badFilter(await supervisor.get(`/api/admin/reviews?filter=${q({ escalated: 'maybe' })}`), 'escalated');
      badFilter(await supervisor.get(`/api/admin/accounts?filter=${q({ enterpriseId: 'x' })}`), 'enterpriseId');
      badFilter(await supervisor.get(`/api/admin/review-reasons?filter=${q({ active: 'perhaps' })}`), 'active');
    });

    it('still filters by the values the console offers', async () => {
      const admins = await supervisor.get(`/api/admin/accounts?filter=${q({ kind: 'admin', enterpriseId: a.enterprise.id })}`);
      expect(admins.status).to.equal(200);
      expect(admins.body.map((x: { id: number }) => x.id)).to.deep.equal([a.account.id]);
      for (const filter of [{ caseType: 'passwordRecovery', status: 'open', assigneeId: 'me', escalated: false, olderThanHours: '24' }, { assigneeId: 'none' }, { assigneeId: 1 }]) {
        const res = await supervisor.get(`/api/admin/reviews?filter=${q(filter)}`);
        expect(res.status, JSON.stringify(filter)).to.equal(200);
        expect(res.body.every((c: { caseType: string }) => !('caseType' in filter) || c.caseType === filter.caseType)).to.equal(true);
      }
      expect((await supervisor.get(`/api/admin/cards?filter=${q({ status: 'active', cardType: 'legal' })}`)).status).to.equal(200);
      const sms = await supervisor.get(`/api/admin/outbox?filter=${q({ channel: 'sms' })}&range=${q([0, 199])}`);
      expect(sms.status).to.equal(200);
      expect(sms.body.length).to.be.greaterThan(0);
      expect(sms.body.every((m: { channel: string }) => m.channel === 'sms')).to.equal(true);
      expect((await supervisor.get(`/api/admin/outbox?filter=${q({ channel: 'mail' })}&range=${q([0, 199])}`)).body.every((m: { channel: string }) => m.channel === 'mail')).to.equal(true);
      expect((await supervisor.get(`/api/admin/review-reasons?filter=${q({ decision: 'reject', active: true })}`)).status).to.equal(200);
      expect((await supervisor.get(`/api/admin/flows?filter=${q({ type: 'registration', status: 'completed' })}`)).status).to.equal(200);
    });
  });
});
