// Types shared by the flow mechanism, the API and the portal contract. No runtime imports.
import type { FieldErrors } from '../domain/errors';

export type FlowType = 'registration' | 'firstLogin' | 'cardLogin' | 'individualRegistration' | 'overseasRegistration' | 'passwordRecovery' | 'changeMobile' | 'changeEmail' | 'mobileLogin' | 'usernameRecovery';
export const FLOW_TYPES: readonly FlowType[] = ['registration', 'firstLogin', 'cardLogin', 'individualRegistration', 'overseasRegistration', 'passwordRecovery', 'changeMobile', 'changeEmail', 'mobileLogin', 'usernameRecovery'];
/** ended: a refusal meant the flow could not go on (its account was deleted or disabled …); see FlowView.endReason. */
export type FlowStatus = 'active' | 'completed' | 'expired' | 'ended';
export const FLOW_STATUSES: readonly FlowStatus[] = ['active', 'completed', 'expired', 'ended'];

/** The updates each flow type accepts (the API refuses any other step name up front). */
export const FLOW_UPDATES: Record<FlowType, readonly string[]> = {
  registration: ['enterprise', 'sendSmsCode', 'account'],
  firstLogin: ['sendSmsCode', 'smsCheck', 'newPassword'],
  cardLogin: ['present', 'confirmTakeover', 'sendSmsCode', 'register'],
  individualRegistration: ['sendSmsCode', 'sendEmailCode', 'account'],
  overseasRegistration: ['sendEmailCode', 'account'],
  passwordRecovery: ['username', 'chooseMethod', 'sendSmsCode', 'sendEmailCode', 'verify', 'requestReview', 'submitReview', 'reset'],
  usernameRecovery: ['sendSmsCode', 'mobile', 'realName', 'identity', 'sendOperatorCode', 'more', 'chooseBank', 'requestReview', 'submitReview'],
  changeMobile: ['sendSmsCode', 'confirm'],
  changeEmail: ['sendEmailCode', 'confirm'],
  mobileLogin: ['sendSmsCode', 'login'],
};

/** Flow types a browser may start by itself; the others are started by the back office. */
export const SELF_SERVICE_FLOWS: readonly FlowType[] = ['registration', 'cardLogin', 'individualRegistration', 'overseasRegistration', 'passwordRecovery', 'mobileLogin', 'usernameRecovery'];

/**
 * Flows of a logged-in account (A3), started by POST /api/account/flows with the account in the
 * context. Their owner is the account in that browser: another account, or the same browser
 * logged out, never sees or drives them.
 */
export const ACCOUNT_FLOWS: readonly FlowType[] = ['changeMobile', 'changeEmail'];

/** Flows that end in a login (view.data.loginAccountId): the session method they open. */
export const LOGIN_FLOWS: Partial<Record<FlowType, { method: 'card' | 'mobile'; field: string }>> = {
  cardLogin: { method: 'card', field: 'card' },
  mobileLogin: { method: 'mobile', field: 'smsCode' },
};

/**
 * Variants a flow type may be started with (`POST /api/flows { type, variant }`), the first being
 * the default. registration: R2 enterprise, R3 public institution, R8 electronic business license.
 */
export const FLOW_VARIANTS: Partial<Record<FlowType, readonly string[]>> = {
  registration: ['enterprise', 'institution', 'elicense'],
  usernameRecovery: ['admin', 'operator', 'individual'], // U1/U3 admin, U4 operator, U5 individual
};

/** The first step of each flow type, and of a variant that starts elsewhere (`type:variant`). */
export const FIRST_STEPS: Record<string, string> = {
  registration: 'enterprise',
  'registration:elicense': 'elicense',
  firstLogin: 'smsCheck',
  cardLogin: 'present',
  individualRegistration: 'account',
  overseasRegistration: 'account',
  passwordRecovery: 'username',
  usernameRecovery: 'mobile',
  changeMobile: 'verify',
  changeEmail: 'verify',
  mobileLogin: 'mobile',
};

/** Signals from outside the browser, by flow type (the API's callbacks send them). */
export const LICENSE_SCANNED = 'licenseScanned';
/** A clerk decided a review case of the flow (the decision itself is read from the database). */
export const REVIEW_DECIDED = 'reviewDecided';
/** U2: a bank confirmed the enterprise through its UKey (payload verified by the API). */
export const BANK_VERIFIED = 'bankVerified';

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
  /** Status 'ended': the error code of the refusal that ended the flow (e.g. account.gone). */
  endReason?: string;
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
/** A business refusal by an activity (activities/refusal.ts), never retried. */
export const REFUSED = 'Refused';

/**
 * What a refusal carries: the error code, the field it belongs to (none: the form as a whole),
 * and whether the flow can go on (a wrong code: yes) or must end (its account is gone: no).
 */
export interface Refusal {
  code: string;
  field?: string;
  endsFlow?: boolean;
}

/**
 * Declared by the flow mechanism for every flow: an account the flow acts for was deleted or
 * disabled (the API sends it; reason account.gone or account.disabled). FlowDefinition.accountsOf
 * says which accounts a flow acts for.
 */
export const ACCOUNT_CLOSED = 'accountClosed';
export interface AccountClosed {
  accountId: number;
  reason: string;
}
