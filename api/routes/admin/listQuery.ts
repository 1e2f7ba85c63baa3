// react-admin "simple REST" list conventions: ?sort=["field","ASC"]&range=[0,24]&filter={...},
// answered with a Content-Range header that carries the total.
import type { Request, Response } from 'express';
import { ApiError } from '../../http';

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || !value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw new ApiError(400, 'badRequest');
  }
}

export function listQuery(req: Request, sortable: string[], defaultSort: [string, 'ASC' | 'DESC'] = ['id', 'DESC']): ListQuery {
  const sort = parseJson<[string, string]>(req.query.sort, defaultSort);
  const range = parseJson<[number, number]>(req.query.range, [0, 24]);
  const filter = parseJson<Record<string, unknown>>(req.query.filter, {});
  const field = sortable.includes(sort[0]) ? sort[0] : defaultSort[0];
  const order = String(sort[1]).toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
  const offset = Math.max(0, Number(range[0]) || 0);
  const limit = Math.min(200, Math.max(1, (Number(range[1]) || 24) - offset + 1));
  return { sort: [field, order], offset, limit, filter: filter && typeof filter === 'object' ? filter : {} };
}

/** A filter value outside what the field can hold: 400 naming the field, never a filter silently dropped. */
const badFilter = (field: string) => new ApiError(400, 'filter.invalid', { [field]: 'filter.invalid' });
const given = (q: ListQuery, field: string) => q.filter[field] !== undefined && q.filter[field] !== null && q.filter[field] !== '';

/** An enumerated filter (`filter={"status":"active"}`): undefined when absent, else one of `allowed`. */
export function enumFilter<T extends string>(q: ListQuery, field: string, allowed: readonly T[]): T | undefined {
  if (!given(q, field)) return undefined;
  const value = q.filter[field];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw badFilter(field);
  return value as T;
}

/** A numeric filter (an id, a number of hours): undefined when absent, else a non-negative integer. */
export function numberFilter(q: ListQuery, field: string): number | undefined {
  if (!given(q, field)) return undefined;
  const value = q.filter[field];
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw badFilter(field);
  return n;
}

/** A yes/no filter: true / false or their strings. */
export function booleanFilter(q: ListQuery, field: string): boolean | undefined {
  if (!given(q, field)) return undefined;
  const value = q.filter[field];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badFilter(field);
}

export function sendList(res: Response, resource: string, q: ListQuery, items: unknown[], total: number) {
  const end = items.length ? q.offset + items.length - 1 : q.offset;
  res.setHeader('Content-Range', `${resource} ${q.offset}-${end}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
  res.json(items);
}
