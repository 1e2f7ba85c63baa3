// Starting and driving self-service flows (one Temporal workflow each) on behalf of a browser.
import crypto from 'node:crypto';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, TypedSearchAttributes } from '@temporalio/common';
import { validatePasswordPair } from '../domain/forms';
import { hashPassword } from '../activities/passwords';
import {
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
      if (failure.type === FLOW_CLOSED) throw closed(failure.message);
    }
    // A closed workflow refuses updates: say whether it expired or was finished.
    const view = await readFlow(rt, flowId, owner);
    if (view.status !== 'active') throw closed(view.status);
    throw err;
  }
}

const closed = (status: string) => new ApiError(410, status === 'completed' ? 'flow.completed' : 'flow.expired', undefined, { status });
