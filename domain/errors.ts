// Error codes shared by the server (workflow validators, API) and the browser (red field hints).
// Validators return codes, never sentences, so each front end picks the language it shows.

/** Every code the back office emits; messages.ts must have a message for each. */
export const ERROR_CODES = [
  // generic
  'required',
  'validation',
  // identifiers
  'uscc.format',
  'uscc.check',
  'orgCode.format',
  'orgCode.check',
  'orgCode.mismatch',
  'residentId.format',
  'residentId.birthDate',
  'residentId.check',
  'idType.invalid',
  'passport.format',
  'hkmacao.format',
  'taiwan.format',
  'foreigner.format',
  'idNumber.format',
  'date.format',
  'date.invalid',
  'validity.endBeforeStart',
  'validity.expired',
  'validity.startInFuture',
  // accounts
  'username.length',
  'username.chars',
  'password.length',
  'password.classes',
  'password.chars',
  'password.mismatch',
  'password.sameAsOld',
  'password.oldWrong',
  'mobile.format',
  'email.format',
  'name.length',
  'enterpriseName.length',
  'sms.format',
  'agreement.required',
  // back-office checks (registry, uniqueness, codes, login, flows)
  'registry.notFound',
  'registry.nameMismatch',
  'registry.orgCodeMismatch',
  'registry.legalRepMismatch',
  'enterprise.hasAdmin',
  'username.taken',
  'idNumber.taken',
  'captcha.wrong',
  'captcha.expired',
  'sms.wrong',
  'sms.expired',
  'sms.tooManyAttempts',
  'sms.notSent',
  'sms.tooSoon',
  'sms.tooManySends',
  'sms.mobileChanged',
  'login.failed',
  'login.throttled',
  'login.locked',
  'login.inactive',
  'login.disabled',
  'flow.expired',
  'flow.notFound',
  'flow.wrongStep',
  'flow.completed',
  'emailCode.wrong',
  'emailCode.expired',
  'emailCode.tooManyAttempts',
  'emailCode.notSent',
  'emailCode.mobileChanged',
  // cards
  'card.challengeExpired',
  'card.challengeUsed',
  'card.challengeForeign',
  'card.badSignature',
  'card.certInvalid',
  'card.certExpired',
  'card.unknown',
  'card.frozen',
  'card.lost',
  'card.locked',
  'card.revoked',
  'card.expired',
  'card.otherEnterprise',
  'card.wrongType',
  'card.identityMismatch',
  'card.boundElsewhere',
  'card.alreadyBound',
  'card.notBound',
  'operator.cardProtected',
  'account.notInactive',
  'account.activationNeedsCard',
  // HTTP-level (API)
  'badRequest',
  'tooLarge',
  'internal',
  'notLoggedIn',
  'forbidden',
  'notFound',
  'conflict',
] as const;

/** The codes this module knows about (used to make MESSAGES complete at compile time). */
export type KnownErrorCode = (typeof ERROR_CODES)[number];

/** Kept as plain string so other layers can add codes without touching domain/. */
export type ErrorCode = string;

/** Field name → error code; an empty object means the form is fine. */
export type FieldErrors = Record<string, string>;

export function hasErrors(e: FieldErrors): boolean {
  return Object.keys(e).length > 0;
}

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
