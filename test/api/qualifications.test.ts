// Q1 我的资质: the tabs with their system-filled (read-only) fields, saving without approval,
// 同步更新 from the market regulator (registry simulator) and MOFCOM (simulator), and who may.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { putMofcomFiling } from '../../activities/adapters/mofcom';
import { makeCard, proof } from '../support/cards';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { adminSession, AdminSession, loneSession, operatorSession } from '../support/manage';

describe('Q1 my qualifications (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  const auditCount = (a: AdminSession, action: string) => h.db.models.AuditEvent.count({ where: { action, entityType: 'enterprise', entityId: String(a.enterprise.id) } });

  it('shows the four tabs with the enterprise header from the registration', async () => {
    const a = await adminSession(h);
    const res = await a.api.get('/api/qualifications');
    expect(res.status).to.equal(200);
    expect(res.body.enterprise).to.deep.include({ uscc: a.enterprise.uscc, orgCode: a.enterprise.orgCode, name: a.enterprise.name, legalRepName: a.enterprise.legalRepName });
    expect(JSON.stringify(res.body)).not.to.include(a.admin.enterprise.legalRepIdNumber);
    expect(Object.keys(res.body.sections)).to.deep.equal(['customs', 'inspection', 'quality', 'trade']);
    expect(res.body.sections.customs.fields).to.include({ customsRegNo: '', nameEn: '', customsAuthority: '' });
    expect(res.body.sections.trade.fields).to.include({ importExportCode: '', operatorType: '' });
  });

  it('saves a tab without approval, only the fields sent, and audits it', async () => {
    const a = await adminSession(h);
    const saved = await a.api.call('PUT', '/api/qualifications/customs', {
      fields: { nameEn: 'Test Trading Co., Ltd.', customsAuthority: '0100', filingCustoms: '0101', businessCategory: 'consignee', phone: '010-12345678', contact: '王经理' },
    });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.sections.customs.fields).to.include({ nameEn: 'Test Trading Co., Ltd.', customsAuthority: '0100', businessCategory: 'consignee' });
    expect(saved.body.changed).to.have.members(['nameEn', 'customsAuthority', 'filingCustoms', 'businessCategory', 'phone', 'contact']);
    const again = await a.api.call('PUT', '/api/qualifications/customs', { fields: { contact: '李经理' } });
    expect(again.body.sections.customs.fields).to.include({ nameEn: 'Test Trading Co., Ltd.', contact: '李经理' });
    expect((await a.api.get('/api/qualifications')).body.sections.customs.fields.contact).to.equal('李经理');
    expect(await auditCount(a, 'qualification.saved')).to.equal(2);

    const quality = await a.api.call('PUT', '/api/qualifications/quality', { fields: { certType: 'iso9001', certNo: 'CQC-2024-001', certValidTo: '20271231', ccc: '1' } });
    expect(quality.status, JSON.stringify(quality.body)).to.equal(200);
    const inspection = await a.api.call('PUT', '/api/qualifications/inspection', { fields: { filingType: 'self', email: 'qa@example.cn' } });
    expect(inspection.status).to.equal(200);
  });

  it('refuses changes to system-filled fields, bad values and unknown fields, saving nothing', async () => {
    const a = await adminSession(h);
    // The system fills the customs code (here: as demo data or the card would).
    await h.db.models.Qualification.create({ enterpriseId: a.enterprise.id, section: 'customs', fields: JSON.stringify({ customsRegNo: '1105960999' }), updatedBy: 'test' });
    const readOnly = await a.api.call('PUT', '/api/qualifications/customs', { fields: { customsRegNo: '1234567890', nameEn: 'X' } });
    expect(readOnly.status).to.equal(422);
    expect(readOnly.body.error.fields.customsRegNo.code).to.equal('qualification.readOnly');
    expect(readOnly.body.error.fields.customsRegNo.message).to.equal('该字段由系统返填，不允许修改');
    const tradeSystem = await a.api.call('PUT', '/api/qualifications/trade', { fields: { importExportCode: '1100000000000' } });
    expect(tradeSystem.body.error.fields.importExportCode.code).to.equal('qualification.readOnly');
    // Sent back unchanged (the whole form): fine.
    const unchanged = await a.api.call('PUT', '/api/qualifications/customs', { fields: { customsRegNo: '1105960999', creditLevel: '', nameEn: 'Y' } });
    expect(unchanged.status, JSON.stringify(unchanged.body)).to.equal(200);

    const tries: [string, Record<string, unknown>, string, string][] = [
      ['customs', { customsAuthority: '01' }, 'customsAuthority', 'customsCode.format'],
      ['customs', { businessCategory: 'pirate' }, 'businessCategory', 'option.invalid'],
      ['customs', { phone: 'call me' }, 'phone', 'phone.format'],
      ['customs', { nameEn: 'x'.repeat(201) }, 'nameEn', 'text.tooLong'],
      ['quality', { certValidTo: '2027-12-31' }, 'certValidTo', 'date.format'],
      ['quality', { certValidTo: '20270231' }, 'certValidTo', 'date.invalid'],
      ['quality', { ccc: 'yes' }, 'ccc', 'option.invalid'],
      ['inspection', { email: 'nope' }, 'email', 'email.format'],
      ['trade', { secret: '1' }, 'secret', 'qualification.unknownField'],
      ['trade', { nameEn: 42 }, 'nameEn', 'validation'],
    ];
    for (const [section, fields, field, code] of tries) {
      const res = await a.api.call('PUT', `/api/qualifications/${section}`, { fields });
      expect(res.status, JSON.stringify(fields)).to.equal(422);
      expect(res.body.error.fields[field]?.code, `${JSON.stringify(fields)} → ${JSON.stringify(res.body)}`).to.equal(code);
    }
    const now = (await a.api.get('/api/qualifications')).body.sections;
    expect(now.customs.fields).to.include({ customsRegNo: '1105960999', nameEn: 'Y', customsAuthority: '' });
    expect(now.quality.fields.certValidTo).to.equal('');
    expect((await a.api.call('PUT', '/api/qualifications/bank', { fields: {} })).status).to.equal(404);
    expect((await a.api.call('PUT', '/api/qualifications/customs', { fields: ['x'] })).status).to.equal(400);
  });

  it('syncs the foreign-trade filing from MOFCOM, system fields included', async () => {
    const a = await adminSession(h);
    const missing = await a.api.post('/api/qualifications/sync', { source: 'mofcom' });
    expect(missing.status).to.equal(404);
    expect(missing.body.error.code).to.equal('mofcom.notFound');

    await a.api.call('PUT', '/api/qualifications/trade', { fields: { nameEn: 'Old Name', fax: '010-1111111' } });
    await putMofcomFiling(h.db, {
      uscc: a.enterprise.uscc, importExportCode: `${a.enterprise.uscc.slice(2, 8)}1234567`, filingNo: '05551234', filingDate: '20190301',
      nameZh: a.enterprise.name, nameEn: 'New Name Trading', addressZh: '北京市东城区某路1号', addressEn: '1 Some Road, Beijing',
      legalRepName: a.enterprise.legalRepName, operatorType: 'private', authorityCode: '110000', email: 'mofcom@example.cn', phone: '010-22223333', fax: '', status: '有效',
    });
    const synced = await a.api.post('/api/qualifications/sync', { source: 'mofcom' });
    expect(synced.status, JSON.stringify(synced.body)).to.equal(200);
    const trade = synced.body.sections.trade;
    expect(trade.fields).to.include({ filingNo: '05551234', filingDate: '20190301', nameEn: 'New Name Trading', operatorType: 'private', email: 'mofcom@example.cn' });
    expect(trade.fields.fax, 'an empty value of MOFCOM keeps the own one').to.equal('010-1111111');
    expect(trade.syncedAt).to.be.a('string');
    expect(synced.body.changed).to.include.members(['importExportCode', 'filingNo', 'nameEn']);
    // The synced system fields are read-only now.
    const edit = await a.api.call('PUT', '/api/qualifications/trade', { fields: { filingNo: '1' } });
    expect(edit.body.error.fields.filingNo.code).to.equal('qualification.readOnly');
    expect(await auditCount(a, 'qualification.synced')).to.equal(1);
  });

  it('syncs the enterprise name and legal representative from the market regulator', async () => {
    const a = await adminSession(h);
    const same = await a.api.post('/api/qualifications/sync', { source: 'market' });
    expect(same.status).to.equal(200);
    expect(same.body.changed).to.deep.equal([]);
    await h.db.models.RegistryRecord.update({ name: `${a.enterprise.name}（更名）`, legalRepName: '新法人' }, { where: { uscc: a.enterprise.uscc } });
    const synced = await a.api.post('/api/qualifications/sync', { source: 'market' });
    expect(synced.status).to.equal(200);
    expect(synced.body.changed).to.have.members(['name', 'legalRepName']);
    expect(synced.body.enterprise).to.deep.include({ name: `${a.enterprise.name}（更名）`, legalRepName: '新法人' });
    expect((await h.db.models.Enterprise.findByPk(a.enterprise.id))!.name).to.equal(`${a.enterprise.name}（更名）`);
    await h.db.models.RegistryRecord.update({ status: '注销', name: '注销后的名称' }, { where: { uscc: a.enterprise.uscc } });
    const cancelled = await a.api.post('/api/qualifications/sync', { source: 'market' });
    expect(cancelled.status).to.equal(409);
    expect(cancelled.body.error.code).to.equal('registry.cancelled');
    expect((await h.db.models.Enterprise.findByPk(a.enterprise.id))!.name).to.equal(`${a.enterprise.name}（更名）`);
    await h.db.models.RegistryRecord.destroy({ where: { uscc: a.enterprise.uscc } });
    const gone = await a.api.post('/api/qualifications/sync', { source: 'market' });
    expect(gone.status).to.equal(404);
    expect(gone.body.error.code).to.equal('registry.notFound');
    expect((await a.api.post('/api/qualifications/sync', { source: 'customs' })).status).to.equal(422);
  });

  it('a market-regulator sync that changes the legal representative has the N6 consequences of a manual change', async () => {
    const a = await adminSession(h);
    const e = a.admin.enterprise;
    const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
    expect((await a.api.post('/api/cards/mine', await proof(a.api, card, 'bind'))).status).to.equal(201);
    await h.db.models.Account.update({ realNameLevel: 'high' }, { where: { id: a.account.id } });

    // The enterprise name alone: no consequences.
    await h.db.models.RegistryRecord.update({ name: `${a.enterprise.name}（新）` }, { where: { uscc: a.enterprise.uscc } });
    const renamed = await a.api.post('/api/qualifications/sync', { source: 'market' });
    expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
    expect(renamed.body.changed).to.deep.equal(['name']);
    expect((await h.db.models.Account.findByPk(a.account.id))!.realNameLevel).to.equal('high');
    expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(a.account.id);

    // A new legal representative: the real-name level is void, the old one's legal-person card unbound.
    await h.db.models.RegistryRecord.update({ legalRepName: '同步新法人' }, { where: { uscc: a.enterprise.uscc } });
    const synced = await a.api.post('/api/qualifications/sync', { source: 'market' });
    expect(synced.status, JSON.stringify(synced.body)).to.equal(200);
    expect(synced.body.changed).to.deep.equal(['legalRepName']);
    expect(synced.body.enterprise.legalRepName).to.equal('同步新法人');
    expect(synced.body.consequences.realNameVoided).to.deep.equal([{ accountId: a.account.id, username: a.account.username, level: 'high' }]);
    expect(synced.body.consequences.cardsUnbound).to.deep.equal([{ cardNo: card.cardNo, accountId: a.account.id, username: a.account.username }]);
    expect((await h.db.models.Account.findByPk(a.account.id))!.realNameLevel).to.equal('none');
    expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);
    const op = await h.db.models.CardOperation.findOne({ where: { cardId: card.id, operation: 'unbound' } });
    expect(JSON.parse(op!.details)).to.deep.include({ reason: 'identityChanged' });
    const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'qualification.synced', entityType: 'enterprise', entityId: String(a.enterprise.id) }, order: [['id', 'DESC']] });
    expect(JSON.parse(audit!.details)).to.deep.include({ source: 'market', fields: ['legalRepName'], realNameVoided: [a.account.username], cardsUnbound: [card.cardNo] });
  });

  it("shows the demo enterprise's customs code and syncs its MOFCOM filing from the seed", async () => {
    const api = new ApiClient(h.baseUrl);
    expect((await api.login('demoadmin', 'Demo#2026admin')).status).to.equal(200);
    const res = await api.get('/api/qualifications');
    expect(res.body.sections.customs.fields.customsRegNo).to.equal('1105960123');
    expect(res.body.sections.inspection.fields.inspectionRegNo).to.equal('1100601234');
    const synced = await api.post('/api/qualifications/sync', { source: 'mofcom' });
    expect(synced.status).to.equal(200);
    expect(synced.body.sections.trade.fields.importExportCode).to.equal('1100100012340');
  });

  it('is for administrators only, each of its own enterprise', async () => {
    const a = await adminSession(h);
    const b = await adminSession(h);
    await b.api.call('PUT', '/api/qualifications/customs', { fields: { nameEn: 'B only' } });
    expect((await a.api.get('/api/qualifications')).body.sections.customs.fields.nameEn).to.equal('');
    const { api: opApi } = await operatorSession(h, a);
    const individual = await loneSession(h, 'individual');
    const overseas = await loneSession(h, 'overseas');
    const anon = new ApiClient(h.baseUrl);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/qualifications'],
      ['PUT', '/api/qualifications/customs', { fields: { nameEn: 'x' } }],
      ['POST', '/api/qualifications/sync', { source: 'market' }],
    ];
    for (const [method, path, body] of routes) {
      for (const [who, client] of [['operator', opApi], ['individual', individual.api], ['overseas', overseas.api]] as const) {
        const res = await client.call(method, path, body);
        expect(res.status, `${who} ${method} ${path}`).to.equal(403);
      }
      expect((await anon.call(method, path, body)).status).to.equal(401);
    }
    expect((await a.api.get('/api/qualifications')).body.sections.customs.fields.nameEn).to.equal('');
  });
});
