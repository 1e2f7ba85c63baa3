// O1 the operator list (search, pages), O4 editing everything but the username (ID unique in the
// enterprise, the card and real-name consequences of an identity change, O5 kept) and deleting,
// O6 migrated users (password reset, delete and re-create outside the username rules), and who
// may use these routes.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { keyedHash } from '../../db/pii';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { mobile, residentId, uniqueUsername } from '../support/fixtures';
import { makeCard, proof } from '../support/cards';
import { addOperator, adminSession, AdminSession, loneSession, makeAccount, OPERATOR_PASSWORD, operatorFields, operatorSession } from '../support/manage';

const names = (res: { body: { items: { username: string }[] } }) => res.body.items.map((o) => o.username);

describe('O1/O4/O6 managing operators (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  beforeEach(async () => {
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  /** The edit body of an operator as the portal's dialog sends it: every field, mobile and ID number left blank. */
  function editBody(op: { name: string; idType: string; idValidFrom: string; idValidTo: string; email: string }, change: Record<string, unknown> = {}) {
    return { name: op.name, mobile: '', idType: op.idType, idNumber: '', idValidFrom: op.idValidFrom, idValidTo: op.idValidTo, email: op.email, status: 'active', ...change };
  }

  describe('O1 list', () => {
    it('searches by parts of the username (any case) and of the name; no conditions lists all', async () => {
      const a = await adminSession(h);
      const tag = uniqueUsername('').slice(0, 6);
      const one = await addOperator(a, { username: `alpha${tag}`, name: '张三丰' });
      const two = await addOperator(a, { username: `beta${tag}`, name: '张无忌' });
      const three = await addOperator(a, { username: `gamma${tag}`, name: '赵敏' });

      expect(names(await a.api.get('/api/operators'))).to.deep.equal([one.username, two.username, three.username]);
      expect(names(await a.api.get(`/api/operators?username=BETA${tag.toUpperCase()}`))).to.deep.equal([two.username]);
      expect(names(await a.api.get('/api/operators?username=ph'))).to.deep.equal([one.username]);
      expect(names(await a.api.get(`/api/operators?name=${encodeURIComponent('张')}`))).to.deep.equal([one.username, two.username]);
      expect(names(await a.api.get(`/api/operators?name=${encodeURIComponent('张')}&username=beta`))).to.deep.equal([two.username]);
      const none = await a.api.get('/api/operators?username=zzzz');
      expect(none.body).to.deep.include({ items: [], total: 0 });
      // LIKE wildcards are plain characters here.
      expect(names(await a.api.get('/api/operators?username=%25'))).to.deep.equal([]);
      expect(names(await a.api.get('/api/operators?username=_'))).to.deep.equal([]);
      // 重置: the same list again without conditions.
      const all = await a.api.get('/api/operators?username=&name=');
      expect(all.body.total).to.equal(3);
    });

    it('pages the list', async () => {
      const a = await adminSession(h);
      for (let i = 0; i < 12; i += 1) await addOperator(a, { username: `pg${String(i).padStart(2, '0')}${uniqueUsername('').slice(0, 6)}` });
      const first = await a.api.get('/api/operators');
      expect(first.body).to.deep.include({ total: 12, page: 1, pageSize: 10 });
      expect(first.body.items).to.have.length(10);
      const second = await a.api.get('/api/operators?page=2');
      expect(second.body.items).to.have.length(2);
      expect(second.body.page).to.equal(2);
      const big = await a.api.get('/api/operators?pageSize=20');
      expect(big.body.items).to.have.length(12);
      // Out of range: the last page; an unknown size: 10.
      expect((await a.api.get('/api/operators?page=9')).body.page).to.equal(2);
      expect((await a.api.get('/api/operators?pageSize=7')).body.pageSize).to.equal(10);
    });

    it("marks the demo enterprise's migrated users", async () => {
      const api = new ApiClient(h.baseUrl);
      expect((await api.login('demoadmin', 'Demo#2026admin')).status).to.equal(200);
      const list = await api.get('/api/operators?pageSize=100');
      const migrated = list.body.items.filter((o: { migrated: boolean }) => o.migrated);
      expect(migrated.map((o: { username: string }) => o.username)).to.include.members(['HM_zhangwei', 'hmli', 'huamao.chen']);
      for (const m of migrated) expect(m.remark).to.include('迁移用户');
      expect(list.body.items.find((o: { username: string }) => o.username === 'demoop01').migrated).to.equal(false);
    });
  });

  describe('O4 edit', () => {
    it('changes everything but the username, with the rules of adding', async () => {
      const a = await adminSession(h);
      const op = await addOperator(a);
      const newId = residentId();
      const newMobile = mobile();
      const res = await a.api.call('PUT', `/api/operators/${op.id}`, {
        username: 'hijacked1', name: '新名字', mobile: newMobile, idType: 'resident', idNumber: newId,
        idValidFrom: '20210101', idValidTo: '00000000', email: 'new@example.cn', status: 'active',
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.deep.include({ username: op.username, name: '新名字', idValidFrom: '20210101', idValidTo: '00000000', email: 'new@example.cn' });
      expect(res.body.idNumberMasked).to.equal(`${newId.slice(0, 4)}******${newId.slice(-4)}`);
      expect(JSON.stringify(res.body)).not.to.include(newId);
      const row = (await h.db.models.Account.findByPk(op.id))!;
      expect(row.username).to.equal(op.username);
      expect(row.mobile).to.equal(newMobile);
      const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'operator.updated', entityId: String(op.id) }, order: [['id', 'DESC']] });
      expect(JSON.parse(audit!.details).changed).to.include.members(['name', 'mobile', 'idNumber', 'idValidFrom', 'idValidTo', 'email']);

      // Blank mobile and ID number keep the stored ones.
      const keep = await a.api.call('PUT', `/api/operators/${op.id}`, editBody({ name: '新名字', idType: 'resident', idValidFrom: '20210101', idValidTo: '00000000', email: '' }));
      expect(keep.status, JSON.stringify(keep.body)).to.equal(200);
      const kept = (await h.db.models.Account.findByPk(op.id))!;
      expect(kept.mobile).to.equal(newMobile);
      expect(kept.idNumberHash).to.equal(row.idNumberHash);
      expect(kept.email).to.equal('');

      // Another document type: passport.
      const passport = await a.api.call('PUT', `/api/operators/${op.id}`, editBody({ name: '新名字', idType: 'passport', idValidFrom: '', idValidTo: '', email: '' }, { idNumber: 'E12345678' }));
      expect(passport.status, JSON.stringify(passport.body)).to.equal(200);
      expect(passport.body.idType).to.equal('passport');
    });

    it('refuses bad fields one by one, changing nothing', async () => {
      const a = await adminSession(h);
      const op = await addOperator(a);
      const base = editBody(op);
      const tries: [Record<string, unknown>, string, string][] = [
        [{ name: '' }, 'name', 'required'],
        [{ mobile: '12345' }, 'mobile', 'mobile.format'],
        [{ idType: 'martian' }, 'idType', 'idType.invalid'],
        [{ idType: 'passport', idNumber: '' }, 'idNumber', 'required'],
        [{ idNumber: '110101199902300011' }, 'idNumber', 'residentId.birthDate'],
        [{ idValidFrom: '20200101', idValidTo: '20190101' }, 'idValidTo', 'validity.endBeforeStart'],
        [{ idValidFrom: '' }, 'idValidFrom', 'required'],
        [{ email: 'nope' }, 'email', 'email.format'],
        [{ status: 'deleted' }, 'status', 'required'],
      ];
      for (const [change, field, code] of tries) {
        const res = await a.api.call('PUT', `/api/operators/${op.id}`, { ...base, ...change });
        expect(res.status, JSON.stringify(change)).to.equal(422);
        expect(res.body.error.fields[field]?.code, `${JSON.stringify(change)} → ${JSON.stringify(res.body)}`).to.equal(code);
      }
      const row = (await h.db.models.Account.findByPk(op.id))!;
      expect(row.name).to.equal(op.name);
      expect(row.email).to.equal(op.email);
    });

    it('keeps ID numbers unique inside the enterprise only', async () => {
      const adminId = residentId();
      const a = await adminSession(h, { idNumber: adminId });
      const one = await addOperator(a);
      const two = await addOperator(a);
      const clash = await a.api.call('PUT', `/api/operators/${two.id}`, editBody(two, { idNumber: one.idNumber }));
      expect(clash.status).to.equal(422);
      expect(clash.body.error.fields.idNumber.code).to.equal('idNumber.taken');
      expect(clash.body.error.fields.idNumber.message).to.match(/[\u4e00-\u9fa5]/);
      // The administrator's own number is taken too.
      const own = await a.api.call('PUT', `/api/operators/${two.id}`, editBody(two, { idNumber: adminId }));
      expect(own.body.error.fields.idNumber.code).to.equal('idNumber.taken');
      // Its own number again is no clash.
      expect((await a.api.call('PUT', `/api/operators/${two.id}`, editBody(two, { idNumber: two.idNumber }))).status).to.equal(200);
      // Another enterprise may have an operator with the same number.
      const b = await adminSession(h);
      const three = await addOperator(b);
      expect((await b.api.call('PUT', `/api/operators/${three.id}`, editBody(three, { idNumber: one.idNumber }))).status).to.equal(200);
    });

    it('disabling ends the operator\'s sessions and refuses its logins; enabling lets it in again', async () => {
      const a = await adminSession(h);
      const { api: opApi, op } = await operatorSession(h, a);
      expect((await opApi.get('/api/session')).status).to.equal(200);
      expect((await a.api.call('PUT', `/api/operators/${op.id}`, editBody(op, { status: 'disabled' }))).status).to.equal(200);
      expect((await opApi.get('/api/session')).status).to.equal(401);
      const refused = await opApi.login(op.username, OPERATOR_PASSWORD);
      expect(refused.body.error.fields.username.code).to.equal('login.disabled');
      expect((await a.api.call('PUT', `/api/operators/${op.id}`, editBody(op, { status: 'active' }))).status).to.equal(200);
      expect((await opApi.login(op.username, OPERATOR_PASSWORD)).status).to.equal(200);
    });

    it('an identity change voids the real-name level and unbinds a card whose holder no longer matches; O5 still applies', async () => {
      const a = await adminSession(h);
      const e = a.enterprise;
      const op = await addOperator(a, { name: '持卡人' });
      const card = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '持卡人', holderIdNumber: op.idNumber });
      await h.db.models.Card.update({ accountId: op.id, boundAt: new Date() }, { where: { id: card.id } });
      await h.db.models.Account.update({ realNameLevel: 'high' }, { where: { id: op.id } });

      // O5: a card-less administrator cannot touch it (edit, delete, reset).
      const refused = await a.api.call('PUT', `/api/operators/${op.id}`, editBody(op, { email: 'x@example.cn' }));
      expect(refused.status).to.equal(403);
      expect(refused.body.error.code).to.equal('operator.cardProtected');
      expect((await a.api.call('DELETE', `/api/operators/${op.id}`)).status).to.equal(403);
      expect((await a.api.post(`/api/operators/${op.id}/reset-password`)).status).to.equal(403);

      const legal = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: a.admin.enterprise.legalRepIdNumber });
      expect((await a.api.post('/api/cards/mine', await proof(a.api, legal, 'bind'))).status).to.equal(201);

      // Contact data only: card and real-name level stay.
      const contact = await a.api.call('PUT', `/api/operators/${op.id}`, editBody(op, { email: 'x@example.cn', mobile: mobile() }));
      expect(contact.status, JSON.stringify(contact.body)).to.equal(200);
      expect(contact.body.consequences).to.deep.equal({ cardUnbound: null, realNameVoided: false });
      expect(contact.body.cardNo).to.equal(card.cardNo);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(op.id);

      // Another ID number: the card's holder is someone else now.
      const changed = await a.api.call('PUT', `/api/operators/${op.id}`, editBody(op, { idNumber: residentId(), email: 'x@example.cn' }));
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(changed.body.consequences).to.deep.equal({ cardUnbound: card.cardNo, realNameVoided: true });
      expect(changed.body.cardNo).to.equal(null);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);
      const row = (await h.db.models.Account.findByPk(op.id))!;
      expect(row.realNameLevel).to.equal('none');
      const unbound = await h.db.models.CardOperation.findOne({ where: { cardId: card.id, operation: 'unbound' } });
      expect(JSON.parse(unbound!.details)).to.deep.include({ reason: 'identityChanged' });
      expect(await h.db.models.AuditEvent.count({ where: { action: 'card.unbound', entityId: String(op.id) } })).to.equal(1);
    });

    it('a validity change alone voids the real-name level but keeps the card', async () => {
      const a = await adminSession(h);
      const e = a.enterprise;
      const op = await addOperator(a, { name: '持卡人乙' });
      const card = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '持卡人乙', holderIdNumber: op.idNumber });
      await h.db.models.Card.update({ accountId: op.id, boundAt: new Date() }, { where: { id: card.id } });
      await h.db.models.Account.update({ realNameLevel: 'medium' }, { where: { id: op.id } });
      const legal = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: a.admin.enterprise.legalRepIdNumber });
      expect((await a.api.post('/api/cards/mine', await proof(a.api, legal, 'bind'))).status).to.equal(201);
      const res = await a.api.call('PUT', `/api/operators/${op.id}`, editBody(op, { idValidTo: '00000000' }));
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.consequences).to.deep.equal({ cardUnbound: null, realNameVoided: true });
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(op.id);
    });

    it('deletes an operator: sessions end, it is gone', async () => {
      const a = await adminSession(h);
      const { api: opApi, op } = await operatorSession(h, a);
      expect((await a.api.call('DELETE', `/api/operators/${op.id}`)).status).to.equal(204);
      expect(await h.db.models.Account.findByPk(op.id)).to.equal(null);
      expect((await opApi.get('/api/session')).status).to.equal(401);
      expect((await a.api.call('DELETE', `/api/operators/${op.id}`)).status).to.equal(404);
      // Not migrated: its username is not kept for re-creation.
      expect((await a.api.get('/api/operators/released-usernames')).body.items).to.deep.equal([]);
    });
  });

  describe('O6 migrated users', () => {
    async function migratedUser(a: AdminSession, username = `Mig_${uniqueUsername('').slice(0, 8)}`) {
      return makeAccount(h, { kind: 'operator', enterpriseId: a.enterprise.id, username, migrated: true, remark: '迁移用户（原检验检疫系统）', password: 'Old#2019pass' });
    }

    it('resets a migrated user\'s password to eight 8s with a forced change, ends its sessions and lifts a lock', async () => {
      const a = await adminSession(h);
      const { account } = await migratedUser(a);
      const opApi = new ApiClient(h.baseUrl);
      expect((await opApi.login(account.username, 'Old#2019pass')).status).to.equal(200);
      // Locked after too many failures (from elsewhere).
      const key = `login-user:${keyedHash(h.services.keys, 'login-user', account.usernameKey)}`.slice(0, 120);
      await h.db.models.Throttle.create({ key, failures: 50, lockedUntil: null });
      expect((await new ApiClient(h.baseUrl).login(account.username, 'Old#2019pass')).body.error.code).to.equal('login.locked');

      const reset = await a.api.post(`/api/operators/${account.id}/reset-password`);
      expect(reset.status, JSON.stringify(reset.body)).to.equal(200);
      expect(reset.body).to.deep.equal({ username: account.username, mustChangePassword: true });
      expect((await opApi.get('/api/session')).status).to.equal(401);
      const fresh = new ApiClient(h.baseUrl);
      expect((await fresh.login(account.username, 'Old#2019pass')).status).to.equal(422);
      const first = await fresh.login(account.username, '88888888');
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.next).to.equal('firstLogin');
      const listed = (await a.api.get(`/api/operators?username=${account.username}`)).body.items[0];
      expect(listed).to.deep.include({ mustChangePassword: true, migrated: true });
      expect(await h.db.models.AuditEvent.count({ where: { action: 'operator.passwordReset', entityId: String(account.id) } })).to.equal(1);
    });

    it('refuses a reset for an operator that was not migrated, or one without a mobile', async () => {
      const a = await adminSession(h);
      const op = await addOperator(a);
      const res = await a.api.post(`/api/operators/${op.id}/reset-password`);
      expect(res.status).to.equal(409);
      expect(res.body.error.code).to.equal('operator.notMigrated');
      const { account } = await makeAccount(h, { kind: 'operator', enterpriseId: a.enterprise.id, migrated: true, remark: '迁移用户', mobile: '' });
      const noMobile = await a.api.post(`/api/operators/${account.id}/reset-password`);
      expect(noMobile.status).to.equal(409);
      expect(noMobile.body.error.code).to.equal('operator.noMobile');
    });

    it('deletes a migrated user and re-creates its username exactly, outside the username rules; nobody else may', async () => {
      const a = await adminSession(h);
      const { account } = await migratedUser(a);
      const username = account.username;
      const taken = await a.api.post('/api/operators', operatorFields({ username }));
      expect(taken.body.error.fields.username.code).to.equal('username.chars');

      expect((await a.api.call('DELETE', `/api/operators/${account.id}`)).status).to.equal(204);
      expect((await a.api.get('/api/operators/released-usernames')).body.items).to.deep.equal([username]);
      const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'operator.deleted', entityId: String(account.id) } });
      expect(JSON.parse(audit!.details)).to.deep.equal({ username, migrated: true });

      // Only the exact username; another enterprise's administrator gets the rules.
      const otherCase = await a.api.post('/api/operators', operatorFields({ username: username.toLowerCase() }));
      expect(otherCase.body.error.fields.username.code).to.equal('username.chars');
      const b = await adminSession(h);
      const elsewhere = await b.api.post('/api/operators', operatorFields({ username }));
      expect(elsewhere.body.error.fields.username.code).to.equal('username.chars');
      const ruleBreaker = await a.api.post('/api/operators', operatorFields({ username: 'Never_Migrated1' }));
      expect(ruleBreaker.body.error.fields.username.code).to.equal('username.chars');

      const again = await a.api.post('/api/operators', operatorFields({ username }));
      expect(again.status, JSON.stringify(again.body)).to.equal(201);
      expect(again.body).to.deep.include({ username, mustChangePassword: true, remark: '沿用迁移用户名' });
      const released = await h.db.models.ReleasedUsername.findOne({ where: { enterpriseId: a.enterprise.id } });
      expect(released!.reusedAccountId).to.equal(again.body.id);
      expect(released!.formerAccountId).to.equal(account.id);
      // The other rules of adding still apply.
      const op2 = await a.api.post('/api/operators', operatorFields({ username, mobile: 'x' }));
      expect(op2.body.error.fields.mobile.code).to.equal('mobile.format');
      const dup = await a.api.post('/api/operators', operatorFields({ username }));
      expect(dup.body.error.fields.username.code).to.equal('username.taken');
    });
  });

  describe('who may use these routes', () => {
    it('refuses operators, individuals, overseas users (403), visitors (401) and other enterprises (404)', async () => {
      const a = await adminSession(h);
      const op = await addOperator(a);
      const { api: opApi } = await operatorSession(h, a);
      const individual = await loneSession(h, 'individual');
      const overseas = await loneSession(h, 'overseas');
      const anon = new ApiClient(h.baseUrl);
      const routes: [string, string, unknown?][] = [
        ['GET', '/api/operators?username=op'],
        ['GET', '/api/operators/released-usernames'],
        ['PUT', `/api/operators/${op.id}`, editBody(op, { name: '篡改' })],
        ['POST', `/api/operators/${op.id}/reset-password`, {}],
        ['DELETE', `/api/operators/${op.id}`],
      ];
      for (const [method, path, body] of routes) {
        expect((await opApi.call(method, path, body)).status, `operator ${method} ${path}`).to.equal(403);
        expect((await individual.api.call(method, path, body)).status, `individual ${method} ${path}`).to.equal(403);
        expect((await overseas.api.call(method, path, body)).status, `overseas ${method} ${path}`).to.equal(403);
        expect((await anon.call(method, path, body)).status, `anonymous ${method} ${path}`).to.equal(401);
      }
      const b = await adminSession(h);
      for (const [method, path, body] of routes.slice(2)) {
        expect((await b.api.call(method, path, body)).status, `other admin ${method} ${path}`).to.equal(404);
      }
      expect((await b.api.get('/api/operators?username=op')).body.items).to.deep.equal([]);
      const row = (await h.db.models.Account.findByPk(op.id))!;
      expect(row.name).to.equal(op.name);
    });
  });
});
