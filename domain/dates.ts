// Calendar dates as typed on the forms: YYYYMMDD strings ("00000000" = 长期有效 / long-term).
// String comparison of two YYYYMMDD values is chronological, so no Date objects are needed.
import { asText, trimmed } from './input';

export const LONG_TERM = '00000000';

// Years outside this window are typing mistakes on ID documents, not real dates.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** True when s is YYYYMMDD naming a day that exists (leap years included). */
export function isRealDate(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/**
 * Today's date in China (UTC+8, no DST) as YYYYMMDD. Only a fallback: callers that must be
 * reproducible (workflows, tests) pass `today` explicitly.
 */
export function chinaToday(now: Date = new Date()): string {
  const t = new Date(now.getTime() + 8 * 3600 * 1000);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return pad(t.getUTCFullYear(), 4) + pad(t.getUTCMonth() + 1, 2) + pad(t.getUTCDate(), 2);
}

export function validateDateYmd(s: unknown, opts: { allowLongTerm?: boolean } = {}): string | null {
  const v = trimmed(s);
  if (v === '') return 'required';
  if (!/^\d{8}$/.test(v)) return 'date.format';
  if (v === LONG_TERM) return opts.allowLongTerm ? null : 'date.invalid';
  return isRealDate(v) ? null : 'date.invalid';
}

/**
 * Validity period of an ID document. Errors are keyed 'from' / 'to' so forms can map them to
 * their own field names. The end may be 00000000 (long-term).
 */
export function validateValidity(
  from: unknown,
  to: unknown,
  today?: string,
): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  const day = today ?? chinaToday();
  const f = asText(from)?.trim() ?? '';
  const t = asText(to)?.trim() ?? '';

  const fromErr = validateDateYmd(f);
  if (fromErr) out.from = fromErr;
  // A document cannot have started being valid after today.
  else if (f > day) out.from = 'validity.startInFuture';

  const toErr = validateDateYmd(t, { allowLongTerm: true });
  if (toErr) out.to = toErr;
  else if (t !== LONG_TERM) {
    if (!fromErr && t < f) out.to = 'validity.endBeforeStart';
    // Valid through its last day, so only strictly earlier dates are expired.
    else if (t < day) out.to = 'validity.expired';
  }
  return out;
}
