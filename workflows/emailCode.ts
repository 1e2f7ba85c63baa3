// Sending a one-time e-mail code from inside a flow, the e-mail twin of smsCode.ts: the image
// captcha guards the send, a send may be repeated after 60 s and at most 5 times per flow. The
// code goes out through the mail adapter (channel 'mail') and never enters the workflow.
import { validateEmail } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { maskEmail } from '../domain/masking';
import { acts } from './activities';
import { fieldErrors, FlowControl } from './flow';
import { MAX_SENDS, RESEND_AFTER_MS } from './smsCode';

export interface EmailState {
  email?: string; // where the last code went
  lastSentAt?: number;
  sends: number;
}

export interface SendEmailFields {
  email?: string;
  captchaId?: string;
  captcha?: string;
}

export function validateSendEmail(fields: SendEmailFields): FieldErrors {
  const errors: FieldErrors = {};
  const email = validateEmail(fields.email);
  if (email) errors.email = email;
  if (typeof fields.captchaId !== 'string' || !fields.captchaId) errors.captcha = 'captcha.expired';
  if (typeof fields.captcha !== 'string' || !fields.captcha.trim()) errors.captcha = 'required';
  return errors;
}

export async function sendEmailCode(opts: {
  flowId: string;
  purpose: string;
  email: string;
  mail: EmailState;
  fields: SendEmailFields;
  flow: FlowControl;
}): Promise<void> {
  const { mail, flow } = opts;
  if (mail.sends >= MAX_SENDS) fieldErrors({ emailCode: 'emailCode.tooManySends' });
  if (mail.lastSentAt !== undefined && flow.now() - mail.lastSentAt < RESEND_AFTER_MS) fieldErrors({ emailCode: 'emailCode.tooSoon' });
  const captcha = await acts.verifyCaptcha(opts.fields.captchaId as string, opts.fields.captcha as string);
  if (captcha) fieldErrors({ captcha });
  await acts.issueCode({
    sendKey: `${opts.flowId}:${opts.purpose}:${mail.sends + 1}`,
    purpose: opts.purpose,
    subject: opts.flowId,
    target: opts.email,
    channel: 'mail',
  });
  mail.email = opts.email;
  mail.lastSentAt = flow.now();
  mail.sends += 1;
}

/** Checks an e-mail code; a wrong one rejects the step with emailCode.* on the emailCode field. */
export async function checkEmailCode(flowId: string, purpose: string, email: string, code: string): Promise<void> {
  const wrong = await acts.checkCode({ subject: flowId, purpose, target: email, code, channel: 'mail' });
  if (wrong) fieldErrors({ emailCode: wrong });
}

export function emailView(mail: EmailState) {
  return {
    emailSentTo: mail.email ? maskEmail(mail.email) : null,
    emailResendAfter: mail.lastSentAt !== undefined ? new Date(mail.lastSentAt + RESEND_AFTER_MS).toISOString() : null,
    emailSendsLeft: MAX_SENDS - mail.sends,
  };
}
