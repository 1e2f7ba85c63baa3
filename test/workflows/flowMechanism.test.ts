// The flow mechanism on a real Temporal dev server with the real worker: owner binding,
// validators that leave no trace in history, encrypted payloads, expiry by timer.
import { expect } from 'chai';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { harness, Harness } from '../support/harness';
import { registryEnterprise } from '../support/fixtures';
import { newFlowId } from '../../api/flows';
import { stateQuery } from '../../workflows/flow';
import { FlowStatusKey, FlowTypeKey } from '../../workflows/searchAttributes';
import { EncryptionCodec } from '../../activities/codec';
import type { FlowView } from '../../workflows/flowTypes';

const EventType = temporal.api.enums.v1.EventType;

describe('flow mechanism (workflows on a real server)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });

  async function start(expiresInMs = 60_000) {
    const flowId = newFlowId('registration');
    const handle = await h.client.workflow.start('registration', {
      workflowId: flowId,
      taskQueue: h.config.taskQueue,
      args: [{ flowId, owner: 'owner-a', expiresInMs, context: { flowId } }],
      typedSearchAttributes: [{ key: FlowTypeKey, value: 'registration' }, { key: FlowStatusKey, value: 'active' }],
    });
    return handle;
  }

  async function updateFails(promise: Promise<unknown>): Promise<ApplicationFailure> {
    try {
      await promise;
    } catch (err) {
      expect(err).to.be.instanceOf(WorkflowUpdateFailedError);
      return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
    }
    throw new Error('the update was accepted');
  }

  it('rejects another owner and invalid fields in the validator, leaving no update in history', async () => {
    const handle = await start();
    const e = await registryEnterprise(h.services);
    const notOwner = await updateFails(handle.executeUpdate('enterprise', { args: [{ owner: 'owner-b', ip: '', fields: e }] }));
    expect(notOwner.type).to.equal('NotOwner');
    const invalid = await updateFails(handle.executeUpdate('enterprise', { args: [{ owner: 'owner-a', ip: '', fields: { ...e, uscc: 'bad' } }] }));
    expect(invalid.type).to.equal('FieldErrors');
    expect(invalid.details?.[0]).to.deep.include({ uscc: 'uscc.format' });
    const history = await handle.fetchHistory();
    const accepted = history.events!.filter((ev) => ev.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    expect(accepted).to.have.length(0);

    const ok = await handle.executeUpdate<FlowView, [unknown]>('enterprise', { args: [{ owner: 'owner-a', ip: '', fields: e }] });
    expect(ok.step).to.equal('account');
    const { view } = await handle.query(stateQuery);
    expect(view.data.enterprise).to.deep.include({ uscc: e.uscc });
  });

  it('refuses a step that is not open at the current step', async () => {
    const handle = await start();
    const wrong = await updateFails(handle.executeUpdate('sendSmsCode', { args: [{ owner: 'owner-a', ip: '', fields: { mobile: '13912345678', captchaId: 'x', captcha: 'y' } }] }));
    expect(wrong.details?.[0]).to.deep.equal({ _flow: 'flow.wrongStep' });
  });

  it('keeps personal data encrypted in the workflow history', async () => {
    const handle = await start();
    const e = await registryEnterprise(h.services);
    await handle.executeUpdate('enterprise', { args: [{ owner: 'owner-a', ip: '', fields: e }] });
    const history = await handle.fetchHistory();
    const raw = JSON.stringify(temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), { bytes: String }));
    const text = Buffer.from(JSON.stringify(history.events!.map((ev) => JSON.stringify(ev)))).toString();
    for (const secret of [e.legalRepIdNumber, e.legalRepName, e.name]) {
      expect(text).not.to.include(secret);
      expect(raw).not.to.include(Buffer.from(secret).toString('base64'));
    }
    // The payloads decode with the key, so the data is there, just not readable without it.
    const started = history.events!.find((ev) => ev.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)!;
    const payload = started.workflowExecutionStartedEventAttributes!.input!.payloads![0];
    expect(Buffer.from(payload.metadata!.encoding as Uint8Array).toString()).to.equal('binary/encrypted');
    const [decoded] = await new EncryptionCodec(h.config.secretKey).decode([payload as any]);
    expect(Buffer.from(decoded.data as Uint8Array).toString()).to.include('owner-a');
  });

  it('expires on its timer, then refuses steps and says it expired', async () => {
    const handle = await start(1500);
    const result = (await handle.result()) as FlowView;
    expect(result.status).to.equal('expired');
    const { view } = await handle.query(stateQuery);
    expect(view.status).to.equal('expired');
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(FlowStatusKey)).to.equal('expired');
  });
});
