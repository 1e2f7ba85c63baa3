// Masked display of personal data in views and logs (manual: 1301******1813).

/** Short values show only their first and last character, so they are never revealed whole. */
function maskShort(chars: string[]): string {
  if (chars.length === 0) return '';
  // First + last of one or two characters would be the whole value.
  if (chars.length <= 2) return '***';
  return chars[0] + '***' + chars[chars.length - 1];
}

export function maskIdNumber(s: string | null | undefined): string {
  const c = Array.from(s ?? '');
  if (c.length <= 8) return maskShort(c);
  return c.slice(0, 4).join('') + '******' + c.slice(-4).join('');
}

/** 13812345678 → 138****5678. */
export function maskMobile(s: string | null | undefined): string {
  const c = Array.from(s ?? '');
  if (c.length < 8) return maskShort(c);
  return c.slice(0, 3).join('') + '****' + c.slice(-4).join('');
}

/** zhang.san@example.com → z***@example.com; the domain stays readable so users recognise it. */
export function maskEmail(s: string | null | undefined): string {
  const v = s ?? '';
  const at = v.lastIndexOf('@');
  if (at <= 0) return maskShort(Array.from(v));
  return Array.from(v)[0] + '***' + v.slice(at);
}
