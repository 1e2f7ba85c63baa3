// Business refusals inside activities reach the user at once as a clear 4xx (never a minute of
// retries ending in 500), and a deleted or disabled account's pending flows end: the first login
// of an operator deleted or disabled by its administrator, a proven password recovery, and a card
// registration whose enterprise got an administrator meanwhile.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { harness, Harness } from '../support/harness';
import { ApiClient, Reply } from '../support/apiClient';
import { knownPerson, registryEnterprise } from '../support/fixtures';
import { adminFields, registrationAtAccountStep, sendCode } from '../support/journeys';
import { addOperator, AdminSession, adminSession, makeAccount, operatorSession } from '../support/manage';
import { ApplicantKey } from '../../workflows/searchAttributes';
import { makeCard, presentCard } from '../support/cards';

const DEFAULT_PASSWORD = '88888888';
const NEW_PASSWORD = 'Oper#2026new';
/** "At once": a refusal is one activity call, not a retry loop (which took about a minute). */
const PROMPT_MS = 3000;

/** A step with its duration. */
async function timedStep(api: ApiClient, flowId: string, step: string, fields: object): Promise<Reply & { ms: number }> {
  const started = Date.now();
  const res = await api.step(flowId, step, fields);
  return { ...res, ms: Date.now() - started };
}

function expectRefused(res: Reply & { ms: number }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.body.error.code).to.equal(code);
  expect(res.ms, `answered in ${res.ms} ms`).to.be.below(PROMPT_MS);
}

