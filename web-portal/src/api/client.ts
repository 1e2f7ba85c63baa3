// fetch wrapper for the portal API: JSON in and out, cookies of this origin, the user's language,
// and the error shape of docs/api.md turned into ApiError.
import { acceptLanguage, readStoredLang } from '../i18n/language';
import type { FieldProblems } from './types';

export class ApiError extends Error {
  readonly status: number;
  /** 'validation', 'network', … from the server's error.code. */
  readonly code: string;
  readonly fields: FieldProblems;
  readonly retryAfterSeconds: number | null;
  /** The whole error object of the answer, for codes that carry more (e.g. consequences). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: FieldProblems = {}, retryAfterSeconds: number | null = null, details: Record<string, unknown> = {}) {
    super(message);
    this.details = details;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get hasFields(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function parseFields(raw: unknown): FieldProblems {
  const out: FieldProblems = {};
  const rec = asRecord(raw);
  if (!rec) return out;
  for (const [field, value] of Object.entries(rec)) {
    const v = asRecord(value);
    if (v) {
      const code = typeof v.code === 'string' ? v.code : 'validation';
      out[field] = { code, message: typeof v.message === 'string' ? v.message : undefined };
    } else if (typeof value === 'string') {
      out[field] = { code: value, message: value };
    }
  }
  return out;
}

function toApiError(status: number, body: unknown, headers: Headers): ApiError {
  const root = asRecord(body);
  const err = asRecord(root?.error) ?? {};
  const code = typeof err.code === 'string' ? err.code : `http.${status}`;
  const message = typeof err.message === 'string' ? err.message : `HTTP ${status}`;
  const retryRaw = err.retryAfterSeconds ?? root?.retryAfterSeconds ?? headers.get('Retry-After');
  const retry = retryRaw === null || retryRaw === undefined ? null : Number(retryRaw);
  return new ApiError(status, code, message, parseFields(err.fields), retry !== null && Number.isFinite(retry) ? retry : null, err);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(readStoredLang()),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error');
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) throw toApiError(res.status, parsed, res.headers);
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};
