// L4 mobile-number login (手机号登录): image captcha + SMS code to a mobile whose account turned
// mobile login on (A5). The flow never learns or shows whether such an account exists: the code
// is made either way (delivered only when it does) and a failure reads as a wrong code. A flow
// that completes with loginAccountId opens a session (api/routes/flows.ts, LOGIN_FLOWS).
import { validateMobile } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { acts } from './activities';
import { fieldErrors, FlowDefinition, runFlow } from './flow';
import type { FlowInput, FlowView } from './flowTypes';
import { SendSmsFields, sendSmsCode, SmsState, smsView, validateSendSms } from './smsCode';

interface MobileLoginState {
  flowId: string;
  sms: SmsState;
  loginAccountId?: number;
}

interface LoginFields {
  mobile: string;
  smsCode: string;
}

const PURPOSE = 'mobileLogin';

export const mobileLoginFlow: FlowDefinition<MobileLoginState, { flowId: string }> = {
  type: 'mobileLogin',
  steps: ['mobile', 'done'],
  init: ({ flowId }) => ({ flowId, sms: { sends: 0 } }),
  view: (s) => ({ ...smsView(s.sms), loginAccountId: s.loginAccountId ?? null }),
  updates: {
    sendSmsCode: {
      at: ['mobile'],
      validate: (f: SendSmsFields) => validateSendSms(f, true),
      async handle(f: SendSmsFields, s, flow) {
        await sendSmsCode({
          flowId: s.flowId, purpose: PURPOSE, mobile: (f.mobile as string).trim(), sms: s.sms, fields: f, flow,
          issue: (input) => acts.issueMobileLoginCode(input),
        });
      },
    },
    login: {
      at: ['mobile'],
      validate(f: LoginFields, s) {
        const errors: FieldErrors = {};
        const mobile = validateMobile(f.mobile);
        if (mobile) errors.mobile = mobile;
        if (typeof f.smsCode !== 'string' || !/^\d{6}$/.test(f.smsCode.trim())) errors.smsCode = f.smsCode ? 'sms.format' : 'required';
        else if (!s.sms.mobile) errors.smsCode = 'sms.notSent';
        else if (!mobile && s.sms.mobile !== f.mobile.trim()) errors.smsCode = 'sms.mobileChanged';
        return errors;
      },
      async handle(f: LoginFields, s, flow, args) {
        const result = await acts.checkMobileLogin({ flowId: s.flowId, mobile: f.mobile.trim(), code: f.smsCode.trim(), ip: args.ip });
        if ('error' in result) fieldErrors({ smsCode: result.error });
        s.loginAccountId = result.accountId;
        flow.complete();
      },
    },
  },
};

export async function mobileLogin(input: FlowInput<{ flowId: string }>): Promise<FlowView> {
  return runFlow(mobileLoginFlow, input);
}
