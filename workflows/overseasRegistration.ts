// R5: an overseas or Hong Kong / Macao / Taiwan enterprise registers (境外企业注册).
// Steps: account → done; the e-mail address is verified by a code (image captcha first).
import type { FieldErrors } from '../domain/errors';
import { findCountry } from '../domain/countries';
import { validateOverseasAccount } from '../domain/registrationForms';
import { acts } from './activities';
import { checkEmailCode, emailView, EmailState, SendEmailFields, sendEmailCode, validateSendEmail } from './emailCode';
import { fieldErrors, FlowDefinition, runFlow } from './flow';
import type { FlowInput, FlowView, SealedPassword } from './flowTypes';
import { sealedErrors } from './registration';

export interface OverseasFields {
  username: string;
  password: SealedPassword;
  country: string;
  regNo: string;
  organization: string;
  department: string;
  jobTitle: string;
  contact: string;
  contactPhone: string;
  fax: string;
  mobile: string;
  address: string;
  email: string;
  emailCode: string;
  notes: string;
}

interface OverseasState {
  flowId: string;
  mail: EmailState;
  verifiedEmail?: string;
  username?: string;
}

const MAIL_PURPOSE = 'overseasRegistration';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export const overseasRegistrationFlow: FlowDefinition<OverseasState, { flowId: string }> = {
  type: 'overseasRegistration',
  steps: ['account', 'done'],
  init: ({ flowId }) => ({ flowId, mail: { sends: 0 } }),
  view: (s) => ({ ...emailView(s.mail), username: s.username ?? null }),
  updates: {
    sendEmailCode: {
      at: ['account'],
      validate: (f: SendEmailFields) => validateSendEmail(f),
      async handle(f: SendEmailFields, s, flow) {
        await sendEmailCode({ flowId: s.flowId, purpose: MAIL_PURPOSE, email: text(f.email), mail: s.mail, fields: f, flow });
      },
    },
    account: {
      at: ['account'],
      validate(f: OverseasFields, s) {
        const email = text(f.email);
        const errors: FieldErrors = {
          ...validateOverseasAccount({ ...f, emailCode: email && s.verifiedEmail === email ? '000000' : f.emailCode }),
          ...sealedErrors(f.password),
        };
        if (!errors.emailCode && s.verifiedEmail !== email && !s.mail.email) errors.emailCode = 'emailCode.notSent';
        return errors;
      },
      async handle(f: OverseasFields, s, flow, args) {
        const email = text(f.email);
        if (s.verifiedEmail !== email) {
          await checkEmailCode(s.flowId, MAIL_PURPOSE, email, text(f.emailCode));
          s.verifiedEmail = email;
        }
        const result = await acts.createOverseasAccount({
          flowId: s.flowId,
          ip: args.ip,
          account: { username: f.username, passwordHash: f.password.hash, email, mobile: text(f.mobile) },
          profile: {
            country: findCountry(f.country)!.code,
            regNo: text(f.regNo),
            organization: text(f.organization),
            department: text(f.department),
            jobTitle: text(f.jobTitle),
            contact: text(f.contact),
            contactPhone: text(f.contactPhone),
            fax: text(f.fax),
            address: text(f.address),
            notes: text(f.notes),
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

export async function overseasRegistration(input: FlowInput<{ flowId: string }>): Promise<FlowView> {
  return runFlow(overseasRegistrationFlow, input);
}
