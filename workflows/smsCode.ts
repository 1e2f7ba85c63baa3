// Sending a one-time SMS code from inside a flow: the image captcha guards the send, a send may
// be repeated after 60 s and at most 5 times per flow. The code itself never enters the workflow.
import { maskMobile } from '../domain/masking';
import { validateMobile } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { acts } from './activities';
import { fieldErrors, FlowControl } from './flow';
import type { IssueCodeInput } from '../activities/codes';

export const RESEND_AFTER_MS = 60_000;
export const MAX_SENDS = 5;

export interface SmsState {
  mobile?: string; // where the last code went
  lastSentAt?: number;
  sends: number;
  used?: number; // the send whose code was accepted: spent for this flow (every proof is single use)
}

/** The code of the last send was accepted already: it proves nothing a second time (not even within the code store's retry grace). */
export const codeSpent = (sms: SmsState) => sms.used !== undefined && sms.used === sms.sends;

export function spendCode(sms: SmsState): void {
  sms.used = sms.sends;
}

export interface SendSmsFields {
  mobile?: string;
  captchaId?: string;
  captcha?: string;
}

export function validateSendSms(fields: SendSmsFields, needsMobile: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (needsMobile) {
    const mobile = validateMobile(fields.mobile as string);
    if (mobile) errors.mobile = mobile;
  }
  if (typeof fields.captchaId !== 'string' || !fields.captchaId) errors.captcha = 'captcha.expired';
  if (typeof fields.captcha !== 'string' || !fields.captcha.trim()) errors.captcha = 'required';
  return errors;
}

export async function sendSmsCode(opts: {
  flowId: string;
  purpose: string;
  mobile: string;
  sms: SmsState;
  fields: SendSmsFields;
  flow: FlowControl;
  /** The activity that makes the code; acts.issueCode unless the flow decides delivery itself (L4). */
  issue?: (input: IssueCodeInput) => Promise<unknown>;
}): Promise<void> {
  const { sms, flow } = opts;
  if (sms.sends >= MAX_SENDS) fieldErrors({ smsCode: 'sms.tooManySends' });
  if (sms.lastSentAt !== undefined && flow.now() - sms.lastSentAt < RESEND_AFTER_MS) fieldErrors({ smsCode: 'sms.tooSoon' });
  const captcha = await acts.verifyCaptcha(opts.fields.captchaId as string, opts.fields.captcha as string);
  if (captcha) fieldErrors({ captcha });
  await (opts.issue ?? acts.issueCode)({
    sendKey: `${opts.flowId}:${opts.purpose}:${sms.sends + 1}`,
    purpose: opts.purpose,
    subject: opts.flowId,
    target: opts.mobile,
    channel: 'sms',
  });
  sms.mobile = opts.mobile;
  sms.lastSentAt = flow.now();
  sms.sends += 1;
}

export function smsView(sms: SmsState) {
  return {
    smsSentTo: sms.mobile ? maskMobile(sms.mobile) : null,
    resendAfter: sms.lastSentAt !== undefined ? new Date(sms.lastSentAt + RESEND_AFTER_MS).toISOString() : null,
    sendsLeft: MAX_SENDS - sms.sends,
  };
}
