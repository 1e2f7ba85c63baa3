// HTTP conventions of the API: one error shape, messages in the caller's language.
import type { NextFunction, Request, Response, Router } from 'express';
import { Lang, messageFor } from '../domain/messages';
import type { FieldErrors } from '../domain/errors';

export function langOf(req: Request): Lang {
  const header = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(header) ? 'en' : 'zh';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields?: FieldErrors,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const fieldError = (fields: FieldErrors) => new ApiError(422, 'validation', fields);

export function renderError(err: ApiError, lang: Lang) {
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([field, code]) => [field, { code, message: messageFor(code, lang) }]))
    : undefined;
  return { error: { code: err.code, message: messageFor(err.code, lang), ...(fields ? { fields } : {}), ...err.extra } };
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  if (err instanceof ApiError) {
    if (err.status === 429 && typeof err.extra.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(err.extra.retryAfterSeconds));
    res.status(err.status).json(renderError(err, langOf(req)));
    return;
  }
  const status = (err as { status?: number; type?: string }).status;
  if (status === 400 || (err as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json(renderError(new ApiError(400, 'badRequest'), langOf(req)));
    return;
  }
  if (status === 413) {
    res.status(413).json(renderError(new ApiError(413, 'tooLarge'), langOf(req)));
    return;
  }
  console.error(`[api] ${req.method} ${req.path}:`, err);
  res.status(500).json(renderError(new ApiError(500, 'internal'), langOf(req)));
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? '';
}

/** Plain string fields from an untrusted body: anything else becomes ''. */
export function strings<K extends string>(body: unknown, keys: readonly K[]): Record<K, string> {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.fromEntries(keys.map((k) => [k, typeof source[k] === 'string' ? (source[k] as string) : ''])) as Record<K, string>;
}

/** A numeric record id in a path (`/reviews/:id`). */
export const NUMERIC_ID = /^[1-9][0-9]{0,14}$/;
/** A numeric record id sent in a body (`{ staffId: 7 }`): the id, or null when it is not one (never NaN). */
export function recordId(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return NUMERIC_ID.test(text) ? Number(text) : null;
}
/** A flow id: `<flow type>-<22 random base64url characters>` (api/flows.ts). */
export const FLOW_ID = /^[a-zA-Z]+-[A-Za-z0-9_-]{22}$/;

/**
 * Path parameters are checked on every router that has them (`checkedParams(Router())`, `:id`
 * numeric by default), so `/reviews/undefined` or `/reviews/1e3` is a plain "not found" before
 * any query runs (it used to reach the database as `WHERE id = NaN`, a 500).
 */
export function checkedParams(router: Router, patterns: Record<string, RegExp> = { id: NUMERIC_ID }, code = 'notFound'): Router {
  for (const [name, pattern] of Object.entries(patterns)) {
    router.param(name, (_req, _res, next, value: unknown) => next(typeof value === 'string' && pattern.test(value) ? undefined : new ApiError(404, code)));
  }
  return router;
}