describe('refusals end flows at once (API)', () => {
  let h: Harness;
  let admin: AdminSession;
  before(async () => {
    h = await harness();
    admin = await adminSession(h);
  });
  beforeEach(async () => {
    await h.db.models.Throttle.destroy({ where: { key: { [Op.like]: 'login-ip:%' } } });
  });

  /** A new operator logged in with the default password: its first-login flow, SMS code sent. */
  async function waitingFirstLogin() {
    const op = await addOperator(admin);
    const api = new ApiClient(h.baseUrl);
    const login = await api.login(op.username, DEFAULT_PASSWORD);
    expect(login.body.next, JSON.stringify(login.body)).to.equal('firstLogin');
    const flowId = login.body.flowId as string;
    const sent = await api.step(flowId, 'sendSmsCode', await api.captcha());
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    return { op, api, flowId, code: await api.lastSmsCode(op.mobile) };
  }

  const flowOf = async (api: ApiClient, flowId: string) => (await api.get(`/api/flows/${flowId}`)).body;

  /**
   * The API finds an account's flows through Temporal visibility (Applicant = username), which is
   * eventually consistent: wait until it lists the flow, as it does a moment after any step.
   */
  async function listedAsApplicant(username: string, flowId: string) {
    for (let i = 0; i < 50; i++) {
      for await (const w of h.client.workflow.list({ query: `WorkflowId = '${flowId}' AND ExecutionStatus = 'Running'` })) {
        if (w.typedSearchAttributes.get(ApplicantKey) === username) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${flowId} not listed for ${username}`);
  }

  describe('first login (L2) of an operator deleted or disabled meanwhile', () => {
    it('deleting the operator ends its waiting first-login flow: SMS check and new password answer 410 account.gone at once', async () => {
      const { op, api, flowId, code } = await waitingFirstLogin();
      await listedAsApplicant(op.username, flowId);
      expect((await admin.api.call('DELETE', `/api/operators/${op.id}`)).status).to.equal(204);

      const view = await flowOf(api, flowId);
      expect(view.status).to.equal('ended');
      expect(view.endReason).to.equal('account.gone');
      expectRefused(await timedStep(api, flowId, 'smsCheck', { smsCode: code }), 410, 'account.gone');
      const res = await timedStep(api, flowId, 'newPassword', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
      expectRefused(res, 410, 'account.gone');
      expect(res.body.error.status).to.equal('ended');
      expect(res.body.error.message).to.match(/不存在/);
      const described = await h.client.workflow.getHandle(flowId).describe();
      expect(described.status.name, 'the workflow is over').to.equal('COMPLETED');
    });

    it('a deletion the flow was not told of: the SMS check refuses the code at once and the flow ends', async () => {
      const { op, api, flowId, code } = await waitingFirstLogin();
      await h.db.models.Account.destroy({ where: { id: op.id } }); // as if the API had not reached the flow
      expectRefused(await timedStep(api, flowId, 'smsCheck', { smsCode: code }), 410, 'account.gone');
      expect((await flowOf(api, flowId)).status).to.equal('ended');
    });

    it('a deletion the flow was not told of: the new password is refused at once (was: a minute of retries, then 500)', async () => {
      const { op, api, flowId, code } = await waitingFirstLogin();
      expect((await api.step(flowId, 'smsCheck', { smsCode: code })).body.step).to.equal('newPassword');
      await h.db.models.Account.destroy({ where: { id: op.id } });
      expectRefused(await timedStep(api, flowId, 'newPassword', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), 410, 'account.gone');
      const view = await flowOf(api, flowId);
      expect(view.status).to.equal('ended');
      expect(view.endReason).to.equal('account.gone');
    });

    it('a disabled operator cannot set its first password: the flow ends (account.disabled), the password stays', async () => {
      const { op, api, flowId, code } = await waitingFirstLogin();
      expect((await api.step(flowId, 'smsCheck', { smsCode: code })).body.step).to.equal('newPassword');
      await listedAsApplicant(op.username, flowId);
      const disabled = await admin.api.call('PUT', `/api/operators/${op.id}`, { status: 'disabled' });
      expect(disabled.status, JSON.stringify(disabled.body)).to.equal(200);
      expect((await flowOf(api, flowId)).endReason).to.equal('account.disabled');
      expectRefused(await timedStep(api, flowId, 'newPassword', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), 410, 'account.disabled');
      expect((await h.db.models.Account.findByPk(op.id))!.mustChangePassword).to.equal(true);
      expect((await new ApiClient(h.baseUrl).login(op.username, NEW_PASSWORD)).status).to.equal(422);
    });

    it('a disabled operator the flow was not told of: the SMS check and the new password refuse at once', async () => {
      const first = await waitingFirstLogin();
      await h.db.models.Account.update({ status: 'disabled' }, { where: { id: first.op.id } });
      expectRefused(await timedStep(first.api, first.flowId, 'smsCheck', { smsCode: first.code }), 410, 'account.disabled');

      const second = await waitingFirstLogin();
      expect((await second.api.step(second.flowId, 'smsCheck', { smsCode: second.code })).body.step).to.equal('newPassword');
      await h.db.models.Account.update({ status: 'disabled' }, { where: { id: second.op.id } });
      expectRefused(await timedStep(second.api, second.flowId, 'newPassword', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), 410, 'account.disabled');
      expect((await h.db.models.Account.findByPk(second.op.id))!.mustChangePassword).to.equal(true);
    });

    it("ends the flow of a migrated user whose username has a quote (not put into a visibility query as is)", async () => {
      const username = `o'hm_${Date.now().toString(36)}`;
      const { account, password } = await makeAccount(h, { kind: 'operator', enterpriseId: admin.enterprise.id, username, migrated: true });
      await account.update({ mustChangePassword: true });
      const api = new ApiClient(h.baseUrl);
      const login = await api.login(username, password);
      expect(login.body.next, JSON.stringify(login.body)).to.equal('firstLogin');
      const flowId = login.body.flowId as string;
      await listedAsApplicant(username, flowId);
      expect((await admin.api.call('DELETE', `/api/operators/${account.id}`)).status).to.equal(204);
      expect((await flowOf(api, flowId)).endReason).to.equal('account.gone');
    });

    it('an operator that is enabled again logs in to a new first-login flow', async () => {
      const { op, api, flowId } = await waitingFirstLogin();
      await listedAsApplicant(op.username, flowId);
      expect((await admin.api.call('PUT', `/api/operators/${op.id}`, { status: 'disabled' })).status).to.equal(200);
      expect((await admin.api.call('PUT', `/api/operators/${op.id}`, { status: 'active' })).status).to.equal(200);
      expect((await flowOf(api, flowId)).status, 'the old flow stays ended').to.equal('ended');
      const again = await new ApiClient(h.baseUrl).login(op.username, DEFAULT_PASSWORD);
      expect(again.body.next).to.equal('firstLogin');
      expect(again.body.flowId).to.not.equal(flowId);
    });
  });

  describe('password recovery (P1) of an account deleted after the proof', () => {
    async function provenRecovery() {
      const { op } = await operatorSession(h, admin);
      const api = new ApiClient(h.baseUrl);
      const flowId = (await api.post('/api/flows', { type: 'passwordRecovery' })).body.flowId as string;
      expect((await api.step(flowId, 'username', { username: op.username, ...(await api.captcha()) })).body.step).to.equal('verify');
      expect((await api.step(flowId, 'chooseMethod', { method: 'mobile' })).status).to.equal(200);
      expect((await api.step(flowId, 'sendSmsCode', await api.captcha())).status).to.equal(200);
      const verified = await api.step(flowId, 'verify', { smsCode: await api.lastSmsCode(op.mobile) });
      expect(verified.body.step, JSON.stringify(verified.body)).to.equal('reset');
      return { op, api, flowId };
    }

    it('deleting the account ends the proven flow; the reset answers 410 account.gone at once', async () => {
      const { op, api, flowId } = await provenRecovery();
      await listedAsApplicant(op.username, flowId);
      expect((await admin.api.call('DELETE', `/api/operators/${op.id}`)).status).to.equal(204);
      expect((await flowOf(api, flowId)).status).to.equal('ended');
      expectRefused(await timedStep(api, flowId, 'reset', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), 410, 'account.gone');
    });

    it('a deletion the flow was not told of: the reset refuses at once (was: a minute of retries, then 500)', async () => {
      const { op, api, flowId } = await provenRecovery();
      await h.db.models.Account.destroy({ where: { id: op.id } });
      expectRefused(await timedStep(api, flowId, 'reset', { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), 410, 'account.gone');
    });

    it('a flow before its proof is not ended by a deletion (it must not tell that the username exists)', async () => {
      const { op } = await operatorSession(h, admin);
      const api = new ApiClient(h.baseUrl);
      const flowId = (await api.post('/api/flows', { type: 'passwordRecovery' })).body.flowId as string;
      expect((await api.step(flowId, 'username', { username: op.username, ...(await api.captcha()) })).body.step).to.equal('verify');
      expect((await admin.api.call('DELETE', `/api/operators/${op.id}`)).status).to.equal(204);
      expect((await flowOf(api, flowId)).status).to.equal('active');
    });
  });

  describe('card registration (R6 rule 1) when the enterprise got an administrator meanwhile', () => {
    it('answers 410 enterprise.hasAdmin at once and creates nothing (was: a minute of retries, then 500); a new card login offers the takeover', async () => {
      const e = await registryEnterprise(h.services);
      const card = await makeCard(h.services, { cardType: 'legal', uscc: e.uscc, enterpriseName: e.name, holderName: e.legalRepName, holderIdNumber: e.legalRepIdNumber });
      const holder = new ApiClient(h.baseUrl);
      const { flowId, res } = await presentCard(holder, card);
      expect(res.body.step, JSON.stringify(res.body)).to.equal('register');

      // Meanwhile someone registers the enterprise's administrator without a card (R2).
      const other = new ApiClient(h.baseUrl);
      const { flowId: regFlow } = await registrationAtAccountStep(other, h.services, e);
      const fields = adminFields();
      knownPerson(h.services, fields.name as string, fields.idNumber as string);
      const code = await sendCode(other, regFlow, fields.mobile as string);
      expect((await other.step(regFlow, 'account', { ...fields, smsCode: code })).body.status).to.equal('completed');

      const refused = await timedStep(holder, flowId, 'register', { mode: 'auto' });
      expectRefused(refused, 410, 'enterprise.hasAdmin');
      expect((await flowOf(holder, flowId)).status).to.equal('ended');
      expect(await h.db.models.Account.count({ where: { usernameKey: `${card.cardNo}_admin` } })).to.equal(0);
      expect((await h.db.models.Card.findByPk(card.id))!.accountId).to.equal(null);

      const again = await presentCard(holder, card);
      expect(again.res.body.step).to.equal('confirmTakeover');
    });
  });
});
