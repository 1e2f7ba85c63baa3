// The account center through the API against the real system: A1 views per account type, A2
// changes (identity, legal representative, enterprise information, overseas information and
// registration number) with the N6 consequences (real-name voided, card unbound) and N7 rules,
// the A3 flows changeMobile / changeEmail and who may drive them, A5 settings, A6 sync, and the
// authorization of every route for every account type.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { changeAccountIdentity } from '../../activities/accountCenter';
import { putMofcomFiling } from '../../activities/adapters/mofcom';
import { messageFor } from '../../domain/messages';
import { orgCodeFromUscc } from '../../domain/identifiers';
import { ApiClient, Reply } from '../support/apiClient';
import { accountSession, adminSession, AdminSession, migratedEnterprise, Session } from '../support/accounts';
import { makeCard, proof } from '../support/cards';
import { mobile, newUscc, residentId } from '../support/fixtures';
import { harness, Harness } from '../support/harness';

describe('account center A1–A3, A5, A6, N6, N7 (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });

  const fieldCode = (res: Reply, field: string) => res.body?.error?.fields?.[field]?.code;
  const audits = async (action: string, entityId: number | string) =>
    h.db.models.AuditEvent.findAll({ where: { action, entityId: String(entityId) }, order: [['id', 'ASC']] });
  const reload = async (s: Session) => (await h.db.models.Account.findByPk(s.account.id))!;

  async function operatorOf(admin: AdminSession, extra: Parameters<typeof accountSession>[1] = { kind: 'operator' }) {
    return accountSession(h, { ...extra, kind: 'operator', enterpriseId: admin.enterprise.id });
  }

  /** Binds the legal representative's legal-person card to the administrator (C1). */
  async function bindLegalCard(a: AdminSession) {
    const e = a.admin.enterprise;
    const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
    const bound = await a.api.post('/api/cards/mine', await proof(a.api, card, 'bind'));
    expect(bound.status, JSON.stringify(bound.body)).to.equal(201);
    return card;
  }

  describe('A1 view per account type', () => {
    it('administrator: enterprise and account, numbers masked, what it may change', async () => {
      const a = await adminSession(h);
      const res = await a.api.get('/api/account');
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ kind: 'admin', realNameLevel: 'none', mobileLogin: false, migrated: false, card: null, overseas: null });
      expect(res.body.enterprise).to.deep.include({ uscc: a.admin.enterprise.uscc, name: a.admin.enterprise.name, legalRepName: a.admin.enterprise.legalRepName });
      expect(res.body.enterprise.legalRepIdNumberMasked).to.match(/^\d{4}\*{6}\w{4}$/);
      expect(res.body.idNumberMasked).to.match(/^\d{4}\*{6}\w{4}$/);
      expect(res.body.mobile).to.match(/^\d{3}\*{4}\d{4}$/);
      expect(res.body.can).to.deep.equal({ identity: true, legalRep: true, enterpriseInfo: false, overseasInfo: false, enterpriseSync: true });
      const text = JSON.stringify(res.body);
      expect(text).not.to.include(a.idNumber);
      expect(text).not.to.include(a.admin.enterprise.legalRepIdNumber);
      expect(text).not.to.include(a.admin.mobile);
    });

    it('operator: its enterprise name and its own identity; nothing to change but e-mail, mobile and password', async () => {
      const a = await adminSession(h);
      const op = await operatorOf(a);
      const res = await op.api.get('/api/account');
      expect(res.body.kind).to.equal('operator');
      expect(res.body.enterprise.name).to.equal(a.enterprise.name);
      expect(res.body.can).to.deep.equal({ identity: false, legalRep: false, enterpriseInfo: false, overseasInfo: false, enterpriseSync: false });
      expect(JSON.stringify(res.body)).not.to.include(op.idNumber);
    });

    it('individual: name, ID, mobile and its (empty) enterprise information', async () => {
      const ind = await accountSession(h, { kind: 'individual' });
      const res = await ind.api.get('/api/account');
      expect(res.body).to.deep.include({ kind: 'individual', enterprise: null, enterpriseInfo: { uscc: '', orgCode: '', name: '', legalRepName: '' } });
      expect(res.body.can).to.deep.include({ identity: true, enterpriseInfo: true, legalRep: false });
      expect(JSON.stringify(res.body)).not.to.include(ind.idNumber);
    });

    it('overseas: the profile with country and registration number', async () => {
      const os = await accountSession(h, { kind: 'overseas' }, { regNo: '' });
      const res = await os.api.get('/api/account');
      expect(res.body.kind).to.equal('overseas');
      expect(res.body.overseas).to.deep.include({ country: 'DEU', regNo: '', organization: 'Example Trading GmbH', contact: 'John Smith' });
      expect(res.body.can).to.deep.include({ overseasInfo: true, identity: false });
    });

    it('needs a session', async () => {
      expect((await new ApiClient(h.baseUrl).get('/api/account')).status).to.equal(401);
    });
  });

  describe('A2 administrator identity, legal representative and N6', () => {
    it('changes the name: asks to confirm the voided real-name level first, then applies and audits field names only', async () => {
      const a = await adminSession(h);
      await h.db.models.Account.update({ realNameLevel: 'medium' }, { where: { id: a.account.id } });
      const body = { name: '新管理员', idType: 'resident', idNumber: '', idValidFrom: '20200101', idValidTo: '00000000' };
      const ask = await a.api.call('PUT', '/api/account/identity', body);
      expect(ask.status).to.equal(409);
      expect(ask.body.error.code).to.equal('account.confirmConsequences');
      expect(ask.body.error.consequences.realNameVoided).to.deep.equal([{ accountId: a.account.id, username: a.account.username, level: 'medium' }]);
      expect((await reload(a)).name, 'nothing changed before confirmation').to.equal(a.account.name);

      const done = await a.api.call('PUT', '/api/account/identity', { ...body, confirm: true });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.changed).to.include('name');
      expect(done.body.account).to.deep.include({ name: '新管理员', realNameLevel: 'none' });
      const [audit] = await audits('account.identityChanged', a.account.id);
      const details = JSON.parse(audit.details);
      expect(details.fields).to.include('name');
      expect(details.realNameVoided).to.deep.equal([a.account.username]);
    });

    it('changes the ID number without consequences when not verified; the audit never holds the number', async () => {
      const a = await adminSession(h);
      const newId = residentId();
      const res = await a.api.call('PUT', '/api/account/identity', { name: a.account.name, idType: 'resident', idNumber: newId, idValidFrom: '20210101', idValidTo: '20410101' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.changed).to.have.members(['idNumber', 'idValidFrom', 'idValidTo']);
      expect(res.body.consequences).to.deep.equal({ realNameVoided: [], cardsUnbound: [] });
      expect(res.body.account.idNumberMasked).to.equal(`${newId.slice(0, 4)}******${newId.slice(-4)}`);
      const events = await h.db.models.AuditEvent.findAll({ where: { entityId: String(a.account.id) } });
      for (const e of events) expect(e.details).not.to.include(newId).and.not.to.include(a.idNumber);
    });

    it('keeps ID numbers unique inside the enterprise (002 message), not across enterprises', async () => {
      const a = await adminSession(h);
      const op = await operatorOf(a);
      const clash = await a.api.call('PUT', '/api/account/identity', { name: a.account.name, idType: 'resident', idNumber: op.idNumber, idValidFrom: '20200101', idValidTo: '00000000' });
      expect(clash.status).to.equal(422);
      expect(fieldCode(clash, 'idNumber')).to.equal('idNumber.takenInEnterprise');
      expect(clash.body.error.fields.idNumber.message).to.equal(messageFor('idNumber.takenInEnterprise', 'zh'));
      expect(messageFor('idNumber.takenInEnterprise', 'zh')).to.include('一个企业下的所有账号，其归属人的证件号码不能重复');
      const b = await adminSession(h);
      const other = await b.api.call('PUT', '/api/account/identity', { name: b.account.name, idType: 'resident', idNumber: op.idNumber, idValidFrom: '20200101', idValidTo: '00000000' });
      expect(other.status, 'another enterprise may have the same person').to.equal(200);
    });

    it('validates like registration: wrong numbers, a new type without its number, dates', async () => {
      const a = await adminSession(h);
      const bad = await a.api.call('PUT', '/api/account/identity', { name: '', idType: 'passport', idNumber: '', idValidFrom: '2020', idValidTo: '' });
      expect(bad.status).to.equal(422);
      expect(fieldCode(bad, 'name')).to.equal('required');
      expect(fieldCode(bad, 'idNumber')).to.equal('required');
      expect(fieldCode(bad, 'idValidFrom')).to.equal('date.format');
      const check = await a.api.call('PUT', '/api/account/identity', { name: 'x', idType: 'resident', idNumber: '110101199001011234', idValidFrom: '20200101', idValidTo: '00000000' });
      expect(fieldCode(check, 'idNumber')).to.equal('residentId.check');
    });

    it('changes the legal representative: the legal-person card of the old one is unbound after confirmation', async () => {
      const a = await adminSession(h);
      const card = await bindLegalCard(a);
      await h.db.models.Account.update({ realNameLevel: 'high' }, { where: { id: a.account.id } });
      const body = { legalRepName: '新法人', legalRepIdType: 'resident', legalRepIdNumber: residentId(), legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000' };
      const ask = await a.api.call('PUT', '/api/account/legal-rep', body);
      expect(ask.status).to.equal(409);
      expect(ask.body.error.consequences.cardsUnbound).to.deep.equal([{ cardNo: card.cardNo, accountId: a.account.id, username: a.account.username }]);
      expect(ask.body.error.consequences.realNameVoided).to.have.length(1);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId, 'still bound before confirmation').to.equal(a.account.id);

      const done = await a.api.call('PUT', '/api/account/legal-rep', { ...body, confirm: true });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.changed).to.include.members(['legalRepName', 'legalRepIdNumber']);
      expect(done.body.account.enterprise.legalRepName).to.equal('新法人');
      expect(done.body.account).to.deep.include({ card: null, realNameLevel: 'none' });
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);
      const ops = await h.db.models.CardOperation.findAll({ where: { cardId: card.id, operation: 'unbound' } });
      expect(JSON.parse(ops[0].details)).to.deep.include({ reason: 'identityChanged' });
      const [audit] = await audits('enterprise.legalRepChanged', a.enterprise.id);
      expect(JSON.parse(audit.details).cardsUnbound).to.deep.equal([card.cardNo]);
      expect(audit.details).not.to.include(body.legalRepIdNumber);
    });

    it("a change of the administrator's own identity keeps a legal-person card that still fits as the legal representative's", async () => {
      const a = await adminSession(h);
      const card = await bindLegalCard(a);
      const res = await a.api.call('PUT', '/api/account/identity', { name: '管理员改名', idType: 'resident', idNumber: residentId(), idValidFrom: '20200101', idValidTo: '00000000' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.consequences.cardsUnbound).to.deep.equal([]);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(a.account.id);
      // The real name by IC card rests on that card, which still fits: it stays (N4).
      expect((await a.api.get('/api/account')).body).to.deep.include({ realNameLevel: 'high', realNameMethod: 'icCard' });
    });

    it("N6 for an operator (the engine O4 uses): a name change unbinds the operator's card and voids its level", async () => {
      const a = await adminSession(h);
      const op = await operatorOf(a, { kind: 'operator', name: '持卡人', realNameLevel: 'high' });
      const card = await makeCard(h.services, { cardType: 'operator', uscc: a.enterprise.uscc, enterpriseName: a.enterprise.name, holderName: '持卡人', holderIdNumber: op.idNumber });
      expect((await op.api.post('/api/cards/mine', await proof(op.api, card, 'bind'))).status).to.equal(201);
      const fields = { name: '改名后', idType: 'resident', idNumber: '', idValidFrom: '20200101', idValidTo: '20400101' };
      const ask = await changeAccountIdentity(h.services, { actor: a.account, target: op.account, fields, confirm: false, ip: '127.0.0.1' });
      expect(ask).to.deep.include({ ok: false });
      expect((ask as { confirm: unknown }).confirm).to.deep.equal({
        realNameVoided: [{ accountId: op.account.id, username: op.account.username, level: 'high' }],
        cardsUnbound: [{ cardNo: card.cardNo, accountId: op.account.id, username: op.account.username }],
      });
      const done = await changeAccountIdentity(h.services, { actor: a.account, target: op.account, fields, confirm: true, ip: '127.0.0.1' });
      expect(done.ok).to.equal(true);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);
      expect((await reload(op)).realNameLevel).to.equal('none');
      expect((await op.api.get('/api/account')).body.card).to.equal(null);
    });

    it('an operator may not change its identity (the administrator does); only the administrator changes the legal representative', async () => {
      const a = await adminSession(h);
      const op = await operatorOf(a);
      const own = await op.api.call('PUT', '/api/account/identity', { name: 'x', idType: 'resident', idNumber: '', idValidFrom: '20200101', idValidTo: '00000000' });
      expect(own.status).to.equal(403);
      expect(own.body.error.code).to.equal('account.identityByAdmin');
      expect((await op.api.call('PUT', '/api/account/legal-rep', {})).status).to.equal(403);
      const ind = await accountSession(h, { kind: 'individual' });
      expect((await ind.api.call('PUT', '/api/account/legal-rep', {})).status).to.equal(403);
      // The administrator's change touches its own enterprise only.
      const b = await adminSession(h);
      const before = (await h.db.models.Enterprise.findByPk(a.enterprise.id))!.legalRepName;
      await b.api.call('PUT', '/api/account/legal-rep', { legalRepName: '乙方法人', legalRepIdType: 'resident', legalRepIdNumber: '', legalRepIdValidFrom: '20200101', legalRepIdValidTo: '00000000' });
      expect((await h.db.models.Enterprise.findByPk(a.enterprise.id))!.legalRepName).to.equal(before);
      expect((await h.db.models.Enterprise.findByPk(b.enterprise.id))!.legalRepName).to.equal('乙方法人');
    });
  });

  describe('A2 individuals: personal and enterprise information (N7 rules)', () => {
    it('changes personal information; the ID number stays unique among individuals', async () => {
      const ind = await accountSession(h, { kind: 'individual', realNameLevel: 'medium' });
      const other = await accountSession(h, { kind: 'individual' });
      const taken = await ind.api.call('PUT', '/api/account/identity', { name: '个人', idType: 'resident', idNumber: other.idNumber, idValidFrom: '20200101', idValidTo: '00000000' });
      expect(fieldCode(taken, 'idNumber')).to.equal('idNumber.taken');
      const ok = await ind.api.call('PUT', '/api/account/identity', { name: '个人新名', idType: 'resident', idNumber: residentId(), idValidFrom: '20200101', idValidTo: '00000000', confirm: true });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      expect(ok.body.account).to.deep.include({ name: '个人新名', realNameLevel: 'none' });
    });

    it('fills the enterprise information, then changes at most two of name / USCC / org code; the legal representative freely', async () => {
      const ind = await accountSession(h, { kind: 'individual' });
      const first = newUscc();
      const fill = await ind.api.call('PUT', '/api/account/enterprise-info', { uscc: first.uscc, orgCode: first.orgCode, name: '个人所在企业', legalRepName: '法人甲' });
      expect(fill.status, JSON.stringify(fill.body)).to.equal(200);
      expect(fill.body.account.enterpriseInfo).to.deep.equal({ uscc: first.uscc, orgCode: first.orgCode, name: '个人所在企业', legalRepName: '法人甲' });

      const second = newUscc();
      const three = await ind.api.call('PUT', '/api/account/enterprise-info', { uscc: second.uscc, orgCode: second.orgCode, name: '改名企业', legalRepName: '法人甲' });
      expect(three.status).to.equal(422);
      for (const f of ['uscc', 'orgCode', 'name']) expect(fieldCode(three, f)).to.equal('enterpriseInfo.tooManyChanges');

      const mismatch = await ind.api.call('PUT', '/api/account/enterprise-info', { uscc: second.uscc, orgCode: first.orgCode, name: '个人所在企业', legalRepName: '法人甲' });
      expect(fieldCode(mismatch, 'orgCode')).to.equal('orgCode.mismatch');
      expect(orgCodeFromUscc(second.uscc)).to.equal(second.orgCode); // what the portal fills in

      const two = await ind.api.call('PUT', '/api/account/enterprise-info', { uscc: second.uscc, orgCode: second.orgCode, name: '个人所在企业', legalRepName: '法人乙' });
      expect(two.status, JSON.stringify(two.body)).to.equal(200);
      expect(two.body.changed).to.have.members(['uscc', 'orgCode', 'legalRepName']);
      const nameOnly = await ind.api.call('PUT', '/api/account/enterprise-info', { uscc: second.uscc, orgCode: second.orgCode, name: '改名企业', legalRepName: '法人丙' });
      expect(nameOnly.status).to.equal(200);
      const [audit] = (await audits('account.enterpriseInfoChanged', ind.account.id)).slice(-1);
      expect(JSON.parse(audit.details).fields).to.have.members(['name', 'legalRepName']);
    });

    it('a migrated administrator corrects its enterprise; a new USCC unbinds the cards of the old one after confirmation', async () => {
      const e = await migratedEnterprise(h);
      const admin = await accountSession(h, { kind: 'admin', enterpriseId: e.id, adminOf: e.id, migrated: true, name: e.legalRepName });
      const op = await accountSession(h, { kind: 'operator', enterpriseId: e.id, migrated: true, name: '迁移操作员' });
      const card = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '迁移操作员', holderIdNumber: op.idNumber });
      expect((await op.api.post('/api/cards/mine', await proof(op.api, card, 'bind'))).status).to.equal(201);
      expect((await admin.api.get('/api/account')).body.can.enterpriseInfo).to.equal(true);

      const next = newUscc();
      const body = { uscc: next.uscc, orgCode: next.orgCode, name: e.name, legalRepName: e.legalRepName };
      const ask = await admin.api.call('PUT', '/api/account/enterprise-info', body);
      expect(ask.status).to.equal(409);
      expect(ask.body.error.consequences.cardsUnbound.map((c: { cardNo: string }) => c.cardNo)).to.deep.equal([card.cardNo]);
      const done = await admin.api.call('PUT', '/api/account/enterprise-info', { ...body, confirm: true });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.account.enterprise.uscc).to.equal(next.uscc);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);

      // A USCC of another enterprise is refused.
      const other = await adminSession(h);
      const taken = await admin.api.call('PUT', '/api/account/enterprise-info', { uscc: other.enterprise.uscc, orgCode: other.enterprise.orgCode, name: e.name, legalRepName: e.legalRepName, confirm: true });
      expect(fieldCode(taken, 'uscc')).to.equal('uscc.taken');
    });

    it("a migrated operator may not change an enterprise its registered administrator keeps; others' enterprise information is out of reach", async () => {
      const a = await adminSession(h);
      const migrated = await accountSession(h, { kind: 'operator', enterpriseId: a.enterprise.id, migrated: true });
      const res = await migrated.api.call('PUT', '/api/account/enterprise-info', { uscc: a.enterprise.uscc, orgCode: a.enterprise.orgCode, name: '乱改', legalRepName: '' });
      expect(res.status).to.equal(403);
      expect(res.body.error.code).to.equal('enterpriseInfo.managedByAdmin');
      expect((await a.api.call('PUT', '/api/account/enterprise-info', {})).status, 'a registered administrator uses A6 and the legal-rep dialog').to.equal(403);
    });

    it('a migrated user corrects its own 账号信息 (002 §2.4): the ID number unique inside the enterprise, N6 consequences, audited', async () => {
      const a = await adminSession(h);
      const colleague = await operatorOf(a);
      const migrated = await accountSession(h, { kind: 'operator', enterpriseId: a.enterprise.id, migrated: true, name: '迁移用户', realNameLevel: 'medium' });
      expect((await migrated.api.get('/api/account')).body.can.identity).to.equal(true);

      for (const used of [colleague.idNumber, a.idNumber]) {
        const taken = await migrated.api.call('PUT', '/api/account/identity', { name: '迁移用户', idType: 'resident', idNumber: used, idValidFrom: '20200101', idValidTo: '00000000', confirm: true });
        expect(taken.status, JSON.stringify(taken.body)).to.equal(422);
        expect(fieldCode(taken, 'idNumber')).to.equal('idNumber.takenInEnterprise');
        expect(taken.body.error.fields.idNumber.message).to.equal(messageFor('idNumber.takenInEnterprise'));
      }
      const bad = await migrated.api.call('PUT', '/api/account/identity', { name: '张\u202E伟', idType: 'resident', idNumber: '', idValidFrom: '20200101', idValidTo: '00000000', confirm: true });
      expect(fieldCode(bad, 'name')).to.equal('text.controlChars');
      expect((await reload(migrated)).get({ plain: true })).to.deep.include({ name: '迁移用户', idNumberHash: migrated.account.idNumberHash, realNameLevel: 'medium' });

      const newId = residentId();
      const body = { name: '张伟', idType: 'resident', idNumber: newId, idValidFrom: '20200101', idValidTo: '00000000' };
      const ask = await migrated.api.call('PUT', '/api/account/identity', body);
      expect(ask.status).to.equal(409);
      expect(ask.body.error.consequences.realNameVoided).to.deep.equal([{ accountId: migrated.account.id, username: migrated.account.username, level: 'medium' }]);
      const done = await migrated.api.call('PUT', '/api/account/identity', { ...body, confirm: true });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.changed).to.include.members(['name', 'idNumber']);
      expect(done.body.account).to.deep.include({ name: '张伟', realNameLevel: 'none', idNumberMasked: `${newId.slice(0, 4)}******${newId.slice(-4)}` });
      const [audit] = await audits('account.identityChanged', migrated.account.id);
      expect(audit.actorName).to.equal(migrated.account.username);
      expect(JSON.parse(audit.details).fields).to.include.members(['name', 'idNumber']);
      expect(audit.details).not.to.include(newId);

      // Unique inside the enterprise only: a migrated user of another enterprise may hold the same number.
      const e = await migratedEnterprise(h);
      const elsewhere = await accountSession(h, { kind: 'operator', enterpriseId: e.id, migrated: true });
      const same = await elsewhere.api.call('PUT', '/api/account/identity', { ...body, name: '另一个张伟', confirm: true });
      expect(same.status, JSON.stringify(same.body)).to.equal(200);
    });
  });

  describe('A2 overseas information change and registration number', () => {
    it('changes the information (contact renames the account) with the registration form rules', async () => {
      const os = await accountSession(h, { kind: 'overseas' });
      const base = { contact: 'Jane Doe', contactPhone: '+1 (212) 555-0100', organization: 'Acme Inc.', department: 'Export', jobTitle: 'Director', address: '1 Main St, New York', fax: '', notes: 'vip' };
      const bad = await os.api.call('PUT', '/api/account/overseas', { ...base, contactPhone: 'abc', organization: '' });
      expect(bad.status).to.equal(422);
      expect(fieldCode(bad, 'contactPhone')).to.equal('phone.format');
      expect(fieldCode(bad, 'organization')).to.equal('required');
      const ok = await os.api.call('PUT', '/api/account/overseas', base);
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      expect(ok.body.account.name).to.equal('Jane Doe');
      expect(ok.body.account.overseas).to.deep.include({ contact: 'Jane Doe', organization: 'Acme Inc.', notes: 'vip', country: 'DEU' });
      expect(ok.body.changed).to.include.members(['contact', 'contactPhone', 'organization']);
      expect(await audits('overseas.infoChanged', os.account.id)).to.have.length(1);
    });

    it('fills the registration number once; a second fill is refused', async () => {
      const os = await accountSession(h, { kind: 'overseas' }, { regNo: '' });
      expect(fieldCode(await os.api.post('/api/account/overseas/reg-no', { regNo: '' }), 'regNo')).to.equal('required');
      const first = await os.api.post('/api/account/overseas/reg-no', { regNo: 'HRB 12345' });
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.account.overseas.regNo).to.equal('HRB 12345');
      const second = await os.api.post('/api/account/overseas/reg-no', { regNo: 'HRB 99999' });
      expect(second.status).to.equal(409);
      expect(second.body.error.code).to.equal('regNo.alreadyFilled');
      expect((await h.db.models.OverseasProfile.findByPk(os.account.id))!.regNo).to.equal('HRB 12345');
      const registered = await accountSession(h, { kind: 'overseas' }, { regNo: 'FILLED-1' });
      expect((await registered.api.post('/api/account/overseas/reg-no', { regNo: 'X1' })).status).to.equal(409);
    });
  });

  describe('A3 changeMobile and changeEmail flows', () => {
    async function startFlow(s: { api: ApiClient }, type: string) {
      const res = await s.api.post('/api/account/flows', { type });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return res.body.flowId as string;
    }

    it('changes the bound mobile with a code sent to the new one', async () => {
      const a = await adminSession(h);
      const flowId = await startFlow(a, 'changeMobile');
      const view = await a.api.get(`/api/flows/${flowId}`);
      expect(view.body.data).to.deep.include({ currentMobile: `${a.admin.mobile.slice(0, 3)}****${a.admin.mobile.slice(-4)}`, idCheckAvailable: true });
      expect((await a.api.step(flowId, 'sendSmsCode', { mobile: a.admin.mobile, ...(await a.api.captcha()) })).body.error.fields.mobile.code).to.equal('mobile.same');
      const next = mobile();
      const sent = await a.api.step(flowId, 'sendSmsCode', { mobile: next, ...(await a.api.captcha()) });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      const code = await a.api.lastSmsCode(next);
      const wrong = await a.api.step(flowId, 'confirm', { method: 'sms', mobile: next, smsCode: code === '000000' ? '111111' : '000000' });
      expect(fieldCode(wrong, 'smsCode')).to.equal('sms.wrong');
      const done = await a.api.step(flowId, 'confirm', { method: 'sms', mobile: next, smsCode: code });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body).to.deep.include({ status: 'completed' });
      expect((await reload(a)).mobile).to.equal(next);
      expect((await a.api.get('/api/account')).body.mobile).to.equal(`${next.slice(0, 3)}****${next.slice(-4)}`);
      const [audit] = await h.db.models.AuditEvent.findAll({ where: { action: 'account.mobileChanged', flowId } });
      expect(JSON.parse(audit.details)).to.deep.include({ fields: ['mobile'], verifiedBy: 'sms' });
    });

    it('更换验证方式: the ID type and number on file instead of the code; five wrong tries end that way', async () => {
      const a = await adminSession(h);
      const flowId = await startFlow(a, 'changeMobile');
      const next = mobile();
      const wrong = await a.api.step(flowId, 'confirm', { method: 'id', mobile: next, idType: 'resident', idNumber: residentId() });
      expect(fieldCode(wrong, 'idNumber')).to.equal('idCheck.mismatch');
      const done = await a.api.step(flowId, 'confirm', { method: 'id', mobile: next, idType: 'resident', idNumber: a.idNumber });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.data.verifiedBy).to.equal('id');
      expect((await reload(a)).mobile).to.equal(next);

      const again = await startFlow(a, 'changeMobile');
      for (let i = 1; i <= 5; i++) {
        const res = await a.api.step(again, 'confirm', { method: 'id', mobile: mobile(), idType: 'resident', idNumber: residentId() });
        expect(fieldCode(res, 'idNumber')).to.equal(i < 5 ? 'idCheck.mismatch' : 'idCheck.tooManyAttempts');
      }
      const locked = await a.api.step(again, 'confirm', { method: 'id', mobile: mobile(), idType: 'resident', idNumber: a.idNumber });
      expect(fieldCode(locked, 'idNumber')).to.equal('idCheck.tooManyAttempts');
    });

    it('mobile login follows an SMS-proven mobile and goes off when the ID check was used', async () => {
      const a = await adminSession(h);
      expect((await a.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true })).status).to.equal(200);
      const f1 = await startFlow(a, 'changeMobile');
      const m1 = mobile();
      await a.api.step(f1, 'sendSmsCode', { mobile: m1, ...(await a.api.captcha()) });
      await a.api.step(f1, 'confirm', { method: 'sms', mobile: m1, smsCode: await a.api.lastSmsCode(m1) });
      expect((await reload(a)).mobileLoginKey).to.equal(m1);
      const f2 = await startFlow(a, 'changeMobile');
      await a.api.step(f2, 'confirm', { method: 'id', mobile: mobile(), idType: 'resident', idNumber: a.idNumber });
      expect((await reload(a)).mobileLoginKey).to.equal(null);
    });

    it('changes the e-mail with a code sent to the new address', async () => {
      const op = await operatorOf(await adminSession(h));
      const flowId = await startFlow(op, 'changeEmail');
      const email = `new${Date.now()}@example.org`;
      const noCode = await op.api.step(flowId, 'confirm', { email, emailCode: '123456' });
      expect(fieldCode(noCode, 'emailCode')).to.equal('emailCode.notSent');
      const sent = await op.api.step(flowId, 'sendEmailCode', { email, ...(await op.api.captcha()) });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      const done = await op.api.step(flowId, 'confirm', { email, emailCode: await op.api.lastSmsCode(email) });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect((await reload(op)).email).to.equal(email);
      expect(await h.db.models.AuditEvent.count({ where: { action: 'account.emailChanged', flowId } })).to.equal(1);
    });

    it("belongs to the account that started it: another account, an anonymous browser, or the same browser after logout get 404", async () => {
      const a = await adminSession(h);
      const flowId = await startFlow(a, 'changeMobile');
      const b = await adminSession(h);
      expect((await b.api.get(`/api/flows/${flowId}`)).status).to.equal(404);
      expect((await b.api.step(flowId, 'confirm', { method: 'id', mobile: mobile(), idType: 'resident', idNumber: b.idNumber })).status).to.equal(404);
      const anonymous = new ApiClient(h.baseUrl);
      expect((await anonymous.get(`/api/flows/${flowId}`)).status).to.equal(404);
      expect((await anonymous.step(flowId, 'confirm', { method: 'id', mobile: mobile(), idType: 'resident', idNumber: a.idNumber })).status).to.equal(404);

      // Same browser, another account logged in: still not its flow.
      expect((await a.api.post('/api/session/logout')).status).to.equal(204);
      expect((await a.api.get(`/api/flows/${flowId}`)).status).to.equal(404);
      const res = await a.api.login(b.account.username, b.password);
      expect(res.status).to.equal(200);
      expect((await a.api.step(flowId, 'confirm', { method: 'id', mobile: mobile(), idType: 'resident', idNumber: b.idNumber })).status).to.equal(404);
      expect((await h.db.models.Account.findByPk(b.account.id))!.mobile).to.equal(b.admin.mobile);

      // Account flows start only through the account route.
      expect((await anonymous.post('/api/flows', { type: 'changeMobile' })).status).to.equal(400);
      expect((await anonymous.post('/api/account/flows', { type: 'changeMobile' })).status).to.equal(401);
      expect((await b.api.post('/api/account/flows', { type: 'registration' })).status).to.equal(400);
    });
  });

  describe('A5 account settings', () => {
    it('one account per mobile may turn mobile login on (the manual\'s message); audited', async () => {
      const shared = mobile();
      const a = await adminSession(h, { mobile: shared });
      const ind = await accountSession(h, { kind: 'individual', mobile: shared });
      const on = await a.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true });
      expect(on.status, JSON.stringify(on.body)).to.equal(200);
      expect(on.body.account.mobileLogin).to.equal(true);
      const taken = await ind.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true });
      expect(taken.status).to.equal(409);
      expect(taken.body.error.code).to.equal('mobileLogin.taken');
      expect(taken.body.error.message).to.equal('该账号对应的手机号已开启手机号登录！');
      expect((await a.api.call('PUT', '/api/account/settings/mobile-login', { enabled: false })).body.account.mobileLogin).to.equal(false);
      expect((await ind.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true })).status).to.equal(200);
      expect(await audits('account.mobileLoginOn', a.account.id)).to.have.length(1);
      expect(await audits('account.mobileLoginOff', a.account.id)).to.have.length(1);
      expect((await a.api.call('PUT', '/api/account/settings/mobile-login', { enabled: 'yes' })).status).to.equal(400);
    });

    it('needs a mainland mobile to turn it on', async () => {
      const os = await accountSession(h, { kind: 'overseas', mobile: '+49 170 1234567' });
      const res = await os.api.call('PUT', '/api/account/settings/mobile-login', { enabled: true });
      expect(res.status).to.equal(409);
      expect(res.body.error.code).to.equal('mobileLogin.noMobile');
    });

    it('信息同步 pushes the identity to the government platform simulator and answers its receipt', async () => {
      const a = await adminSession(h);
      const res = await a.api.post('/api/account/settings/gov-sync');
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.receiptNo).to.match(/^GOV\d{16}$/);
      const push = (await h.db.models.GovPush.findOne({ where: { receiptNo: res.body.receiptNo } }))!;
      const payload = JSON.parse(push.payload);
      expect(payload).to.deep.include({ accountRef: a.account.username, kind: 'admin' });
      expect(payload.enterprise.uscc).to.equal(a.enterprise.uscc);
      expect(push.payload).not.to.include(a.idNumber);
      const [audit] = await audits('account.govSynced', a.account.id);
      expect(JSON.parse(audit.details).receiptNo).to.equal(res.body.receiptNo);
    });
  });

  describe('A6 enterprise information sync (administrators)', () => {
    it('shows what the market regulator and MOFCOM changed, and applies it after confirming the consequences', async () => {
      const a = await adminSession(h);
      const card = await bindLegalCard(a);
      const e = a.admin.enterprise;
      const newRep = residentId();
      await h.db.models.RegistryRecord.update({ name: `${e.name}（更名）`, legalRepName: '新任法人', legalRepIdNumber: newRep }, { where: { uscc: e.uscc } });
      await putMofcomFiling(h.db, {
        uscc: e.uscc, importExportCode: `1100${e.orgCode}`, filingNo: '09990001', filingDate: '20200102', nameZh: e.name, nameEn: 'Test Trading Co., Ltd.',
        addressZh: '北京市东城区测试路1号', addressEn: '1 Test Road, Beijing', legalRepName: '新任法人', operatorType: 'private', authorityCode: '110000',
        email: '', phone: '', fax: '', status: '有效',
      });

      const preview = await a.api.get('/api/account/enterprise-sync');
      expect(preview.status).to.equal(200);
      expect(preview.body.sources.market.found).to.equal(true);
      expect(preview.body.sources.mofcom).to.deep.include({ found: true, filingNo: '09990001' });
      const byField = Object.fromEntries(preview.body.changes.map((c: { field: string }) => [c.field, c]));
      expect(Object.keys(byField)).to.have.members(['name', 'legalRepName', 'legalRepIdNumber', 'englishName', 'address']);
      expect(byField.legalRepIdNumber.incoming).to.equal(`${newRep.slice(0, 4)}******${newRep.slice(-4)}`);
      expect(JSON.stringify(preview.body)).not.to.include(newRep);

      const ask = await a.api.post('/api/account/enterprise-sync', {});
      expect(ask.status).to.equal(409);
      expect(ask.body.error.consequences.cardsUnbound[0].cardNo).to.equal(card.cardNo);
      const done = await a.api.post('/api/account/enterprise-sync', { confirm: true });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.account.enterprise).to.deep.include({ name: `${e.name}（更名）`, legalRepName: '新任法人', englishName: 'Test Trading Co., Ltd.', address: '北京市东城区测试路1号' });
      expect(done.body.account.enterprise.infoSyncedAt).to.be.a('string');
      expect(done.body.account.card).to.equal(null);
      expect((await a.api.get('/api/account/enterprise-sync')).body.changes).to.deep.equal([]);
      const [audit] = await audits('enterprise.synced', a.enterprise.id);
      expect(JSON.parse(audit.details).fields).to.include('legalRepIdNumber');
      expect(audit.details).not.to.include(newRep);

      // Nothing left to change: a second sync is audited and changes nothing.
      const again = await a.api.post('/api/account/enterprise-sync', {});
      expect(again.status).to.equal(200);
      expect(again.body.changed).to.deep.equal([]);
    });

    it('refuses to sync an enterprise the registry lists as cancelled (注销), saying so and changing nothing', async () => {
      const a = await adminSession(h);
      const e = a.admin.enterprise;
      await h.db.models.RegistryRecord.update({ name: `${e.name}（注销前更名）`, status: '注销' }, { where: { uscc: e.uscc } });
      const res = await a.api.post('/api/account/enterprise-sync', { confirm: true });
      expect(res.status, JSON.stringify(res.body)).to.equal(409);
      expect(res.body.error.code).to.equal('registry.cancelled');
      expect(res.body.error.message).to.include('注销');
      expect((await h.db.models.Enterprise.findByPk(a.enterprise.id))!.name).to.equal(e.name);
      expect(await audits('enterprise.synced', a.enterprise.id)).to.deep.equal([]);
    });
  });

  describe('authorization of every account-center route by account type', () => {
    const routes: Array<[string, string, unknown]> = [
      ['PUT', '/api/account/identity', {}],
      ['PUT', '/api/account/legal-rep', {}],
      ['PUT', '/api/account/enterprise-info', {}],
      ['PUT', '/api/account/overseas', {}],
      ['POST', '/api/account/overseas/reg-no', {}],
      ['POST', '/api/account/flows', { type: 'changeEmail' }],
      ['PUT', '/api/account/settings/mobile-login', { enabled: false }],
      ['POST', '/api/account/settings/gov-sync', {}],
      ['GET', '/api/account/enterprise-sync', undefined],
      ['POST', '/api/account/enterprise-sync', {}],
    ];
    // Expected statuses with these (empty) bodies: 422 means "allowed, the form is checked".
    const expected: Record<string, number[]> = {
      admin: [422, 422, 403, 403, 403, 201, 200, 200, 200, 200],
      operator: [403, 403, 403, 403, 403, 201, 200, 200, 403, 403],
      individual: [422, 403, 422, 403, 403, 201, 200, 200, 403, 403],
      overseas: [403, 403, 403, 422, 422, 201, 200, 200, 403, 403],
      anonymous: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
    };

    it('answers each route as the account type allows', async () => {
      const a = await adminSession(h);
      const sessions: Record<string, ApiClient> = {
        admin: a.api,
        operator: (await operatorOf(a)).api,
        individual: (await accountSession(h, { kind: 'individual' })).api,
        overseas: (await accountSession(h, { kind: 'overseas' })).api,
        anonymous: new ApiClient(h.baseUrl),
      };
      for (const [who, api] of Object.entries(sessions)) {
        const got = [];
        for (const [method, path, body] of routes) got.push((await api.call(method, path, body)).status);
        expect(got, who).to.deep.equal(expected[who]);
      }
    });

    it("never touches another enterprise's accounts: changes act on the session's own account", async () => {
      const a = await adminSession(h);
      const b = await adminSession(h);
      const opB = await operatorOf(b);
      // Fields naming another account are ignored: the route has no account id at all.
      const res = await a.api.call('PUT', '/api/account/identity', { id: opB.account.id, accountId: opB.account.id, name: '甲方管理员', idType: 'resident', idNumber: '', idValidFrom: '20200101', idValidTo: '00000000' });
      expect(res.status).to.equal(200);
      expect(res.body.account.id).to.equal(a.account.id);
      expect((await reload(opB)).name).to.equal(opB.account.name);
      expect(await h.db.models.AuditEvent.count({ where: { entityId: String(opB.account.id), action: { [Op.like]: 'account.%Changed' } } })).to.equal(0);
    });
  });
});
