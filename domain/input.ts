// Helpers for untrusted input: request bodies and half-typed forms may carry anything.

/** The value as a string, or null when it is not a string (treated as missing). */
export function asText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Trimmed text, or '' for non-strings, so "missing" and "blank" are one case. */
export function trimmed(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * Characters that change how a text looks without being seen: the C0 and C1 controls (NUL…US,
 * DEL…APC) and the bidirectional controls (LRM/RLM, the Arabic letter mark, the embeddings and
 * overrides U+202A–U+202E, the isolates U+2066–U+2069). In a name they hide or reorder what the
 * console's lists and the certificates show, so every name field refuses them.
 */
const INVISIBLE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function hasInvisibleControls(s: string): boolean {
  return INVISIBLE_CONTROLS.test(s);
}

/** Length in characters (code points), so a Chinese name is not counted by UTF-16 units. */
export function charLength(s: string): number {
  return Array.from(s).length;
}
