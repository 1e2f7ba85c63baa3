// A3 修改绑定手机 of a logged-in account (started by POST /api/account/flows, owned by that
// account in that browser): the new mobile proven by an SMS code sent to it, or — 更换验证方式 —
// the account's ID type and number as registered. verify → done.
import { validateMobile } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { validateIdNumber, validateIdType } from '../domain/identifiers';
import { maskMobile } from '../domain/masking';
import { acts } from './activities';
import { fieldErrors, FlowDefinition, runFlow } from './flow';
import type { FlowInput, FlowView } from './flowTypes';
import { SendSmsFields, sendSmsCode, SmsState, smsView, validateSendSms } from './smsCode';

export interface AccountFlowContext {
  flowId: string;
  accountId: number;
  /** The mobile (or e-mail) bound now; views show it masked. */
  current: string;
  /** The account has an ID document on file (the ID alternative is offered). */
  hasIdDocument: boolean;
}

interface ChangeMobileState extends AccountFlowContext {
  sms: SmsState;
  idTries: number;
  done?: { mobile: string; verifiedBy: 'sms' | 'id'; mobileLogin: boolean };
}

interface ConfirmFields {
  method: 'sms' | 'id';
  mobile: string;
  smsCode?: string;
  idType?: string;
  idNumber?: string;
}

const PURPOSE = 'changeMobile';
export const MAX_ID_TRIES = 5;

export const changeMobileFlow: FlowDefinition<ChangeMobileState, AccountFlowContext> = {
  type: 'changeMobile',
  steps: ['verify', 'done'],
  init: (ctx) => ({ ...ctx, sms: { sends: 0 }, idTries: 0 }),
  accountsOf: (s) => [s.accountId],
  view: (s) => ({
    currentMobile: s.current ? maskMobile(s.current) : null,
    idCheckAvailable: s.hasIdDocument && s.idTries < MAX_ID_TRIES,
    ...smsView(s.sms),
    mobile: s.done ? maskMobile(s.done.mobile) : null,
    verifiedBy: s.done?.verifiedBy ?? null,
    mobileLogin: s.done?.mobileLogin ?? null,
  }),
  updates: {
    sendSmsCode: {
      at: ['verify'],
      validate: (f: SendSmsFields, s) => {
        const errors = validateSendSms(f, true);
        if (!errors.mobile && (f.mobile as string).trim() === s.current) errors.mobile = 'mobile.same';
        return errors;
      },
      async handle(f: SendSmsFields, s, flow) {
        await sendSmsCode({ flowId: s.flowId, purpose: PURPOSE, mobile: (f.mobile as string).trim(), sms: s.sms, fields: f, flow });
      },
    },
    confirm: {
      at: ['verify'],
      validate(f: ConfirmFields, s) {
        const errors: FieldErrors = {};
        const mobile = validateMobile(f.mobile) ?? (f.mobile.trim() === s.current ? 'mobile.same' : null);
        if (mobile) errors.mobile = mobile;
        if (f.method === 'sms') {
          if (typeof f.smsCode !== 'string' || !/^\d{6}$/.test(f.smsCode.trim())) errors.smsCode = f.smsCode ? 'sms.format' : 'required';
          else if (!s.sms.mobile) errors.smsCode = 'sms.notSent';
          else if (!mobile && s.sms.mobile !== f.mobile.trim()) errors.smsCode = 'sms.mobileChanged';
        } else if (f.method === 'id') {
          if (!s.hasIdDocument) errors.idNumber = 'idCheck.unavailable';
          else if (s.idTries >= MAX_ID_TRIES) errors.idNumber = 'idCheck.tooManyAttempts';
          else {
            const type = validateIdType(f.idType);
            if (type) errors.idType = type;
            else {
              const number = validateIdNumber(f.idType, f.idNumber);
              if (number) errors.idNumber = number;
            }
          }
        } else errors.method = 'required';
        return errors;
      },
      async handle(f: ConfirmFields, s, flow, args) {
        const mobile = f.mobile.trim();
        if (f.method === 'sms') {
          const wrong = await acts.checkCode({ subject: s.flowId, purpose: PURPOSE, target: mobile, code: (f.smsCode as string).trim() });
          if (wrong) fieldErrors({ smsCode: wrong });
        } else {
          const wrong = await acts.checkAccountIdDocument({ accountId: s.accountId, idType: f.idType as string, idNumber: (f.idNumber as string).trim() });
          if (wrong) {
            s.idTries += 1;
            fieldErrors({ idNumber: s.idTries >= MAX_ID_TRIES ? 'idCheck.tooManyAttempts' : wrong });
          }
        }
        const result = await acts.applyMobileChange({ flowId: s.flowId, accountId: s.accountId, mobile, verifiedBy: f.method, ip: args.ip });
        if ('error' in result) fieldErrors({ mobile: result.error });
        s.done = { mobile, verifiedBy: f.method, mobileLogin: result.mobileLogin };
        flow.complete();
      },
    },
  },
};

export async function changeMobile(input: FlowInput<AccountFlowContext>): Promise<FlowView> {
  return runFlow(changeMobileFlow, input);
}
