// Smart cards through the API with the real CA, the real worker and the cardLogin flow: proofs
// of possession, the four card-login rules (R6), R7's form, A4 activation, C1, O3 and O5.
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { mobile, registryEnterprise, residentId, uniqueUsername, GOOD_PASSWORD } from '../support/fixtures';
import { registerAdmin } from '../support/journeys';
import { makeCard, presentCard, proof, sign, TestCard } from '../support/cards';

describe('smart cards (API)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });

  /** An enterprise known to the registry with a legal-person card of its legal representative. */
  async function enterpriseWithLegalCard() {
    const e = await registryEnterprise(h.services);
    const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
    return { e, card };
  }

  describe('proof of possession', () => {
    it('refuses a replayed challenge, an expired one and one from another browser', async () => {
      const { card } = await enterpriseWithLegalCard();
      const api = new ApiClient(h.baseUrl);
      const flow = (await api.post('/api/flows', { type: 'cardLogin' })).body.flowId;
      const p = await proof(api, card, 'login');
      const first = await api.step(flow, 'present', p);
      expect(first.status, JSON.stringify(first.body)).to.equal(200);

      const again = new ApiClient(h.baseUrl);
      const f2 = (await again.post('/api/flows', { type: 'cardLogin' })).body.flowId;
      const replay = await again.step(f2, 'present', p);
      expect(replay.body.error.fields.card.code).to.equal('card.challengeForeign'); // not this browser's challenge

      const own = await proof(again, card, 'login');
      await h.db.models.CardChallenge.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id: own.challengeId } });
      const expired = await again.step(f2, 'present', own);
      expect(expired.body.error.fields.card.code).to.equal('card.challengeExpired');

      const used = await proof(again, card, 'login');
      await again.step(f2, 'present', { ...used, signature: sign(card, Buffer.alloc(32, 1).toString('base64')) });
      const reused = await again.step(f2, 'present', used);
      expect(reused.body.error.fields.card.code).to.equal('card.challengeUsed');
    });

    it('refuses a signature by another key and a certificate not issued by the CA', async () => {
      const { card } = await enterpriseWithLegalCard();
      const other = await enterpriseWithLegalCard();
      const api = new ApiClient(h.baseUrl);
      const flow = (await api.post('/api/flows', { type: 'cardLogin' })).body.flowId;
      const c = (await api.post('/api/card-challenges', { purpose: 'login' })).body;
      const forged = await api.step(flow, 'present', { challengeId: c.challengeId, certificate: card.certificate, signature: sign(other.card, c.challenge) });
      expect(forged.body.error.fields.card.code).to.equal('card.badSignature');
      const selfMade = await proof(api, card, 'login');
      const bad = await api.step(flow, 'present', { ...selfMade, certificate: card.certificate.replace(/A/g, 'B') });
      expect(bad.body.error.fields.card.code).to.equal('card.certInvalid');
    });

    for (const status of ['frozen', 'lost', 'locked', 'revoked'] as const) {
      it(`refuses a ${status} card`, async () => {
        const { card } = await enterpriseWithLegalCard();
        await h.db.models.Card.update({ status }, { where: { id: card.id } });
        const { res } = await presentCard(new ApiClient(h.baseUrl), card);
        expect(res.status).to.equal(422);
        expect(res.body.error.fields.card.code).to.equal(`card.${status}`);
      });
    }

    it('refuses an expired card', async () => {
      const { card } = await enterpriseWithLegalCard();
      await h.db.models.Card.update({ notAfter: new Date(Date.now() - 1000) }, { where: { id: card.id } });
      const { res } = await presentCard(new ApiClient(h.baseUrl), card);
      expect(res.body.error.fields.card.code).to.equal('card.expired');
    });
  });

  describe('card-login rules', () => {
    it('rule 1: a legal-person card of an enterprise without administrator creates an inactive <cardNo>_ADMIN; A4 activation', async () => {
      const { e, card } = await enterpriseWithLegalCard();
      const api = new ApiClient(h.baseUrl);
      const { flowId, res } = await presentCard(api, card);
      expect(res.body.step).to.equal('register');
      expect(res.body.data.card.enterpriseName).to.equal(e.name);
      const done = await api.step(flowId, 'register', { mode: 'auto' });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.account.username).to.equal(`${card.cardNo}_ADMIN`);
      expect(done.body.account.status).to.equal('inactive');
      expect((await api.get('/api/session')).status).to.equal(200);
      expect((await api.get('/api/cards/mine')).body.card.cardNo).to.equal(card.cardNo);

      // No password until activation: the public default one gets the generic answer of any wrong
      // password, so `<cardNo>_ADMIN` names cannot be probed; nor does it count as the old password.
      const pw = new ApiClient(h.baseUrl);
      const withDefault = await pw.login(`${card.cardNo}_ADMIN`, '88888888');
      const withWrong = await pw.login(`${card.cardNo}_ADMIN`, 'Wrong#2026pw');
      const unknown = await pw.login(`${card.cardNo}_NOBODY`, '88888888');
      for (const r of [withDefault, withWrong, unknown]) {
        expect(r.status).to.equal(422);
        expect(r.body.error.fields).to.deep.equal({ password: { code: 'login.failed', message: r.body.error.fields.password.message } });
      }
      const change = await api.post('/api/account/password', { oldPassword: '88888888', password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
      expect(change.body.error.fields.oldPassword.code).to.equal('password.oldWrong');
      const weak = await api.post('/api/account/activate', { password: 'weak', confirmPassword: 'weak' });
      expect(weak.status).to.equal(422);
      const act = await api.post('/api/account/activate', { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
      expect(act.status).to.equal(200);
      expect(act.body.status).to.equal('active');
      expect((await pw.login(`${card.cardNo}_ADMIN`, GOOD_PASSWORD)).status).to.equal(200);
      expect((await api.post('/api/account/activate', { password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD })).status).to.equal(409);
    });

    it('A4: activation needs a card session', async () => {
      const { card } = await enterpriseWithLegalCard();
      const api = new ApiClient(h.baseUrl);
      const { flowId } = await presentCard(api, card);
      await api.step(flowId, 'register', { mode: 'auto' });
      await h.db.models.Session.update({ method: 'password' }, { where: { subjectType: 'account' } });
      expect((await api.get('/api/session')).status, 'an inactive account has no password session').to.equal(401);
    });

    it('rule 2: a legal-person card of an enterprise whose administrator has no card binds to it after confirmation', async () => {
      const api = new ApiClient(h.baseUrl);
      const admin = await registerAdmin(api, h.services);
      const e = admin.enterprise;
      const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });

      const declining = new ApiClient(h.baseUrl);
      const d = await presentCard(declining, card);
      expect(d.res.body.step).to.equal('confirmTakeover');
      expect(d.res.body.data.plan.adminUsername).to.equal(admin.username);
      const no = await declining.step(d.flowId, 'confirmTakeover', { confirm: false });
      expect(no.body.data.declined).to.equal(true);
      expect((await declining.get('/api/session')).status).to.equal(401);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);

      const confirming = new ApiClient(h.baseUrl);
      const c = await presentCard(confirming, card);
      const yes = await confirming.step(c.flowId, 'confirmTakeover', { confirm: true });
      expect(yes.body.account.username).to.equal(admin.username);
      const ops = await h.db.models.CardOperation.findAll({ where: { cardId: card.id } });
      expect(ops.map((o) => o.operation)).to.include.members(['issued', 'takeover', 'login']);
      // The next card login goes straight in.
      const again = await presentCard(new ApiClient(h.baseUrl), card);
      expect(again.res.body.status).to.equal('completed');
      expect(again.res.body.account.username).to.equal(admin.username);
    });

    it('rule 2 (被冒用): the takeover ends the earlier holder — sessions, password, contacts — and unbinding needs the card', async () => {
      const earlier = new ApiClient(h.baseUrl);
      const admin = await registerAdmin(earlier, h.services);
      expect((await earlier.login(admin.username, admin.password)).status).to.equal(200);
      const second = new ApiClient(h.baseUrl);
      expect((await second.login(admin.username, admin.password)).status).to.equal(200);
      const e = admin.enterprise;
      const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });

      const holder = new ApiClient(h.baseUrl);
      const c = await presentCard(holder, card);
      const yes = await holder.step(c.flowId, 'confirmTakeover', { confirm: true });
      expect(yes.status, JSON.stringify(yes.body)).to.equal(200);

      // Every earlier session ends; the earlier password gets the generic answer of a wrong one.
      expect((await earlier.get('/api/session')).status).to.equal(401);
      expect((await second.get('/api/session')).status).to.equal(401);
      const del = await earlier.call('DELETE', '/api/cards/mine');
      expect(del.status).to.equal(401);
      const old = await new ApiClient(h.baseUrl).login(admin.username, admin.password);
      expect(old.status).to.equal(422);
      expect(old.body.error.fields.password.code).to.equal('login.failed');
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(yes.body.account.id);

      // The card holder's session lives; the earlier holder's mobile and e-mail are gone, the
      // account waits for its new password (A4), and the legal person's card gives real name high.
      const view = (await holder.get('/api/account')).body;
      expect(view).to.deep.include({ status: 'inactive', mobile: '', email: '', mobileLogin: false, realNameLevel: 'high', realNameMethod: 'icCard' });
      expect(view, 'the card holder is the owner now').to.deep.include({ name: e.legalRepName, idType: 'resident' });
      const audit = await h.db.models.AuditEvent.findOne({ where: { action: 'account.takenOver', entityId: String(yes.body.account.id) } });
      expect(JSON.parse(audit!.details)).to.deep.include({ cardNo: card.cardNo, sessionsEnded: 2, passwordVoided: true });
      const holderPassword = 'Holder#2026new';
      const act = await holder.post('/api/account/activate', { password: holderPassword, confirmPassword: holderPassword });
      expect(act.status, JSON.stringify(act.body)).to.equal(200);
      const fresh = new ApiClient(h.baseUrl);
      expect((await fresh.login(admin.username, holderPassword)).status).to.equal(200);
      expect((await new ApiClient(h.baseUrl).login(admin.username, admin.password)).body.error.fields.password.code).to.equal('login.failed');

      // A password session cannot unbind the legal person's card without that card.
      const refused = await fresh.call('DELETE', '/api/cards/mine');
      expect(refused.status).to.equal(403);
      expect(refused.body.error.code).to.equal('card.proofRequired');
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(yes.body.account.id);
      expect((await fresh.call('DELETE', '/api/cards/mine', await proof(fresh, card, 'unbind'))).status).to.equal(204);
    });

    it('rule 2: a password recovery the earlier holder proved before the takeover cannot set the password afterwards', async () => {
      const impostor = new ApiClient(h.baseUrl);
      const admin = await registerAdmin(impostor, h.services);
      const e = admin.enterprise;
      // The earlier holder proves the account by its bound mobile in two flows, both waiting at the new password.
      const provenFlow = async () => {
        const flowId = (await impostor.post('/api/flows', { type: 'passwordRecovery' })).body.flowId as string;
        expect((await impostor.step(flowId, 'username', { username: admin.username, ...(await impostor.captcha()) })).status).to.equal(200);
        expect((await impostor.step(flowId, 'chooseMethod', { method: 'mobile' })).status).to.equal(200);
        expect((await impostor.step(flowId, 'sendSmsCode', await impostor.captcha())).status).to.equal(200);
        const proven = await impostor.step(flowId, 'verify', { smsCode: await impostor.lastSmsCode(admin.mobile) });
        expect(proven.body.step).to.equal('reset');
        return flowId;
      };
      const first = await provenFlow();
      const second = await provenFlow();
      await new Promise((r) => setTimeout(r, 1100)); // times are compared by whole seconds (MariaDB DATETIME)

      // The legal person takes the account over with the card: the first flow cannot set a password.
      const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
      const holder = new ApiClient(h.baseUrl);
      const c = await presentCard(holder, card);
      expect((await holder.step(c.flowId, 'confirmTakeover', { confirm: true })).status).to.equal(200);
      const reset = await impostor.step(first, 'reset', { password: 'Impostor#2026', confirmPassword: 'Impostor#2026' });
      expect(reset.status, JSON.stringify(reset.body)).to.equal(410);
      expect(reset.body.error.code).to.equal('recovery.stale');

      // Nor the second once the holder has activated the account with a password of its own.
      const holderPassword = 'Holder#2026new';
      expect((await holder.post('/api/account/activate', { password: holderPassword, confirmPassword: holderPassword })).status).to.equal(200);
      const late = await impostor.step(second, 'reset', { password: 'Impostor#2026', confirmPassword: 'Impostor#2026' });
      expect(late.status, JSON.stringify(late.body)).to.equal(410);
      expect(late.body.error.code).to.equal('recovery.stale');
      expect((await new ApiClient(h.baseUrl).login(admin.username, 'Impostor#2026')).body.error.fields.password.code).to.equal('login.failed');
      expect((await new ApiClient(h.baseUrl).login(admin.username, holderPassword)).status).to.equal(200);
    });

    it('rule 1: a card of an enterprise the registry lists as cancelled (注销) opens no account', async () => {
      const cancelled = { uscc: '9142010030065417XP', name: '武汉长江已注销贸易有限公司' };
      const entry = await h.services.registry.lookup(cancelled.uscc);
      expect(entry?.status, 'the seeded cancelled enterprise').to.equal('注销');
      const card = await makeCard(h.services, { cardType: 'legal', uscc: cancelled.uscc, enterpriseName: cancelled.name, holderName: entry!.legalRepName, holderIdNumber: entry!.legalRepIdNumber });
      const api = new ApiClient(h.baseUrl);
      const { flowId } = await presentCard(api, card);
      const done = await api.step(flowId, 'register', { mode: 'auto' });
      expect(done.status, JSON.stringify(done.body)).to.equal(410);
      expect(done.body.error.code).to.equal('registry.cancelled');
      expect(await h.db.models.Enterprise.count({ where: { uscc: cancelled.uscc } })).to.equal(0);
      expect(await h.db.models.Account.count({ where: { usernameKey: `${card.cardNo}_admin` } })).to.equal(0);
    });

    it('rule 3: an operator card of an enterprise without administrator creates an inactive administrator and operator', async () => {
      const e = await registryEnterprise(h.services);
      const card = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '操作员丙', holderIdNumber: residentId() });
      const api = new ApiClient(h.baseUrl);
      const { flowId, res } = await presentCard(api, card);
      expect(res.body.data.plan).to.deep.include({ action: 'register', rule: 3 });
      const done = await api.step(flowId, 'register', { mode: 'auto' });
      expect(done.body.account.username).to.equal(card.cardNo);
      expect(done.body.account.kind).to.equal('operator');
      const admin = await h.db.models.Account.findOne({ where: { usernameKey: `${card.cardNo}_admin` } });
      expect(admin!.status).to.equal('inactive');
      expect(admin!.kind).to.equal('admin');
    });

    it('rule 4: an operator card binds the existing operator with the same identity, or creates one', async () => {
      const api = new ApiClient(h.baseUrl);
      const admin = await registerAdmin(api, h.services);
      await api.login(admin.username, admin.password);
      const id = residentId();
      const op = await api.post('/api/operators', { username: uniqueUsername('opr'), name: '操作员丁', mobile: mobile(), idType: 'resident', idNumber: id, idValidFrom: '20200101', idValidTo: '00000000' });
      expect(op.status).to.equal(201);
      const e = admin.enterprise;

      const sameCard = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '操作员丁', holderIdNumber: id });
      const same = await presentCard(new ApiClient(h.baseUrl), sameCard);
      expect(same.res.body.status).to.equal('completed');
      expect(same.res.body.account.id).to.equal(op.body.id);
      // The bound card's holder is the operator: IC-card real name, high (000 §3.6.2).
      const listed = (await api.get('/api/operators')).body.items.find((o: { id: number }) => o.id === op.body.id);
      expect(listed).to.deep.include({ cardNo: sameCard.cardNo, realNameLevel: 'high' });

      const newCard = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '操作员戊', holderIdNumber: residentId() });
      const client = new ApiClient(h.baseUrl);
      const fresh = await presentCard(client, newCard);
      expect(fresh.res.body.data.plan).to.deep.include({ action: 'register', rule: 4 });
      const done = await client.step(fresh.flowId, 'register', { mode: 'auto' });
      expect(done.body.account.username).to.equal(newCard.cardNo);
      expect(await h.db.models.Account.count({ where: { enterpriseId: (await h.db.models.Enterprise.findOne({ where: { uscc: e.uscc } }))!.id, kind: 'admin' } })).to.equal(1);
    });

    it('R7: the card registration form registers an active administrator with a chosen username', async () => {
      const { card } = await enterpriseWithLegalCard();
      const api = new ApiClient(h.baseUrl);
      const { flowId } = await presentCard(api, card);
      const phone = mobile();
      const username = uniqueUsername('card');
      const noCode = await api.step(flowId, 'register', { mode: 'form', username, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD, mobile: phone, smsCode: '', agreement: true });
      expect(noCode.body.error.fields.smsCode.code).to.equal('required');
      const sent = await api.step(flowId, 'sendSmsCode', { mobile: phone, ...(await api.captcha()) });
      expect(sent.status).to.equal(200);
      const code = await api.lastSmsCode(phone);
      const done = await api.step(flowId, 'register', { mode: 'form', username, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD, mobile: phone, smsCode: code, agreement: true });
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      expect(done.body.account).to.deep.include({ username, status: 'active', kind: 'admin' });
      expect((await new ApiClient(h.baseUrl).login(username, GOOD_PASSWORD)).status).to.equal(200);
    });
  });

  describe('C1 my IC card, O3 and O5', () => {
    async function adminSession() {
      const api = new ApiClient(h.baseUrl);
      const admin = await registerAdmin(api, h.services);
      expect((await api.login(admin.username, admin.password)).status).to.equal(200);
      return { api, admin, e: admin.enterprise };
    }

    it('binds the legal representative card to the administrator (real name high), shows it, and unbinds it with the card', async () => {
      const { api, e } = await adminSession();
      const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
      expect((await api.get('/api/account')).body.realNameLevel).to.equal('none');
      const bound = await api.post('/api/cards/mine', await proof(api, card, 'bind'));
      expect(bound.status, JSON.stringify(bound.body)).to.equal(201);
      const mine = await api.get('/api/cards/mine');
      expect(mine.body.card).to.deep.include({ cardNo: card.cardNo, cardType: 'legal', status: 'active' });
      expect(mine.body.card.holderIdMasked).to.match(/\*{6}/);
      // N4: a bound card whose holder fits completes IC-card real name (high), audited.
      expect((await api.get('/api/account')).body).to.deep.include({ realNameLevel: 'high', realNameMethod: 'icCard' });
      const account = (await api.get('/api/session')).body.account;
      const verified = await h.db.models.AuditEvent.findOne({ where: { action: 'realName.verified', entityId: String(account.id) } });
      expect(JSON.parse(verified!.details)).to.deep.include({ level: 'high', method: 'icCard', cardNo: card.cardNo });

      // Unbinding from a password session needs the card: a fresh proof signed by that very card.
      const bare = await api.call('DELETE', '/api/cards/mine');
      expect(bare.status).to.equal(403);
      expect(bare.body.error.code).to.equal('card.proofRequired');
      const otherCard = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
      const wrongCard = await api.call('DELETE', '/api/cards/mine', await proof(api, otherCard, 'unbind'));
      expect(wrongCard.body.error.fields.card.code).to.equal('card.notThisCard');
      const bindProof = await api.call('DELETE', '/api/cards/mine', await proof(api, card, 'bind'));
      expect(bindProof.body.error.fields.card.code, 'a proof for another purpose').to.equal('card.challengeForeign');
      expect((await api.get('/api/cards/mine')).body.card.cardNo).to.equal(card.cardNo);
      expect((await api.call('DELETE', '/api/cards/mine', await proof(api, card, 'unbind'))).status).to.equal(204);
      expect((await api.get('/api/cards/mine')).body.card).to.equal(null);
      // The real name rested on the card: it goes with it.
      expect((await api.get('/api/account')).body).to.deep.include({ realNameLevel: 'none', realNameMethod: '' });
      expect(await h.db.models.AuditEvent.count({ where: { action: 'realName.voided', entityId: String(account.id) } })).to.equal(1);
    });

    it('a session opened by the bound card unbinds it without another proof', async () => {
      const { api, e } = await adminSession();
      const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
      expect((await api.post('/api/cards/mine', await proof(api, card, 'bind'))).status).to.equal(201);
      const byCard = new ApiClient(h.baseUrl);
      expect((await presentCard(byCard, card)).res.body.status).to.equal('completed');
      expect((await byCard.call('DELETE', '/api/cards/mine')).status).to.equal(204);
    });

    it('refuses to bind a card of another enterprise, an operator card to an administrator, and a card bound elsewhere', async () => {
      const { api } = await adminSession();
      const other = await enterpriseWithLegalCard();
      const foreign = await api.post('/api/cards/mine', await proof(api, other.card, 'bind'));
      expect(foreign.body.error.fields.card.code).to.equal('card.otherEnterprise');
      const { api: api2, e } = await adminSession();
      const opCard = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: 'x', holderIdNumber: residentId() });
      expect((await api2.post('/api/cards/mine', await proof(api2, opCard, 'bind'))).body.error.fields.card.code).to.equal('card.wrongType');
      const stranger = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: '别人', holderIdNumber: residentId() });
      expect((await api2.post('/api/cards/mine', await proof(api2, stranger, 'bind'))).body.error.fields.card.code).to.equal('card.identityMismatch');
    });

    it('O3 adds an operator from its card; O5 then keeps a card-less administrator from editing or deleting it', async () => {
      const { api, e } = await adminSession();
      const opId = residentId();
      const opCard: TestCard = await makeCard(h.services, { cardType: 'operator', uscc: e.uscc, enterpriseName: e.name, holderName: '持卡操作员', holderIdNumber: opId });
      const username = uniqueUsername('opc');
      const bad = await api.post('/api/operators/with-card', { ...(await proof(api, opCard, 'addOperator')), username: 'X', mobile: '1' });
      expect(bad.status).to.equal(422);
      const added = await api.post('/api/operators/with-card', { ...(await proof(api, opCard, 'addOperator')), username, mobile: mobile(), email: '' });
      expect(added.status, JSON.stringify(added.body)).to.equal(201);
      // The Operator of docs/api.md, as the list shows it; the card's holder is the operator: real name high.
      expect(added.body).to.deep.include({ username, name: '持卡操作员', mustChangePassword: true, cardNo: opCard.cardNo, protected: true, realNameLevel: 'high' });

      const list = await api.get('/api/operators');
      const row = list.body.items.find((o: { username: string }) => o.username === username);
      expect(row).to.deep.include({ cardNo: opCard.cardNo, protected: true });
      const edit = await api.call('PUT', `/api/operators/${row.id}`, { name: '改名', mobile: mobile(), email: '', status: 'active' });
      expect(edit.status).to.equal(403);
      expect(edit.body.error.code).to.equal('operator.cardProtected');
      expect((await api.call('DELETE', `/api/operators/${row.id}`)).status).to.equal(403);

      // Once the administrator binds the legal-person card, it may.
      const legal = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
      expect((await api.post('/api/cards/mine', await proof(api, legal, 'bind'))).status).to.equal(201);
      const renamed = await api.call('PUT', `/api/operators/${row.id}`, { name: '改名', mobile: mobile(), email: '', status: 'active' });
      expect(renamed.status).to.equal(200);
      // N6: the holder no longer matches, so the card goes and the real name with it.
      expect(renamed.body.consequences).to.deep.equal({ cardUnbound: opCard.cardNo, realNameVoided: true });
      expect(renamed.body.realNameLevel).to.equal('none');
      expect((await api.call('DELETE', `/api/operators/${row.id}`)).status).to.equal(204);
      expect(await h.db.models.Account.findByPk(row.id)).to.equal(null);
      expect((await h.db.models.Card.findByPk(opCard.id))!.accountId).to.equal(null);
    });

    it("an administrator cannot edit another enterprise's operator", async () => {
      const a = await adminSession();
      const b = await adminSession();
      const op = await a.api.post('/api/operators', { username: uniqueUsername('opa'), name: '甲方操作员', mobile: mobile(), idType: 'resident', idNumber: residentId(), idValidFrom: '20200101', idValidTo: '00000000' });
      expect((await b.api.call('PUT', `/api/operators/${op.body.id}`, { name: 'x', mobile: mobile(), email: '', status: 'disabled' })).status).to.equal(404);
      expect((await b.api.call('DELETE', `/api/operators/${op.body.id}`)).status).to.equal(404);
    });
  });
});
