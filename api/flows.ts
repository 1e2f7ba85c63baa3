// Starting and driving self-service flows (one Temporal workflow each) on behalf of a browser.
import crypto from 'node:crypto';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, TypedSearchAttributes } from '@temporalio/common';
import { validatePasswordPair } from '../domain/forms';
import { hashPassword } from '../activities/passwords';
import {
  ACCOUNT_CLOSED,
  AccountClosed,
  FIELD_ERRORS,
  FIRST_STEPS,
  FLOW_CLOSED,
  FLOW_UPDATES,
  FlowInput,
  FlowType,
  FlowView,
  NOT_OWNER,
  SealedPassword,
} from '../workflows/flowTypes';
import { stateQuery } from '../workflows/flow';
import { FlowStatusKey, FlowStepKey, FlowTypeKey, ApplicantKey } from '../workflows/searchAttributes';
import { ApiError } from './http';

export interface FlowRuntime {
  client: Client;
  taskQueue: string;
  expiryMs: number;
}

export function newFlowId(type: FlowType): string {
  return `${type}-${crypto.randomBytes(16).toString('base64url')}`;
}

export async function startFlow<C extends Record<string, unknown>>(
  rt: FlowRuntime,
  type: FlowType,
  owner: string,
  context: C,
  applicant = '',
): Promise<FlowView> {
  const flowId = newFlowId(type);
  const input: FlowInput<C & { flowId: string }> = { flowId, owner, expiresInMs: rt.expiryMs, context: { ...context, flowId } };
  const handle = await rt.client.workflow.start(type, {
    workflowId: flowId,
    taskQueue: rt.taskQueue,
    args: [input],
    typedSearchAttributes: new TypedSearchAttributes([
      { key: FlowTypeKey, value: type },
      { key: FlowStatusKey, value: 'active' },
      { key: FlowStepKey, value: FIRST_STEPS[`${type}:${String(context.variant ?? '')}`] ?? FIRST_STEPS[type] },
      ...(applicant ? [{ key: ApplicantKey, value: applicant }] : []),
    ]),
  });
  const { view } = await handle.query(stateQuery);
  return view;
}

export async function readFlow(rt: FlowRuntime, flowId: string, owner: string): Promise<FlowView> {
  try {
    const state = await rt.client.workflow.getHandle(flowId).query(stateQuery);
    if (state.owner !== owner) throw new ApiError(404, 'flow.notFound');
    return state.view;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new ApiError(404, 'flow.notFound');
    throw err;
  }
}

/**
 * A flow's view for the back office itself (a provider's callback), whoever's browser owns it;
 * null when there is no such flow. Never hand this view to a browser.
 */
export async function peekFlow(rt: FlowRuntime, flowId: string): Promise<FlowView | null> {
  try {
    return (await rt.client.workflow.getHandle(flowId).query(stateQuery)).view;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** An outside decision for a waiting flow (FlowDefinition.signals). */
export async function signalFlow(rt: FlowRuntime, flowId: string, signal: string, payload: unknown): Promise<void> {
  await rt.client.workflow.getHandle(flowId).signal(signal, payload);
}

/** Passwords are hashed here, before they enter a workflow; only policy findings go along. */
async function sealPasswords(fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!('password' in fields) && !('confirmPassword' in fields)) return fields;
  const { password, confirmPassword, ...rest } = fields;
  const errors = validatePasswordPair(password, confirmPassword);
  const sealed: SealedPassword = {
    sealed: true,
    hash: Object.keys(errors).length === 0 ? await hashPassword(password as string) : '',
    errors,
  };
  return { ...rest, password: sealed };
}

export async function submitStep(
  rt: FlowRuntime,
  flowId: string,
  step: string,
  owner: string,
  ip: string,
  rawFields: unknown,
): Promise<FlowView> {
  const type = flowId.split('-')[0] as FlowType;
  if (!FLOW_UPDATES[type] || !FLOW_UPDATES[type].includes(step)) throw new ApiError(404, 'flow.notFound');
  const fields = await sealPasswords(rawFields && typeof rawFields === 'object' && !Array.isArray(rawFields) ? (rawFields as Record<string, unknown>) : {});
  const handle = rt.client.workflow.getHandle(flowId);
  try {
    return await handle.executeUpdate<FlowView, [unknown]>(step, { args: [{ owner, ip, fields }] });
  } catch (err) {
    const failure = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (failure instanceof ApplicationFailure) {
      if (failure.type === FIELD_ERRORS) {
        const fieldsWithErrors = (failure.details?.[0] ?? {}) as Record<string, string>;
        if (fieldsWithErrors._flow) throw new ApiError(409, fieldsWithErrors._flow);
        throw new ApiError(422, 'validation', fieldsWithErrors);
      }
      if (failure.type === NOT_OWNER) throw new ApiError(404, 'flow.notFound');
      if (failure.type === FLOW_CLOSED) throw closed(failure.message, (failure.details?.[0] as { endReason?: string } | undefined)?.endReason);
    }
    // A closed workflow refuses updates: say whether it expired, was finished or ended.
    const view = await readFlow(rt, flowId, owner);
    if (view.status !== 'active') throw closed(view.status, view.endReason);
    throw err;
  }
}

/** 410 for a flow that is over; a flow ended by a refusal answers with that refusal's code. */
function closed(status: string, endReason?: string) {
  const code = status === 'completed' ? 'flow.completed' : status === 'ended' ? endReason || 'flow.ended' : 'flow.expired';
  return new ApiError(410, code, undefined, { status });
}

/**
 * Ends the pending flows of an account that was deleted or disabled (signal ACCOUNT_CLOSED; each
 * flow checks that it acts for this account, see FlowDefinition.accountsOf). Flows an account acts
 * in carry its username as Applicant. Best effort after the change is committed: a flow missed
 * here is still refused by its next step (activities/refusal.ts openAccount).
 */
export async function closeFlowsOfAccount(rt: FlowRuntime, account: { id: number; username: string }, reason: 'account.gone' | 'account.disabled'): Promise<number> {
  const plain = /^[^'"\\]+$/.test(account.username);
  // A username with quotes cannot go into the visibility query as is: list the running flows of
  // the account flow types and compare the Applicant here instead.
  const query = plain
    ? `ExecutionStatus = 'Running' AND Applicant = '${account.username}'`
    : `ExecutionStatus = 'Running' AND FlowType IN (${ACCOUNT_FLOW_TYPES.map((t) => `'${t}'`).join(', ')})`;
  const payload: AccountClosed = { accountId: account.id, reason };
  let signalled = 0;
  for await (const w of rt.client.workflow.list({ query })) {
    if (!plain && w.typedSearchAttributes.get(ApplicantKey) !== account.username) continue;
    try {
      await rt.client.workflow.getHandle(w.workflowId).signal(ACCOUNT_CLOSED, payload);
      signalled += 1;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err; // closed meanwhile: nothing to end
    }
  }
  return signalled;
}

/** Flow types that act for an existing account (FlowDefinition.accountsOf). */
const ACCOUNT_FLOW_TYPES: readonly FlowType[] = ['firstLogin', 'changeMobile', 'changeEmail', 'passwordRecovery'];
