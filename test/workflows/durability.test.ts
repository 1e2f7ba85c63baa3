// A registration survives its worker: the worker stops in the middle of the flow, a step is
// submitted while none runs, a new worker starts, and the flow finishes where it was.
import { expect } from 'chai';
import { harness, Harness } from '../support/harness';
import { ApiClient } from '../support/apiClient';
import { adminFields, registrationAtAccountStep, sendCode } from '../support/journeys';

describe('durability: a worker restart in the middle of a registration', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });

  it('finishes the flow with a new worker after the old one stopped', async () => {
    const api = new ApiClient(h.baseUrl);
    const { flowId } = await registrationAtAccountStep(api, h.services);
    const fields = adminFields();
    const code = await sendCode(api, flowId, fields.mobile as string);

    await h.stopWorker();
    // Submitted while no worker runs: the update waits in Temporal instead of failing.
    const pending = api.step(flowId, 'account', { ...fields, smsCode: code });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await h.db.models.Account.count({ where: { createdBy: `flow:${flowId}` } })).to.equal(0);
    await h.startWorker();

    const done = await pending;
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body.status).to.equal('completed');
    expect(await h.db.models.Account.count({ where: { createdBy: `flow:${flowId}` } })).to.equal(1);
    const login = await api.login(fields.username as string, fields.password as string);
    expect(login.status).to.equal(200);
  });
});
