// Account fields: usernames, passwords, contact details, names.
import { asText, charLength, hasInvisibleControls, trimmed } from './input';

export type AccountKind = 'admin' | 'operator' | 'individual' | 'overseas' | 'department';

/** Password the admin's newly created operators start with; a change is forced at first login. */
export const DEFAULT_OPERATOR_PASSWORD = '88888888';

// The enterprise admin may use upper case; every other kind is lower case only (manual 000 §1).
const USERNAME_ADMIN_RE = /^(?=.*[A-Za-z])[A-Za-z0-9]+$/;
const USERNAME_OTHER_RE = /^(?=.*[a-z])[a-z0-9]+$/;

/** Not trimmed: a space inside a username is a character error, not something to fix silently. */
export function validateUsername(kind: AccountKind, s: unknown): string | null {
  const v = asText(s);
  if (v === null || v.trim() === '') return 'required';
  const n = charLength(v);
  if (n < 6 || n > 18) return 'username.length';
  const re = kind === 'admin' ? USERNAME_ADMIN_RE : USERNAME_OTHER_RE;
  return re.test(v) ? null : 'username.chars';
}

/**
 * 8–16 printable ASCII characters, at least three of: upper, lower, digit, symbol.
 * Never trimmed: the password is exactly what was typed.
 */
export function validatePassword(s: unknown): string | null {
  const v = asText(s);
  if (v === null || v === '') return 'required';
  const n = charLength(v);
  if (n < 8 || n > 16) return 'password.length';
  // Checked before the classes so "contains a space" is reported instead of a vaguer hint.
  if (!/^[\x21-\x7E]+$/.test(v)) return 'password.chars';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  return classes >= 3 ? null : 'password.classes';
}

/** Mainland mobile: 11 digits, 1 then 3–9. */
export function validateMobile(s: unknown): string | null {
  const v = trimmed(s);
  if (v === '') return 'required';
  return /^1[3-9]\d{9}$/.test(v) ? null : 'mobile.format';
}

// Deliberately loose: the confirmation mail is the real test of an address.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** When not required, a blank email is fine but a filled one must be well formed. */
export function validateEmail(s: unknown, required = true): string | null {
  const v = trimmed(s);
  if (v === '') return required ? 'required' : null;
  return v.length <= 254 && EMAIL_RE.test(v) ? null : 'email.format';
}

/** The rule of every name field (people, enterprises, contacts, card holders): no invisible controls. */
export function validateNameChars(v: string): string | null {
  return hasInvisibleControls(v) ? 'text.controlChars' : null;
}

export function validatePersonName(s: unknown): string | null {
  const v = trimmed(s);
  if (v === '') return 'required';
  return charLength(v) <= 50 ? validateNameChars(v) : 'name.length';
}

export function validateEnterpriseName(s: unknown): string | null {
  const v = trimmed(s);
  if (v === '') return 'required';
  return charLength(v) <= 100 ? validateNameChars(v) : 'enterpriseName.length';
}
