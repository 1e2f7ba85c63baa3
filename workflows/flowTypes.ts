// Types shared by the flow mechanism, the API and the portal contract. No runtime imports.
import type { FieldErrors } from '../domain/errors';

export type FlowType = 'registration' | 'firstLogin' | 'cardLogin';
export const FLOW_TYPES: readonly FlowType[] = ['registration', 'firstLogin', 'cardLogin'];
export type FlowStatus = 'active' | 'completed' | 'expired';

/** The updates each flow type accepts (the API refuses any other step name up front). */
export const FLOW_UPDATES: Record<FlowType, readonly string[]> = {
  registration: ['enterprise', 'sendSmsCode', 'account'],
  firstLogin: ['sendSmsCode', 'smsCheck', 'newPassword'],
  cardLogin: ['present', 'confirmTakeover', 'sendSmsCode', 'register'],
};

/** Flow types a browser may start by itself; the others are started by the back office. */
export const SELF_SERVICE_FLOWS: readonly FlowType[] = ['registration', 'cardLogin'];

/** What starts a flow. The owner is a keyed hash of the browser's cookie, never the cookie. */
export interface FlowInput<C = Record<string, unknown>> {
  flowId: string;
  owner: string;
  expiresInMs: number;
  context: C; // what the starter already knows (e.g. the account of a first login)
}

/** What the portal renders: the only view of a flow that leaves the back office. */
export interface FlowView {
  flowId: string;
  type: FlowType;
  status: FlowStatus;
  step: string;
  steps: string[];
  expiresAt: string;
  data: Record<string, unknown>;
}

/** Every step update carries the caller's owner hash beside the fields. */
export interface StepArgs<F = Record<string, unknown>> {
  owner: string;
  ip: string;
  fields: F;
}

/**
 * A password as it enters a workflow: hashed by the API, with the policy problems the API found
 * in the plain text (the workflow never sees the plain text, so it cannot check it itself).
 */
export interface SealedPassword {
  sealed: true;
  hash: string;
  errors: FieldErrors; // keys: password, confirmPassword
}

/** Failure type names carried by ApplicationFailure to the API. */
export const FIELD_ERRORS = 'FieldErrors';
export const FLOW_CLOSED = 'FlowClosed';
export const NOT_OWNER = 'NotOwner';
