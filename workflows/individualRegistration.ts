// R4: an individual (个人用户) registers. Steps: account → done. With a resident ID the mobile and
// an SMS code verify the applicant; with a foreign document (passport, Taiwan / HK-Macao permits,
// foreign permanent residence ID) the mobile is optional and an e-mail code verifies instead.
import type { FieldErrors } from '../domain/errors';
import { maskIdNumber, maskMobile } from '../domain/masking';
import { validateIndividualAccount, verifiesByEmail } from '../domain/registrationForms';
import { acts } from './activities';
import { checkEmailCode, emailView, EmailState, SendEmailFields, sendEmailCode, validateSendEmail } from './emailCode';
import { fieldErrors, FlowDefinition, runFlow, ymdInChina } from './flow';
import type { FlowInput, FlowView, SealedPassword } from './flowTypes';
import { sealedErrors } from './registration';
import { SendSmsFields, sendSmsCode, SmsState, smsView, validateSendSms } from './smsCode';

export interface IndividualFields {
  name: string;
  idType: string;
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
  username: string;
  password: SealedPassword;
  mobile: string;
  smsCode: string;
  email: string;
  emailCode: string;
  agreement: boolean;
}

interface IndividualState {
  flowId: string;
  sms: SmsState;
  mail: EmailState;
  verifiedMobile?: string; // a corrected resubmission needs no new code
  verifiedEmail?: string;
  username?: string;
  idNumberMasked?: string;
}

const SMS_PURPOSE = 'individualRegistration';
const MAIL_PURPOSE = 'individualRegistrationMail';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export const individualRegistrationFlow: FlowDefinition<IndividualState, { flowId: string }> = {
  type: 'individualRegistration',
  steps: ['account', 'done'],
  init: ({ flowId }) => ({ flowId, sms: { sends: 0 }, mail: { sends: 0 } }),
  view: (s) => ({
    ...smsView(s.sms),
    ...emailView(s.mail),
    verifiedMobile: s.verifiedMobile ? maskMobile(s.verifiedMobile) : null,
    username: s.username ?? null,
    idNumberMasked: s.idNumberMasked ?? null,
  }),
  updates: {
    sendSmsCode: {
      at: ['account'],
      validate: (f: SendSmsFields) => validateSendSms(f, true),
      async handle(f: SendSmsFields, s, flow) {
        await sendSmsCode({ flowId: s.flowId, purpose: SMS_PURPOSE, mobile: text(f.mobile), sms: s.sms, fields: f, flow });
      },
    },
    sendEmailCode: {
      at: ['account'],
      validate: (f: SendEmailFields) => validateSendEmail(f),
      async handle(f: SendEmailFields, s, flow) {
        await sendEmailCode({ flowId: s.flowId, purpose: MAIL_PURPOSE, email: text(f.email), mail: s.mail, fields: f, flow });
      },
    },
    account: {
      at: ['account'],
      validate(f: IndividualFields, s, now) {
        const mobile = text(f.mobile);
        const email = text(f.email);
        const errors: FieldErrors = {
          ...validateIndividualAccount(
            {
              ...f,
              // Codes already matched once stand in for themselves on a corrected resubmission.
              smsCode: mobile && s.verifiedMobile === mobile ? '000000' : f.smsCode,
              emailCode: email && s.verifiedEmail === email ? '000000' : f.emailCode,
            },
            ymdInChina(now),
          ),
          ...sealedErrors(f.password),
        };
        const needsSms = !verifiesByEmail(f.idType) || mobile !== '';
        if (needsSms && !errors.smsCode && s.verifiedMobile !== mobile && !s.sms.mobile) errors.smsCode = 'sms.notSent';
        if (verifiesByEmail(f.idType) && !errors.emailCode && s.verifiedEmail !== email && !s.mail.email) errors.emailCode = 'emailCode.notSent';
        return errors;
      },
      async handle(f: IndividualFields, s, flow, args) {
        const mobile = text(f.mobile);
        const email = text(f.email);
        const byEmail = verifiesByEmail(f.idType);
        if ((!byEmail || mobile) && s.verifiedMobile !== mobile) {
          const code = await acts.checkCode({ subject: s.flowId, purpose: SMS_PURPOSE, target: mobile, code: text(f.smsCode) });
          if (code) fieldErrors({ smsCode: code });
          s.verifiedMobile = mobile;
        }
        if (byEmail && s.verifiedEmail !== email) {
          await checkEmailCode(s.flowId, MAIL_PURPOSE, email, text(f.emailCode));
          s.verifiedEmail = email;
        }
        const idNumber = text(f.idNumber).toUpperCase();
        const result = await acts.createIndividualAccount({
          flowId: s.flowId,
          ip: args.ip,
          account: {
            username: f.username,
            passwordHash: f.password.hash,
            name: text(f.name),
            idType: f.idType,
            idNumber,
            idValidFrom: text(f.idValidFrom),
            idValidTo: text(f.idValidTo),
            email,
            mobile,
          },
        });
        if ('errors' in result) fieldErrors(result.errors);
        s.username = result.username;
        s.idNumberMasked = maskIdNumber(idNumber);
        flow.tag({ applicant: result.username });
        flow.complete();
      },
    },
  },
};

export async function individualRegistration(input: FlowInput<{ flowId: string }>): Promise<FlowView> {
  return runFlow(individualRegistrationFlow, input);
}
