// Helpers for untrusted input: request bodies and half-typed forms may carry anything.

/** The value as a string, or null when it is not a string (treated as missing). */
export function asText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Trimmed text, or '' for non-strings, so "missing" and "blank" are one case. */
export function trimmed(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Length in characters (code points), so a Chinese name is not counted by UTF-16 units. */
export function charLength(s: string): number {
  return Array.from(s).length;
}
