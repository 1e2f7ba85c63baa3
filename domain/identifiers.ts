// National identifiers: USCC (GB 32100-2015), organization code (GB 11714),
// resident ID (GB 11643, ISO 7064 MOD 11-2), and the ID-document types of the portal.
import { chinaToday, isRealDate } from './dates';
import { trimmed } from './input';

// Date rules live in dates.ts; re-exported because callers think of them as identifier rules.
export { validateDateYmd, validateValidity, isRealDate, chinaToday, LONG_TERM } from './dates';

// ---------------------------------------------------------------- USCC 统一社会信用代码

// GB 32100: 31 characters, no I, O, S, V, Z (too easily misread). A character's value is its index.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_RE = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;

/** Trim and upper-case, the form a USCC is stored and compared in. */
export function normalizeUscc(s: string): string {
  return s.trim().toUpperCase();
}

/** Check character for the first 17 characters (caller ensures they are in the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new Error(`not a USCC character at ${i}: ${first17}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function validateUscc(s: unknown): string | null {
  const v = normalizeUscc(trimmed(s));
  if (v === '') return 'required';
  if (!USCC_RE.test(v)) return 'uscc.format';
  return usccCheckChar(v.slice(0, 17)) === v.charAt(17) ? null : 'uscc.check';
}

/** Characters 9–17 of a USCC are the organization code (主体标识码); the form fills it from the USCC. */
export function orgCodeFromUscc(uscc: string): string {
  return normalizeUscc(uscc).slice(8, 17);
}

// ---------------------------------------------------------------- 组织机构代码

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_RE = /^[0-9A-Z]{8}[0-9X]$/;

export function normalizeOrgCode(s: string): string {
  return s.trim().toUpperCase();
}

/** Digits count as themselves, letters A=10 … Z=35. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = parseInt(first8.charAt(i), 36);
    if (Number.isNaN(v)) throw new Error(`not an organization code character at ${i}: ${first8}`);
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** When a valid USCC is given, the organization code must be its characters 9–17. */
export function validateOrgCode(s: unknown, uscc?: unknown): string | null {
  const v = normalizeOrgCode(trimmed(s));
  if (v === '') return 'required';
  // Typed without "-" (the manual says so); a hyphen is a format error, not silently removed.
  if (!ORG_RE.test(v)) return 'orgCode.format';
  if (orgCodeCheckChar(v.slice(0, 8)) !== v.charAt(8)) return 'orgCode.check';
  if (uscc !== undefined && validateUscc(uscc) === null && orgCodeFromUscc(uscc as string) !== v) {
    return 'orgCode.mismatch';
  }
  return null;
}

// ---------------------------------------------------------------- 居民身份证

const RID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RID_CHECK = '10X98765432';
const RID_RE = /^[1-9]\d{16}[\dX]$/;

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * RID_WEIGHTS[i];
  return RID_CHECK.charAt(sum % 11);
}

/** 18-character resident ID; lowercase x accepted. `today` (YYYYMMDD) bounds the birth date. */
export function validateResidentId(s: unknown, today?: string): string | null {
  const v = trimmed(s).toUpperCase();
  if (v === '') return 'required';
  if (!RID_RE.test(v)) return 'residentId.format';
  const birth = v.slice(6, 14);
  // isRealDate already refuses years before 1900.
  if (!isRealDate(birth) || birth > (today ?? chinaToday())) return 'residentId.birthDate';
  return residentIdCheckChar(v.slice(0, 17)) === v.charAt(17) ? null : 'residentId.check';
}

// ---------------------------------------------------------------- ID-document types

export const ID_TYPES = ['resident', 'passport', 'taiwan', 'hkmacao', 'foreigner', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, { zh: string; en: string }> = {
  resident: { zh: '居民身份证', en: 'Resident identity card' },
  passport: { zh: '护照', en: 'Passport' },
  taiwan: { zh: '台湾居民来往大陆通行证', en: "Taiwan residents' travel permit to the mainland" },
  hkmacao: { zh: '港澳居民来往内地通行证', en: "Hong Kong and Macao residents' travel permit to the mainland" },
  foreigner: { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID card' },
  other: { zh: '其他', en: 'Other' },
};

export function isIdType(v: unknown): v is IdType {
  return typeof v === 'string' && (ID_TYPES as readonly string[]).includes(v);
}

export function validateIdType(v: unknown): string | null {
  if (trimmed(v) === '') return 'required';
  return isIdType(v) ? null : 'idType.invalid';
}

/** Trim and upper-case: the stored form, so uniqueness checks (type + number) compare equal. */
export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

// Formats after normalization. Travel permits: HK/Macao H|M + 8 or 10 digits; Taiwan 8 or 10 digits.
const ID_FORMATS: Record<Exclude<IdType, 'resident'>, [RegExp, string]> = {
  passport: [/^[A-Z0-9]{5,20}$/, 'passport.format'],
  hkmacao: [/^[HM](\d{8}|\d{10})$/, 'hkmacao.format'],
  taiwan: [/^(\d{8}|\d{10})$/, 'taiwan.format'],
  foreigner: [/^([A-Z0-9]{15}|[A-Z0-9]{18})$/, 'foreigner.format'],
  // Printable: no whitespace, no control or format characters; other scripts are allowed.
  other: [/^[^\s\p{C}]{1,30}$/u, 'idNumber.format'],
};

/** The number of an ID document of the given type; `today` bounds a resident ID's birth date. */
export function validateIdNumber(idType: unknown, s: unknown, today?: string): string | null {
  if (!isIdType(idType)) return 'idType.invalid';
  if (idType === 'resident') return validateResidentId(s, today);
  const v = normalizeIdNumber(trimmed(s));
  if (v === '') return 'required';
  const [re, code] = ID_FORMATS[idType];
  return re.test(v) ? null : code;
}
