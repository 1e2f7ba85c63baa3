// Field sets of the other registration types: R3 public institutions (step 1 rules on top of
// the enterprise form), R4 individuals and R5 overseas users. Like forms.ts, the same functions
// run in the workflow validators and in the portal.
import { validateEmail, validateMobile, validateNameChars, validatePersonName, validateUsername } from './accounts';
import { validateCountry } from './countries';
import { validateValidity } from './dates';
import { FieldErrors } from './errors';
import type { Untrusted } from './forms';
import { validateIdNumber, validateIdType, validateUscc } from './identifiers';
import { charLength, trimmed } from './input';

function put(errors: FieldErrors, field: string, code: string | null | undefined): void {
  if (code) errors[field] = code;
}

/** Six digits, or the code for what is wrong; `format` names the channel's own message. */
function oneTimeCode(v: unknown, format: 'sms.format' | 'emailCode.format'): string | null {
  const s = trimmed(v);
  if (s === '') return 'required';
  return /^\d{6}$/.test(s) ? null : format;
}

// ---------------------------------------------------------------- R3 事业单位

/**
 * A public institution's USCC is issued by the establishment-management authority (机构编制, 1)
 * in the category public institution (事业单位, 2): it starts with "12".
 */
export function validateInstitutionUscc(s: unknown): string | null {
  const base = validateUscc(s);
  if (base) return base;
  return trimmed(s).toUpperCase().startsWith('12') ? null : 'uscc.notInstitution';
}

// ---------------------------------------------------------------- R4 个人用户

/** Foreign documents: the mobile is optional and an e-mail code verifies instead (000 §1.3). */
export const EMAIL_VERIFIED_ID_TYPES = ['passport', 'taiwan', 'hkmacao', 'foreigner'] as const;

export function verifiesByEmail(idType: unknown): boolean {
  return typeof idType === 'string' && (EMAIL_VERIFIED_ID_TYPES as readonly string[]).includes(idType);
}

export interface IndividualAccountInput {
  name: string;
  idType: string;
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
  username: string;
  mobile: string;
  smsCode: string;
  email: string;
  emailCode: string;
  agreement: boolean;
}

/**
 * 个人用户账号注册. With a resident ID (or another domestic document) the mobile and its SMS code
 * are required; with a foreign document the e-mail code is, and a mobile, when given, still
 * needs its SMS code (a bound mobile is always a verified one).
 */
export function validateIndividualAccount(f: Untrusted<IndividualAccountInput> | null | undefined, today?: string): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'name', validatePersonName(x.name));
  const typeErr = validateIdType(x.idType);
  put(e, 'idType', typeErr);
  if (typeErr) {
    if (trimmed(x.idNumber) === '') put(e, 'idNumber', 'required');
  } else put(e, 'idNumber', validateIdNumber(x.idType, x.idNumber, today));
  if (x.idType === 'resident' || trimmed(x.idValidFrom) !== '' || trimmed(x.idValidTo) !== '') {
    const v = validateValidity(x.idValidFrom, x.idValidTo, today);
    put(e, 'idValidFrom', v.from);
    put(e, 'idValidTo', v.to);
  }
  put(e, 'username', validateUsername('individual', x.username));
  put(e, 'email', validateEmail(x.email));
  if (verifiesByEmail(x.idType)) {
    put(e, 'emailCode', oneTimeCode(x.emailCode, 'emailCode.format'));
    if (trimmed(x.mobile) !== '') {
      put(e, 'mobile', validateMobile(x.mobile));
      put(e, 'smsCode', oneTimeCode(x.smsCode, 'sms.format'));
    }
  } else {
    put(e, 'mobile', validateMobile(x.mobile));
    put(e, 'smsCode', oneTimeCode(x.smsCode, 'sms.format'));
  }
  put(e, 'agreement', x.agreement === true ? null : 'agreement.required');
  return e;
}

// ---------------------------------------------------------------- R5 境外用户

/** Free text of at most `max` characters; `required` makes blank an error. */
export function validateText(s: unknown, max: number, required: boolean): string | null {
  const v = trimmed(s);
  if (v === '') return required ? 'required' : null;
  return charLength(v) <= max ? null : 'text.tooLong';
}

/** A name given as free text (organization, department, contact person): no invisible controls either. */
export function validateNameText(s: unknown, max: number, required: boolean): string | null {
  return validateText(s, max, required) ?? validateNameChars(trimmed(s));
}

/** A telephone or fax number anywhere in the world: digits with +, spaces, hyphens, brackets. */
export function validatePhone(s: unknown, required: boolean): string | null {
  const v = trimmed(s);
  if (v === '') return required ? 'required' : null;
  const digits = v.replace(/\D/g, '').length;
  return /^\+?[0-9()][0-9 ()-]*[0-9]$/.test(v) && digits >= 5 && digits <= 20 && v.length <= 40 ? null : 'phone.format';
}

/** The registration number of the country (所在国家(地区)注册编号): optional, filled once. */
export function validateRegNo(s: unknown): string | null {
  const v = trimmed(s);
  if (v === '') return null;
  return /^[\p{L}\p{N}][\p{L}\p{N} ./()-]{0,59}$/u.test(v) ? null : 'regNo.format';
}

export interface OverseasAccountInput {
  username: string;
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

/** 国外及港澳台地区企业注册 / Sign up for an Overseas or HK & MAC & TW Regions of China Account. */
export function validateOverseasAccount(f: Untrusted<OverseasAccountInput> | null | undefined): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'username', validateUsername('overseas', x.username));
  put(e, 'country', validateCountry(x.country));
  put(e, 'regNo', validateRegNo(x.regNo));
  put(e, 'organization', validateNameText(x.organization, 200, true));
  put(e, 'department', validateNameText(x.department, 100, false));
  put(e, 'jobTitle', validateText(x.jobTitle, 100, false));
  put(e, 'contact', validateNameText(x.contact, 100, true));
  put(e, 'contactPhone', validatePhone(x.contactPhone, true));
  put(e, 'fax', validatePhone(x.fax, false));
  put(e, 'mobile', validatePhone(x.mobile, false));
  put(e, 'address', validateText(x.address, 300, true));
  put(e, 'email', validateEmail(x.email));
  put(e, 'emailCode', oneTimeCode(x.emailCode, 'emailCode.format'));
  put(e, 'notes', validateText(x.notes, 500, false));
  return e;
}
