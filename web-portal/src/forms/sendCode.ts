// "获取验证码" of every flow form: check the target (mobile or e-mail) and the image captcha in
// the browser, ask the flow to send the code, and put any refusal beside the right field. The
// captcha is single-use, so it is refreshed whether the code went out or not.
import { isApiError } from '../api/client';
import type { FlowState } from '../api/types';
import { focusFirstProblem } from './focus';

export interface SendCodeContext {
  form: { setProblem(field: string, code: string, message?: string): void; clearProblem(field: string): void };
  formEl: HTMLElement | null;
  captcha: string;
  captchaId: string;
  runStep(step: string, fields: Record<string, unknown>): Promise<FlowState>;
  showServerProblems(err: unknown): boolean;
  showAlert(err: unknown): void;
  refreshCaptcha(): void;
}

export interface CodeTarget {
  step: 'sendSmsCode' | 'sendEmailCode';
  field: 'mobile' | 'email';
  value: string;
  error: string | null; // the browser-side check of the value
  codeField: 'smsCode' | 'emailCode';
  resendKey: 'resendAfter' | 'emailResendAfter'; // where the flow says when a resend is allowed
}

/** The time a resend is allowed (null: now), or false when nothing was sent. */
export async function sendCodeWithCaptcha(ctx: SendCodeContext, target: CodeTarget): Promise<string | null | false> {
  const captcha = ctx.captcha.trim();
  if (target.error) ctx.form.setProblem(target.field, target.error);
  if (!captcha) ctx.form.setProblem('captcha', 'required');
  if (target.error || !captcha) {
    focusFirstProblem(ctx.formEl, [target.error ? target.field : 'captcha']);
    return false;
  }
  try {
    const f = await ctx.runStep(target.step, { [target.field]: target.value.trim(), captchaId: ctx.captchaId, captcha });
    ctx.form.clearProblem(target.codeField);
    const after = f.data[target.resendKey];
    return typeof after === 'string' ? after : null;
  } catch (err) {
    // 404/410 are handled by the page (flow gone or expired); 429 belongs beside the code field.
    if (!ctx.showServerProblems(err) && !(isApiError(err) && (err.status === 404 || err.status === 410))) {
      if (isApiError(err) && err.status === 429) ctx.form.setProblem(target.codeField, err.code, err.message);
      else ctx.showAlert(err);
    }
    return false;
  } finally {
    ctx.refreshCaptcha();
  }
}
