// Account center forms (A2, N7): identity changes of an account or of the legal representative,
// the enterprise information of individuals and migrated users, the overseas information change
// and its registration number. The same functions run in the API (authoritative) and the portal.
import { validatePersonName, validateEnterpriseName } from './accounts';
import { validateValidity } from './dates';
import type { FieldErrors } from './errors';
import type { Untrusted } from './forms';
import { normalizeOrgCode, normalizeUscc, validateIdNumber, validateIdType, validateOrgCode, validateUscc } from './identifiers';
import { trimmed } from './input';
import { validateNameText, validatePhone, validateRegNo, validateText } from './registrationForms';

function put(errors: FieldErrors, field: string, code: string | null | undefined): void {
  if (code) errors[field] = code;
}

export interface IdentityChangeInput {
  name: string;
  idType: string;
  /** Blank keeps the number on file, as long as the ID type stays the same (the view only shows it masked). */
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
}

/**
 * Name, ID type, ID number and validity of a person: the account's owner (prefix '') or the
 * legal representative (prefix 'legalRep', fields legalRepName, legalRepIdType, ...).
 * `currentIdType` is the type on file: a new type needs its number typed again.
 */
export function validateIdentityChange(
  f: Record<string, unknown> | null | undefined,
  currentIdType: string,
  prefix: '' | 'legalRep' = '',
  today?: string,
): FieldErrors {
  const x = f ?? {};
  const key = (k: string) => (prefix ? `${prefix}${k.charAt(0).toUpperCase()}${k.slice(1)}` : k);
  const e: FieldErrors = {};
  put(e, key('name'), validatePersonName(x[key('name')]));
  const idType = x[key('idType')];
  const typeErr = validateIdType(idType);
  put(e, key('idType'), typeErr);
  const number = trimmed(x[key('idNumber')]);
  if (!typeErr) {
    if (number !== '') put(e, key('idNumber'), validateIdNumber(idType, number, today));
    else if (idType !== currentIdType) put(e, key('idNumber'), 'required');
  }
  const from = x[key('idValidFrom')];
  const to = x[key('idValidTo')];
  if (idType === 'resident' || trimmed(from) !== '' || trimmed(to) !== '') {
    const v = validateValidity(from, to, today);
    put(e, key('idValidFrom'), v.from);
    put(e, key('idValidTo'), v.to);
  }
  return e;
}

export interface EnterpriseInfoChangeInput {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
}

/** The three identifiers of an enterprise; at most two of them may change at once (002 §2.3). */
export const ENTERPRISE_IDENTIFIERS = ['name', 'uscc', 'orgCode'] as const;
export const MAX_IDENTIFIER_CHANGES = 2;

const normalized: Record<(typeof ENTERPRISE_IDENTIFIERS)[number], (s: string) => string> = {
  name: (s) => s.trim(),
  uscc: normalizeUscc,
  orgCode: normalizeOrgCode,
};

/**
 * Which of name / USCC / organization code a change modifies. Filling a field that was empty is
 * completing the record, not modifying it (a migrated user may miss the USCC altogether).
 */
export function changedIdentifiers(current: Partial<EnterpriseInfoChangeInput>, next: Untrusted<EnterpriseInfoChangeInput>): string[] {
  return ENTERPRISE_IDENTIFIERS.filter((k) => {
    const before = normalized[k](current[k] ?? '');
    return before !== '' && before !== normalized[k](trimmed(next[k]));
  });
}

/**
 * 用户企业信息修改: USCC, organization code (filled from the USCC), enterprise name, legal
 * representative's name (free). At most two of name / USCC / org code per change; each of the
 * changed ones gets the hint when there are more.
 */
export function validateEnterpriseInfoChange(
  f: Untrusted<EnterpriseInfoChangeInput> | null | undefined,
  current: Partial<EnterpriseInfoChangeInput>,
): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'uscc', validateUscc(x.uscc));
  put(e, 'orgCode', validateOrgCode(x.orgCode, x.uscc));
  put(e, 'name', validateEnterpriseName(x.name));
  if (trimmed(x.legalRepName) !== '') put(e, 'legalRepName', validatePersonName(x.legalRepName));
  const changed = changedIdentifiers(current, x);
  if (changed.length > MAX_IDENTIFIER_CHANGES) for (const k of changed) e[k] ??= 'enterpriseInfo.tooManyChanges';
  return e;
}

export interface OverseasInfoChangeInput {
  contact: string;
  contactPhone: string;
  organization: string;
  department: string;
  jobTitle: string;
  address: string;
  fax: string;
  notes: string;
}

export const OVERSEAS_INFO_FIELDS = ['contact', 'contactPhone', 'organization', 'department', 'jobTitle', 'address', 'fax', 'notes'] as const;

/** 信息变更 of an overseas user: the registration form's rules for the same fields. */
export function validateOverseasInfoChange(f: Untrusted<OverseasInfoChangeInput> | null | undefined): FieldErrors {
  const x = f ?? {};
  const e: FieldErrors = {};
  put(e, 'contact', validateNameText(x.contact, 100, true));
  put(e, 'contactPhone', validatePhone(x.contactPhone, true));
  put(e, 'organization', validateNameText(x.organization, 200, true));
  put(e, 'department', validateNameText(x.department, 100, false));
  put(e, 'jobTitle', validateText(x.jobTitle, 100, false));
  put(e, 'address', validateText(x.address, 300, true));
  put(e, 'fax', validatePhone(x.fax, false));
  put(e, 'notes', validateText(x.notes, 500, false));
  return e;
}

/** 补充所在国家(地区)注册编号: required here (it is what the dialog is for), then never changed. */
export function validateRegNoFill(s: unknown): string | null {
  if (trimmed(s) === '') return 'required';
  return validateRegNo(s);
}
