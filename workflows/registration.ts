// R2: an enterprise registers its administrator without a card.
// Steps: enterprise (checked against the enterprise registry) → account (SMS code) → done.
// Variants (the flow's context): 'institution' (R3, 事业单位: the same steps, a USCC starting with
// 12, enterprise kind 'institution') and 'elicense' (R8: step 1 is an electronic-business-license
// QR scan; the provider's callback arrives as the signal licenseScanned and fills the enterprise).
import { validateAdminAccount, validateEnterpriseInfo } from '../domain/forms';
import { validateInstitutionUscc } from '../domain/registrationForms';
import { maskIdNumber, maskMobile } from '../domain/masking';
import type { FieldErrors } from '../domain/errors';
import { acts } from './activities';
import { fieldErrors, FlowDefinition, runFlow, ymdInChina } from './flow';
import { LICENSE_SCANNED, type FlowInput, type FlowView, type SealedPassword } from './flowTypes';
import type { ElectronicLicense } from '../activities/adapters/elicense';
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

export type RegistrationVariant = 'enterprise' | 'institution' | 'elicense';

export interface RegistrationContext {
  flowId: string;
  variant?: RegistrationVariant; // 'enterprise' when absent
}

/** The payload of the licenseScanned signal: a license the API verified (provider signature). */
export interface LicenseScanned {
  flowId: string;
  license: ElectronicLicense;
}

interface RegistrationState {
  flowId: string;
  variant: RegistrationVariant;
  enterprise?: EnterpriseFields;
  licenseError?: string; // why the last scanned license could not be used (e.g. enterprise.hasAdmin)
  sms: SmsState;
  verifiedMobile?: string; // set once an SMS code matched: a corrected resubmission needs no new code
  username?: string;
}

const SMS_PURPOSE = 'registration';

const trimAll = <T extends object>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;

export function registrationFlowFor(variant: RegistrationVariant): FlowDefinition<RegistrationState, RegistrationContext> {
  const elicense = variant === 'elicense';
  return {
    type: 'registration',
    steps: elicense ? ['elicense', 'account', 'done'] : ['enterprise', 'account', 'done'],
    init: ({ flowId }) => ({ flowId, variant, sms: { sends: 0 } }),
    view: (s) => ({
      variant: s.variant,
      licenseError: s.licenseError ?? null,
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
        // Going back to step 1 from step 2 is allowed; a licensed enterprise is not typed in.
        at: elicense ? [] : ['enterprise', 'account'],
        validate(f: EnterpriseFields, s, now) {
          const errors = validateEnterpriseInfo(trimAll(f), ymdInChina(now));
          if (s.variant === 'institution' && !errors.uscc) {
            const kind = validateInstitutionUscc(f.uscc);
            if (kind) errors.uscc = kind;
          }
          return errors;
        },
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
            enterpriseKind: s.variant === 'institution' ? 'institution' : 'enterprise',
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
    signals: elicense
      ? {
          // R8: the provider's callback (verified by the API) with the scanned license.
          [LICENSE_SCANNED]: async (s, payload: LicenseScanned, flow) => {
            if (s.enterprise || !payload || payload.flowId !== s.flowId || !payload.license) return; // late or foreign
            const l = payload.license;
            const fields: EnterpriseFields = {
              uscc: String(l.uscc).toUpperCase(),
              orgCode: String(l.orgCode).toUpperCase(),
              name: l.name,
              legalRepName: l.legalRepName,
              legalRepIdType: l.legalRepIdType,
              legalRepIdNumber: String(l.legalRepIdNumber).toUpperCase(),
              legalRepIdValidFrom: '',
              legalRepIdValidTo: '',
            };
            // The same registry and one-administrator checks as a typed step 1.
            const errors = await acts.checkEnterpriseForRegistration(fields);
            const first = Object.values(errors)[0];
            if (first) {
              s.licenseError = first;
              return;
            }
            s.licenseError = undefined;
            s.enterprise = fields;
            flow.tag({ uscc: fields.uscc });
            flow.goTo('account');
          },
        }
      : undefined,
  };
}

/** R2 as it always was: the default variant. */
export const registrationFlow = registrationFlowFor('enterprise');

const VARIANTS: readonly RegistrationVariant[] = ['enterprise', 'institution', 'elicense'];

function sealedErrors(password: SealedPassword | undefined): FieldErrors {
  if (!password || password.sealed !== true || typeof password.hash !== 'string') return { password: 'required' };
  return password.errors;
}

export async function registration(input: FlowInput<RegistrationContext>): Promise<FlowView> {
  const variant = VARIANTS.includes(input.context.variant as RegistrationVariant) ? (input.context.variant as RegistrationVariant) : 'enterprise';
  return runFlow(registrationFlowFor(variant), input);
}

export { sealedErrors };
