// The flow mechanism: one workflow per self-service flow. Every step is a Temporal update whose
// validator rejects bad input with field-level error codes; the flow expires on a timer; its
// state is a query. Flow types only declare their steps (see registration.ts).
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { FieldErrors } from '../domain/errors';
import {
  FIELD_ERRORS,
  FLOW_CLOSED,
  FlowInput,
  FlowStatus,
  FlowType,
  FlowView,
  NOT_OWNER,
  StepArgs,
} from './flowTypes';
import { ApplicantKey, EnterpriseUsccKey, FlowStatusKey, FlowStepKey } from './searchAttributes';

/** The flow's view and its owner hash: the API shows the view only to the owner's browser. */
export const stateQuery = defineQuery<{ owner: string; view: FlowView }>('state');

/** Rejects a step with field-level error codes; the API turns them into messages. */
export function fieldErrors(errors: FieldErrors): never {
  throw ApplicationFailure.create({ type: FIELD_ERRORS, message: 'validation', details: [errors], nonRetryable: true });
}

/** What a step handler may do to its flow besides changing its own state. */
export interface FlowControl {
  goTo(step: string): void;
  complete(): void;
  tag(attrs: { uscc?: string; applicant?: string }): void;
  now(): number;
  /** Moves the flow's timer (e.g. while a clerk reviews it); onTimeout runs when it fires. */
  extendUntil(epochMs: number): void;
}

export interface StepDefinition<S, F> {
  /** Steps at which this update is accepted. */
  at: string[];
  validate?(fields: F, state: S, now: number): FieldErrors;
  handle(fields: F, state: S, flow: FlowControl, args: StepArgs<F>): Promise<void>;
}

export interface FlowDefinition<S, C> {
  type: FlowType;
  steps: string[]; // the progress bar, first to last
  init(context: C): S;
  view(state: S): Record<string, unknown>;
  updates: Record<string, StepDefinition<S, any>>;
  /**
   * Decisions from outside the browser (a provider's callback, later a clerk): Temporal signals.
   * A handler runs one at a time with the steps and only while the flow is active; it checks
   * the state itself (a late or repeated signal should change nothing). A handler that rejects
   * its payload with fieldErrors leaves the flow as it was; it never fails the workflow.
   */
  signals?: Record<string, (state: S, payload: any, flow: FlowControl) => Promise<void> | void>;
  /**
   * Runs when the flow's timer fires, one at a time with the steps. If it leaves the flow active
   * with a later deadline (flow.extendUntil), the flow goes on waiting; otherwise it expires.
   */
  onTimeout?(state: S, flow: FlowControl): Promise<void>;
}

export async function runFlow<S, C>(def: FlowDefinition<S, C>, input: FlowInput<C>): Promise<FlowView> {
  const startedAt = workflowInfo().startTime.getTime();
  let deadline = startedAt + input.expiresInMs;
  let deadlineMoved = false;
  let expiresAt = new Date(deadline).toISOString();
  const state = def.init(input.context);
  let step = def.steps[0];
  let status: FlowStatus = 'active';
  let busy = false; // one step at a time: a second click waits for the first

  const view = (): FlowView => ({
    flowId: input.flowId,
    type: def.type,
    status,
    step,
    steps: def.steps,
    expiresAt,
    data: def.view(state),
  });

  const control: FlowControl = {
    goTo(next) {
      step = next;
      upsertSearchAttributes([{ key: FlowStepKey, value: next }]);
    },
    complete() {
      status = 'completed';
      step = def.steps[def.steps.length - 1];
      upsertSearchAttributes([
        { key: FlowStatusKey, value: status },
        { key: FlowStepKey, value: step },
      ]);
    },
    tag({ uscc, applicant }) {
      if (uscc) upsertSearchAttributes([{ key: EnterpriseUsccKey, value: uscc }]);
      if (applicant) upsertSearchAttributes([{ key: ApplicantKey, value: applicant }]);
    },
    now: () => Date.now(),
    extendUntil(epochMs) {
      deadline = epochMs;
      expiresAt = new Date(epochMs).toISOString();
      deadlineMoved = true;
    },
  };

  setHandler(stateQuery, () => ({ owner: input.owner, view: view() }));

  for (const [name, handler] of Object.entries(def.signals ?? {})) {
    setHandler(defineSignal<[unknown]>(name), async (payload) => {
      await condition(() => !busy);
      if (status !== 'active') return;
      busy = true;
      try {
        await handler(state, payload, control);
      } catch (err) {
        // A refused payload or an activity that gave up leaves the flow waiting as it was.
        if (err instanceof ActivityFailure) log.warn(`signal ${name}: activity failed`, { error: err.message });
        else if (!(err instanceof ApplicationFailure && err.type === FIELD_ERRORS)) throw err;
      } finally {
        busy = false;
      }
    });
  }

  for (const [name, stepDef] of Object.entries(def.updates)) {
    setHandler(
      defineUpdate<FlowView, [StepArgs]>(name),
      async (args) => {
        await condition(() => !busy);
        busy = true;
        try {
          // Re-check: the state may have moved while this update waited for the previous one.
          checkOpen(status, step, stepDef.at);
          await stepDef.handle(args.fields, state, control, args);
          return view();
        } finally {
          busy = false;
        }
      },
      {
        validator: (args) => {
          if (!args || args.owner !== input.owner) {
            throw ApplicationFailure.create({ type: NOT_OWNER, message: 'not the owner of this flow', nonRetryable: true });
          }
          checkOpen(status, step, stepDef.at);
          const fields = args.fields && typeof args.fields === 'object' ? args.fields : {};
          const errors = stepDef.validate ? stepDef.validate(fields, state, Date.now()) : {};
          if (Object.keys(errors).length > 0) fieldErrors(errors);
        },
      },
    );
  }

  while (status === 'active') {
    await condition(() => status !== 'active' || deadlineMoved, Math.max(1, deadline - Date.now()));
    if (status !== 'active') break;
    if (deadlineMoved && deadline > Date.now()) {
      deadlineMoved = false; // a step moved the deadline: wait for the new one
      continue;
    }
    if (def.onTimeout) {
      await condition(() => !busy);
      busy = true;
      deadlineMoved = false;
      try {
        await def.onTimeout(state, control);
      } finally {
        busy = false;
      }
      if (status !== 'active') break;
      if (deadlineMoved && deadline > Date.now()) {
        deadlineMoved = false;
        continue;
      }
    }
    status = 'expired';
    upsertSearchAttributes([{ key: FlowStatusKey, value: status }]);
  }
  await condition(allHandlersFinished);
  return view();
}

function checkOpen(status: FlowStatus, step: string, allowed: string[]) {
  if (status !== 'active') {
    throw ApplicationFailure.create({ type: FLOW_CLOSED, message: status, nonRetryable: true });
  }
  if (!allowed.includes(step)) fieldErrors({ _flow: 'flow.wrongStep' });
}

/** YYYYMMDD of a workflow time in China Standard Time (UTC+8), for validity checks. */
export function ymdInChina(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}
