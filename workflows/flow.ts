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
  ACCOUNT_CLOSED,
  AccountClosed,
  FIELD_ERRORS,
  FLOW_CLOSED,
  FlowInput,
  FlowStatus,
  FlowType,
  FlowView,
  NOT_OWNER,
  REFUSED,
  Refusal,
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
  /** Ends the flow because it cannot go on (status 'ended'); reason is an error code. */
  end(reason: string): void;
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
  /**
   * The accounts this flow acts for now. When one of them is deleted or disabled (signal
   * ACCOUNT_CLOSED, sent by the API), the flow ends with that reason. Flows that act for no
   * account yet — or must not tell whether one exists before a proof — return none.
   */
  accountsOf?(state: S): number[];
}

/** The refusal an activity raised (activities/refusal.ts), or null for any other failure. */
export function refusalOf(err: unknown): Refusal | null {
  const failure = err instanceof ActivityFailure ? err.cause : err;
  if (!(failure instanceof ApplicationFailure) || failure.type !== REFUSED) return null;
  const r = failure.details?.[0] as Refusal | undefined;
  return r && typeof r.code === 'string' ? r : { code: failure.message || 'conflict' };
}

export async function runFlow<S, C>(def: FlowDefinition<S, C>, input: FlowInput<C>): Promise<FlowView> {
  const startedAt = workflowInfo().startTime.getTime();
  let deadline = startedAt + input.expiresInMs;
  let deadlineMoved = false;
  let expiresAt = new Date(deadline).toISOString();
  const state = def.init(input.context);
  let step = def.steps[0];
  let status: FlowStatus = 'active';
  let endReason: string | undefined;
  let busy = false; // one step at a time: a second click waits for the first

  const view = (): FlowView => ({
    flowId: input.flowId,
    type: def.type,
    status,
    step,
    steps: def.steps,
    expiresAt,
    data: def.view(state),
    ...(endReason ? { endReason } : {}),
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
    end(reason) {
      if (status !== 'active') return;
      status = 'ended';
      endReason = reason;
      upsertSearchAttributes([{ key: FlowStatusKey, value: status }]);
    },
  };

  /**
   * A refusal from an activity: one that ends the flow ends it and answers as a closed flow
   * (410 with its code); any other becomes a field error (422) and leaves the step open.
   */
  const refused = (r: Refusal): never => {
    if (r.endsFlow) {
      control.end(r.code);
      closedFailure(status, endReason);
    }
    return fieldErrors({ [r.field ?? '_form']: r.code });
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
        // A refusal that ends the flow ends it; a refused payload, another refusal or an
        // activity that gave up leaves the flow waiting as it was.
        const r = refusalOf(err);
        if (r?.endsFlow) control.end(r.code);
        else if (r) log.info(`signal ${name}: refused`, { code: r.code });
        else if (err instanceof ActivityFailure) log.warn(`signal ${name}: activity failed`, { error: err.message });
        else if (!(err instanceof ApplicationFailure && err.type === FIELD_ERRORS)) throw err;
      } finally {
        busy = false;
      }
    });
  }

  // Every flow hears when an account it acts for is deleted or disabled, and ends.
  setHandler(defineSignal<[AccountClosed]>(ACCOUNT_CLOSED), async (payload) => {
    await condition(() => !busy);
    if (status !== 'active' || !payload || !def.accountsOf) return;
    if (def.accountsOf(state).includes(payload.accountId)) control.end(String(payload.reason || 'account.gone'));
  });

  for (const [name, stepDef] of Object.entries(def.updates)) {
    setHandler(
      defineUpdate<FlowView, [StepArgs]>(name),
      async (args) => {
        await condition(() => !busy);
        busy = true;
        try {
          // Re-check: the state may have moved while this update waited for the previous one.
          checkOpen(status, step, stepDef.at, endReason);
          await stepDef.handle(args.fields, state, control, args);
          return view();
        } catch (err) {
          const r = refusalOf(err);
          if (r) refused(r);
          throw err;
        } finally {
          busy = false;
        }
      },
      {
        validator: (args) => {
          if (!args || args.owner !== input.owner) {
            throw ApplicationFailure.create({ type: NOT_OWNER, message: 'not the owner of this flow', nonRetryable: true });
          }
          checkOpen(status, step, stepDef.at, endReason);
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
      } catch (err) {
        // A refusal while closing a case (its account is gone …) ends the flow rather than failing it.
        const r = refusalOf(err);
        if (!r) throw err;
        control.end(r.code);
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

/** Refuses a step of a flow that is over; an ended flow names the refusal that ended it. */
function closedFailure(status: FlowStatus, endReason?: string): never {
  throw ApplicationFailure.create({ type: FLOW_CLOSED, message: status, details: [{ endReason }], nonRetryable: true });
}

function checkOpen(status: FlowStatus, step: string, allowed: string[], endReason?: string) {
  if (status !== 'active') closedFailure(status, endReason);
  if (!allowed.includes(step)) fieldErrors({ _flow: 'flow.wrongStep' });
}

/** YYYYMMDD of a workflow time in China Standard Time (UTC+8), for validity checks. */
export function ymdInChina(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}
