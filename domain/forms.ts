// Field sets of the registration and operator forms. The same functions run in the workflow
// validators (authoritative) and in the portal (red hints while typing), so both always agree.
import { validateEmail, validateEnterpriseName, validateMobile, validatePersonName, validatePassword, validateUsername } from './accounts';
import { validateValidity } from './dates';
import { FieldErrors } from './errors';
import { validateIdNumber, validateIdType, validateOrgCode, validateUscc } from './identifiers';
import { asText, trimmed } from './input';

/** Form input straight from a request: any field may be missing or of the wrong type. */
export type Untrusted<T> = { [K in keyof T]?: unknown };

export interface EnterpriseInfoInput {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
}

export interface AdminAccountInput {
  username: string;
  name: string;
  idType: string;
  idNumber: string;
  email: string;
  mobile: string;
  smsCode: string;
  agreement: boolean;
}

export interface OperatorInfoInput {
  username: string;
  name: string;
  mobile: string;
  idType: string;
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
  email?: string;
}

/** Adds `code` under `field` when there is one; keeps the forms below one line per field. */
function put(errors: FieldErrors, field: string, code: string | null | undefined): void {
  if (code) errors[field] = code;
}

/** Type + number, reported on the type field when the type is wrong and on the number otherwise. */
function checkIdDocument(
  errors: FieldErrors,
  fields: { type: string; number: string },
  idType: unknown,
  idNumber: unknown,
  today?: string,
): void {
  const typeErr = validateIdType(idType);
  put(errors, fields.type, typeErr);
  if (typeErr) {
    // Without a valid type the number's format is unknown; only say that it is missing.
    if (trimmed(idNumber) === '') put(errors, fields.number, 'required');
  } else {
    put(errors, fields.number, validateIdNumber(idType, idNumber, today));
  }
}

/**
 * Validity dates are asked for resident IDs only (身份证有效起止日期). For other documents
 * they may stay empty, but anything filled in is still checked.
 */
function checkValidity(
  errors: FieldErrors,
  fields: { from: string; to: string },
  idType: unknown,
  from: unknown,
  to: unknown,
  today: string,
): void {
  const needed = idType === 'resident' || trimmed(from) !== '' || trimmed(to) !== '';
  if (!needed) return;
  const v = validateValidity(from, to, today);
  put(errors, fields.from, v.from);
  put(errors, fields.to, v.to);
}

/** Step 1 of admin registration: the enterprise and its legal representative. */
export function validateEnterpriseInfo(
  f: Untrusted<EnterpriseInfoInput> | null | undefined,
  today: string,
): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'uscc', validateUscc(x.uscc));
  put(e, 'orgCode', validateOrgCode(x.orgCode, x.uscc));
  put(e, 'name', validateEnterpriseName(x.name));
  put(e, 'legalRepName', validatePersonName(x.legalRepName));
  checkIdDocument(e, { type: 'legalRepIdType', number: 'legalRepIdNumber' }, x.legalRepIdType, x.legalRepIdNumber, today);
  checkValidity(
    e,
    { from: 'legalRepIdValidFrom', to: 'legalRepIdValidTo' },
    x.legalRepIdType,
    x.legalRepIdValidFrom,
    x.legalRepIdValidTo,
    today,
  );
  return e;
}

/**
 * Step 2 of admin registration. Passwords are not here: they are checked in the browser
 * (validatePasswordPair) and reach the server only as part of the final step.
 * `today` bounds a resident ID's birth date; China's current date when omitted.
 */
export function validateAdminAccount(
  f: Untrusted<AdminAccountInput> | null | undefined,
  today?: string,
): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'username', validateUsername('admin', x.username));
  put(e, 'name', validatePersonName(x.name));
  checkIdDocument(e, { type: 'idType', number: 'idNumber' }, x.idType, x.idNumber, today);
  put(e, 'email', validateEmail(x.email));
  put(e, 'mobile', validateMobile(x.mobile));
  const sms = trimmed(x.smsCode);
  put(e, 'smsCode', sms === '' ? 'required' : /^\d{6}$/.test(sms) ? null : 'sms.format');
  // Only a real `true` counts as consent; "true" strings or 1 from a sloppy client do not.
  put(e, 'agreement', x.agreement === true ? null : 'agreement.required');
  return e;
}

/** Password and its confirmation, keyed as the forms name them. */
export function validatePasswordPair(password: unknown, confirm: unknown): FieldErrors {
  const e: FieldErrors = {};
  put(e, 'password', validatePassword(password));
  const c = asText(confirm);
  put(e, 'confirmPassword', c === null || c === '' ? 'required' : c !== password ? 'password.mismatch' : null);
  return e;
}

/** An operator as the admin enters it (My operators → add / edit). */
export function validateOperatorInfo(
  f: Untrusted<OperatorInfoInput> | null | undefined,
  today: string,
): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'username', validateUsername('operator', x.username));
  put(e, 'name', validatePersonName(x.name));
  put(e, 'mobile', validateMobile(x.mobile));
  checkIdDocument(e, { type: 'idType', number: 'idNumber' }, x.idType, x.idNumber, today);
  checkValidity(e, { from: 'idValidFrom', to: 'idValidTo' }, x.idType, x.idValidFrom, x.idValidTo, today);
  put(e, 'email', validateEmail(x.email, false));
  return e;
}
