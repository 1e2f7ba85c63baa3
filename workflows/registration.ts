// R2: an enterprise registers its administrator without a card.
// Steps: enterprise (checked against the enterprise registry) → account (SMS code) → done.
import { validateAdminAccount, validateEnterpriseInfo } from '../domain/forms';
import { maskIdNumber, maskMobile } from '../domain/masking';
import type { FieldErrors } from '../domain/errors';
import { acts } from './activities';
import { fieldErrors, FlowDefinition, runFlow, ymdInChina } from './flow';
import type { FlowInput, FlowView, SealedPassword } from './flowTypes';
import { SendSmsFields, sendSmsCode, SmsState, smsView, validateSendSms } from './smsCode';

export interface EnterpriseFields {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
}

export interface AccountFields {
  username: string;
  password: SealedPassword;
  name: string;
  idType: string;
  idNumber: string;
  email: string;
  mobile: string;
  smsCode: string;
  agreement: boolean;
}

interface RegistrationState {
  flowId: string;
  enterprise?: EnterpriseFields;
  sms: SmsState;
  verifiedMobile?: string; // set once an SMS code matched: a corrected resubmission needs no new code
  username?: string;
}

const SMS_PURPOSE = 'registration';

const trimAll = <T extends object>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;

export const registrationFlow: FlowDefinition<RegistrationState, { flowId: string }> = {
  type: 'registration',
  steps: ['enterprise', 'account', 'done'],
  init: ({ flowId }) => ({ flowId, sms: { sends: 0 } }),
  view: (s) => ({
    enterprise: s.enterprise
      ? {
          uscc: s.enterprise.uscc,
          orgCode: s.enterprise.orgCode,
          name: s.enterprise.name,
          legalRepName: s.enterprise.legalRepName,
          legalRepIdNumberMasked: maskIdNumber(s.enterprise.legalRepIdNumber),
        }
      : null,
    ...smsView(s.sms),
    verifiedMobile: s.verifiedMobile ? maskMobile(s.verifiedMobile) : null,
    username: s.username ?? null,
  }),
  updates: {
    enterprise: {
      at: ['enterprise', 'account'], // going back to step 1 from step 2 is allowed
      validate: (f: EnterpriseFields, _s, now) => validateEnterpriseInfo(trimAll(f), ymdInChina(now)),
      async handle(f: EnterpriseFields, s, flow) {
        const fields = trimAll(f);
        fields.uscc = fields.uscc.toUpperCase();
        fields.orgCode = fields.orgCode.toUpperCase();
        fields.legalRepIdNumber = fields.legalRepIdNumber.toUpperCase();
        const errors = await acts.checkEnterpriseForRegistration(fields);
        if (Object.keys(errors).length > 0) fieldErrors(errors);
        s.enterprise = fields;
        flow.tag({ uscc: fields.uscc });
        flow.goTo('account');
      },
    },
    sendSmsCode: {
      at: ['account'],
      validate: (f: SendSmsFields) => validateSendSms(f, true),
      async handle(f: SendSmsFields, s, flow) {
        await sendSmsCode({ flowId: s.flowId, purpose: SMS_PURPOSE, mobile: (f.mobile as string).trim(), sms: s.sms, fields: f, flow });
      },
    },
    account: {
      at: ['account'],
      validate(f: AccountFields, s) {
        const fields = trimAll(f);
        const errors: FieldErrors = {
          ...validateAdminAccount({ ...fields, smsCode: s.verifiedMobile === fields.mobile ? '000000' : fields.smsCode }),
          ...sealedErrors(fields.password),
        };
        if (!s.verifiedMobile && !s.sms.mobile && !errors.smsCode) errors.smsCode = 'sms.notSent';
        return errors;
      },
      async handle(f: AccountFields, s, flow, args) {
        const fields = trimAll(f);
        if (s.verifiedMobile !== fields.mobile) {
          const code = await acts.checkCode({ subject: s.flowId, purpose: SMS_PURPOSE, target: fields.mobile, code: fields.smsCode });
          if (code) fieldErrors({ smsCode: code });
          s.verifiedMobile = fields.mobile;
        }
        const enterprise = s.enterprise as EnterpriseFields;
        const result = await acts.createEnterpriseAdmin({
          flowId: s.flowId,
          ip: args.ip,
          enterprise,
          account: {
            username: fields.username,
            passwordHash: fields.password.hash,
            name: fields.name,
            idType: fields.idType,
            idNumber: fields.idNumber.toUpperCase(),
            email: fields.email,
            mobile: fields.mobile,
          },
        });
        if ('errors' in result) fieldErrors(result.errors);
        s.username = result.username;
        flow.tag({ applicant: result.username });
        flow.complete();
      },
    },
  },
};

function sealedErrors(password: SealedPassword | undefined): FieldErrors {
  if (!password || password.sealed !== true || typeof password.hash !== 'string') return { password: 'required' };
  return password.errors;
}

export async function registration(input: FlowInput<{ flowId: string }>): Promise<FlowView> {
  return runFlow(registrationFlow, input);
}

export { sealedErrors };
