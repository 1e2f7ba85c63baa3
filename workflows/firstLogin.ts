// L2: the first password login of an operator created by its administrator: an SMS code to the
// mobile the administrator entered, then a new password; the login itself happens afterwards.
import type { FieldErrors } from '../domain/errors';
import { maskMobile } from '../domain/masking';
import { acts } from './activities';
import { fieldErrors, FlowDefinition, runFlow } from './flow';
import type { FlowInput, FlowView, SealedPassword } from './flowTypes';
import { sealedErrors } from './registration';
import { SendSmsFields, sendSmsCode, SmsState, smsView, validateSendSms } from './smsCode';

export interface FirstLoginContext {
  flowId: string;
  accountId: number;
  username: string;
  mobile: string;
}

interface FirstLoginState extends FirstLoginContext {
  sms: SmsState;
}

const SMS_PURPOSE = 'firstLogin';

export const firstLoginFlow: FlowDefinition<FirstLoginState, FirstLoginContext> = {
  type: 'firstLogin',
  steps: ['smsCheck', 'newPassword', 'done'],
  init: (ctx) => ({ ...ctx, sms: { sends: 0 } }),
  view: (s) => ({ username: s.username, mobile: maskMobile(s.mobile), ...smsView(s.sms) }),
  // Deleted or disabled by the administrator while the flow waits: the flow ends (ACCOUNT_CLOSED).
  accountsOf: (s) => [s.accountId],
  updates: {
    sendSmsCode: {
      at: ['smsCheck'],
      validate: (f: SendSmsFields) => validateSendSms(f, false),
      async handle(f: SendSmsFields, s, flow) {
        await acts.requireOpenAccount({ accountId: s.accountId }); // no code for a closed account
        await sendSmsCode({ flowId: s.flowId, purpose: SMS_PURPOSE, mobile: s.mobile, sms: s.sms, fields: f, flow });
      },
    },
    smsCheck: {
      at: ['smsCheck'],
      validate(f: { smsCode: string }, s) {
        const errors: FieldErrors = {};
        if (typeof f.smsCode !== 'string' || !/^\d{6}$/.test(f.smsCode.trim())) errors.smsCode = f.smsCode ? 'sms.format' : 'required';
        else if (!s.sms.mobile) errors.smsCode = 'sms.notSent';
        return errors;
      },
      async handle(f: { smsCode: string }, s, flow) {
        // The account may have been deleted or disabled since the login: refused, and the flow ends.
        await acts.requireOpenAccount({ accountId: s.accountId });
        const code = await acts.checkCode({ subject: s.flowId, purpose: SMS_PURPOSE, target: s.mobile, code: f.smsCode.trim() });
        if (code) fieldErrors({ smsCode: code });
        flow.goTo('newPassword');
      },
    },
    newPassword: {
      at: ['newPassword'],
      validate: (f: { password: SealedPassword }) => sealedErrors(f.password),
      async handle(f: { password: SealedPassword }, s, flow, args) {
        await acts.setInitialPassword({ flowId: s.flowId, accountId: s.accountId, passwordHash: f.password.hash, ip: args.ip });
        flow.complete();
      },
    },
  },
};

export async function firstLogin(input: FlowInput<FirstLoginContext>): Promise<FlowView> {
  return runFlow(firstLoginFlow, input);
}
