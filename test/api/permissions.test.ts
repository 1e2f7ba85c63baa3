// Q2 我的应用权限: the enterprise's set (inherited by every operator) and per-operator sets, save
// and reset semantics, GET /api/apps, and launching an application: a single-use ticket for a
// granted operator, 403 for everyone else (administrators do no business operations).
import { expect } from 'chai';
import { Op } from 'sequelize';
import { keyedHash } from '../../db/pii';
import { APP_PERMISSION_CATALOGUE } from '../../domain/appPermissions';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { adminSession, loneSession, operatorSession } from '../support/manage';

describe('Q2 my app permissions (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  const cargo = APP_PERMISSION_CATALOGUE.find((c) => c.code === 'cargo')!.items.map((i) => i.code);

  it('saves the enterprise set (a category stands for all its items); a save replaces the last one; GET is the last saved state', async () => {
    const a = await adminSession(h);
    const empty = await a.api.get('/api/permissions');
    expect(empty.status).to.equal(200);
    expect(empty.body.catalogue.map((c: { code: string }) => c.code)).to.include.members(['cargo', 'manifest', 'origin', 'taxRefund', 'ecommerce']);
    expect(empty.body.enterprise.items).to.deep.equal([]);

    const saved = await a.api.call('PUT', '/api/permissions/enterprise', { items: ['cargo', 'manifest.sea', 'manifest.sea'] });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.items).to.deep.equal([...cargo, 'manifest.sea']);
    const second = await a.api.call('PUT', '/api/permissions/enterprise', { items: ['payment.pay'] });
    expect(second.body.items).to.deep.equal(['payment.pay']);
    // 重置 on the page reloads this: the last saved state, not a merge.
    expect((await a.api.get('/api/permissions')).body.enterprise.items).to.deep.equal(['payment.pay']);

    const unknown = await a.api.call('PUT', '/api/permissions/enterprise', { items: ['payment.pay', 'weapons.sell'] });
    expect(unknown.status).to.equal(422);
    expect(unknown.body.error.fields.items.code).to.equal('permission.unknownItem');
    expect((await a.api.call('PUT', '/api/permissions/enterprise', { items: 'cargo' })).status).to.equal(422);
    expect((await a.api.get('/api/permissions')).body.enterprise.items).to.deep.equal(['payment.pay']);

    const audits = await h.db.models.AuditEvent.findAll({ where: { action: 'permissions.saved', entityType: 'enterprise', entityId: String(a.enterprise.id) }, order: [['id', 'ASC']] });
    expect(audits).to.have.length(2);
    expect(JSON.parse(audits[1].details)).to.deep.equal({ granted: ['payment.pay'], revoked: [...cargo, 'manifest.sea'] });
  });

  it('operators inherit the enterprise set unless they have their own; the apps list follows', async () => {
    const a = await adminSession(h);
    const one = await operatorSession(h, a);
    const two = await operatorSession(h, a);
    expect((await one.api.get('/api/apps')).body).to.deep.include({ items: [], reason: null });

    await a.api.call('PUT', '/api/permissions/enterprise', { items: ['cargo.declaration', 'payment.pay'] });
    expect((await one.api.get('/api/apps')).body.items).to.deep.equal(['cargo.declaration', 'payment.pay']);

    const own = await a.api.call('PUT', `/api/permissions/operators/${two.op.id}`, { items: ['origin', 'cargo.declaration'] });
    expect(own.status, JSON.stringify(own.body)).to.equal(200);
    const view = own.body.operators.find((o: { id: number }) => o.id === two.op.id);
    expect(view).to.deep.include({ customised: true, items: ['cargo.declaration', 'origin.certificate', 'origin.declaration', 'origin.filing'] });
    expect(own.body.operators.find((o: { id: number }) => o.id === one.op.id)).to.deep.include({ customised: false, items: ['cargo.declaration', 'payment.pay'] });
    const apps = (await two.api.get('/api/apps')).body;
    expect(apps.items).to.deep.equal(['cargo.declaration', 'origin.certificate', 'origin.declaration', 'origin.filing']);
    expect(apps.categories.map((c: { code: string }) => c.code)).to.deep.equal(['cargo', 'origin']);

    // An own empty set means nothing at all; back to inheriting restores the enterprise set.
    await a.api.call('PUT', `/api/permissions/operators/${two.op.id}`, { items: [] });
    expect((await two.api.get('/api/apps')).body.items).to.deep.equal([]);
    const inherit = await a.api.call('DELETE', `/api/permissions/operators/${two.op.id}`);
    expect(inherit.status).to.equal(200);
    expect((await two.api.get('/api/apps')).body.items).to.deep.equal(['cargo.declaration', 'payment.pay']);
  });

  it('launches a granted application with a short-lived single-use ticket stored hashed; refuses the others', async () => {
    const a = await adminSession(h);
    const { api, op } = await operatorSession(h, a);
    await a.api.call('PUT', `/api/permissions/operators/${op.id}`, { items: ['cargo.declaration'] });

    const refused = await api.post('/api/apps/manifest.sea/launch');
    expect(refused.status).to.equal(403);
    expect(refused.body.error.code).to.equal('permission.denied');
    expect(refused.body.error.message).to.include('我的应用权限');
    expect((await api.post('/api/apps/weapons.sell/launch')).status).to.equal(404);

    const launched = await api.post('/api/apps/cargo.declaration/launch');
    expect(launched.status, JSON.stringify(launched.body)).to.equal(201);
    expect(launched.body).to.include({ item: 'cargo.declaration', ttlSeconds: 60 });
    const ticket = launched.body.ticket as string;
    expect(ticket).to.match(/^[A-Za-z0-9_-]{40,}$/);
    expect(new Date(launched.body.expiresAt).getTime() - Date.now()).to.be.within(30_000, 61_000);
    const stored = await h.db.models.AppLaunchTicket.findByPk(keyedHash(h.services.keys, 'app-ticket', ticket));
    expect(stored, 'stored under its hash').to.exist;
    expect(JSON.stringify(await h.db.models.AppLaunchTicket.findAll({ raw: true }))).not.to.include(ticket);
    expect(await h.db.models.AuditEvent.count({ where: { action: 'app.launched', entityId: String(op.id) } })).to.equal(1);

    const trade = new ApiClient(h.baseUrl); // the trade application, no session
    const redeemed = await trade.post('/api/apps/tickets/redeem', { ticket });
    expect(redeemed.status, JSON.stringify(redeemed.body)).to.equal(200);
    expect(redeemed.body).to.deep.include({ item: 'cargo.declaration' });
    expect(redeemed.body.account).to.deep.include({ id: op.id, username: op.username, kind: 'operator' });
    expect(redeemed.body.enterprise).to.deep.equal({ uscc: a.enterprise.uscc, name: a.enterprise.name });
    const twice = await trade.post('/api/apps/tickets/redeem', { ticket });
    expect(twice.status).to.equal(410);
    expect(twice.body.error.code).to.equal('ticket.invalid');
    expect((await trade.post('/api/apps/tickets/redeem', { ticket: 'x'.repeat(43) })).status).to.equal(410);

    // Expired, and revoked in the meantime.
    const late = (await api.post('/api/apps/cargo.declaration/launch')).body.ticket as string;
    await h.db.models.AppLaunchTicket.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id: keyedHash(h.services.keys, 'app-ticket', late) } });
    expect((await trade.post('/api/apps/tickets/redeem', { ticket: late })).status).to.equal(410);
    const revoked = (await api.post('/api/apps/cargo.declaration/launch')).body.ticket as string;
    await a.api.call('PUT', `/api/permissions/operators/${op.id}`, { items: [] });
    expect((await trade.post('/api/apps/tickets/redeem', { ticket: revoked })).status).to.equal(410);
    expect((await api.post('/api/apps/cargo.declaration/launch')).status).to.equal(403);
  });

  it('refuses business operations to administrators, individuals, overseas users and visitors', async () => {
    const a = await adminSession(h);
    await a.api.call('PUT', '/api/permissions/enterprise', { items: ['cargo'] });
    const admin = await a.api.post('/api/apps/cargo.declaration/launch');
    expect(admin.status).to.equal(403);
    expect(admin.body.error.code).to.equal('permission.adminNoBusiness');
    expect((await a.api.get('/api/apps')).body).to.deep.include({ items: [], reason: 'permission.adminNoBusiness' });
    for (const kind of ['individual', 'overseas'] as const) {
      const s = await loneSession(h, kind);
      const res = await s.api.post('/api/apps/cargo.declaration/launch');
      expect(res.status, kind).to.equal(403);
      expect(res.body.error.code).to.equal('permission.denied');
      expect((await s.api.get('/api/apps')).body.items).to.deep.equal([]);
    }
    const anon = new ApiClient(h.baseUrl);
    expect((await anon.post('/api/apps/cargo.declaration/launch')).status).to.equal(401);
    expect((await anon.get('/api/apps')).status).to.equal(401);
  });

  it("keeps each enterprise's permissions to itself", async () => {
    const a = await adminSession(h);
    const b = await adminSession(h);
    const opA = await operatorSession(h, a);
    const opB = await operatorSession(h, b);
    await a.api.call('PUT', '/api/permissions/enterprise', { items: ['cargo.declaration'] });
    // B's operator does not get A's grants.
    expect((await opB.api.post('/api/apps/cargo.declaration/launch')).status).to.equal(403);
    // B's administrator cannot set or drop A's operator's set.
    expect((await b.api.call('PUT', `/api/permissions/operators/${opA.op.id}`, { items: ['cargo'] })).status).to.equal(404);
    expect((await b.api.call('DELETE', `/api/permissions/operators/${opA.op.id}`)).status).to.equal(404);
    expect((await b.api.get('/api/permissions')).body.operators.map((o: { id: number }) => o.id)).to.deep.equal([opB.op.id]);
    expect((await opA.api.post('/api/apps/cargo.declaration/launch')).status).to.equal(201);
    // Operators, individuals and overseas users cannot manage permissions.
    const individual = await loneSession(h, 'individual');
    const overseas = await loneSession(h, 'overseas');
    for (const client of [opA.api, individual.api, overseas.api]) {
      expect((await client.get('/api/permissions')).status).to.equal(403);
      expect((await client.call('PUT', '/api/permissions/enterprise', { items: ['cargo'] })).status).to.equal(403);
      expect((await client.call('PUT', `/api/permissions/operators/${opA.op.id}`, { items: ['cargo'] })).status).to.equal(403);
      expect((await client.call('DELETE', `/api/permissions/operators/${opA.op.id}`)).status).to.equal(403);
    }
    expect((await new ApiClient(h.baseUrl).get('/api/permissions')).status).to.equal(401);
    expect((await a.api.get('/api/permissions')).body.enterprise.items).to.deep.equal(['cargo.declaration']);
  });

  it('lets the demo operator use the demo enterprise\'s applications', async () => {
    const api = new ApiClient(h.baseUrl);
    expect((await api.login('demoop01', 'Demo#2026oper')).status).to.equal(200);
    const apps = await api.get('/api/apps');
    expect(apps.body.items).to.include('cargo.declaration');
    expect((await api.post('/api/apps/cargo.declaration/launch')).status).to.equal(201);
    expect((await api.post('/api/apps/ecommerce.import/launch')).status).to.equal(403);
  });
});
