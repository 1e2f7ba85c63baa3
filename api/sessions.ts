// Server-side sessions in the database. The cookie holds a random token; the table holds only
// its keyed hash, so a database dump cannot be replayed as cookies.
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Op } from 'sequelize';
import { keyedHash } from '../db/pii';
import type { AccountRow, SessionMethod, SessionSubject, StaffRow } from '../db';
import type { Models } from '../db';
import type { Services } from '../activities/services';
import { staffCan, type StaffPermission } from '../domain/staffRoles';
import { ApiError, clientIp } from './http';

export const PORTAL_COOKIE = 'sw_session';
export const STAFF_COOKIE = 'sw_staff';
export const BROWSER_COOKIE = 'sw_browser';

const cookieOptions = (req: Request) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: req.secure,
  path: '/',
});

export async function startSession(
  services: Services, req: Request, res: Response, subjectType: SessionSubject, subjectId: number, hours: number,
  how: { method: SessionMethod; cardId: number | null } = { method: 'password', cardId: null },
) {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  await services.db.models.Session.create({
    id: keyedHash(services.keys, 'session', token),
    subjectType,
    subjectId,
    method: how.method,
    cardId: how.cardId,
    ip: clientIp(req),
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
    expiresAt: new Date(now.getTime() + hours * 3600_000),
    lastSeenAt: now,
  });
  res.cookie(subjectType === 'account' ? PORTAL_COOKIE : STAFF_COOKIE, token, { ...cookieOptions(req), maxAge: hours * 3600_000 });
}

export async function endSession(services: Services, req: Request, res: Response, subjectType: SessionSubject) {
  const cookie = subjectType === 'account' ? PORTAL_COOKIE : STAFF_COOKIE;
  const token = req.cookies?.[cookie];
  if (typeof token === 'string') await services.db.models.Session.destroy({ where: { id: keyedHash(services.keys, 'session', token) } });
  res.clearCookie(cookie, cookieOptions(req));
}

async function findSession(services: Services, req: Request, subjectType: SessionSubject) {
  const token = req.cookies?.[subjectType === 'account' ? PORTAL_COOKIE : STAFF_COOKIE];
  if (typeof token !== 'string' || token.length < 20) return null;
  const session = await services.db.models.Session.findOne({
    where: { id: keyedHash(services.keys, 'session', token), subjectType, expiresAt: { [Op.gt]: new Date() } },
  });
  if (session && Date.now() - session.lastSeenAt.getTime() > 60_000) await session.update({ lastSeenAt: new Date() });
  return session;
}

declare module 'express-serve-static-core' {
  interface Request {
    account?: AccountRow;
    portalSession?: InstanceType<Models['Session']>;
    staff?: StaffRow;
  }
}

/** The logged-in account of this request and its session, by the rules of requireAccount; or null. */
export async function sessionAccount(services: Services, req: Request) {
  const session = await findSession(services, req, 'account');
  const account = session ? await services.db.models.Account.findByPk(session.subjectId) : null;
  if (!session || !account || account.status === 'disabled') return null;
  // An inactive (card-created) account only lives in a card session until it is activated.
  if (account.status === 'inactive' && session.method !== 'card') return null;
  return { account, session };
}

/** Portal routes: a logged-in, active account, or 401. */
export function requireAccount(services: Services) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const current = await sessionAccount(services, req);
    if (!current) return next(new ApiError(401, 'notLoggedIn'));
    req.account = current.account;
    req.portalSession = current.session;
    next();
  };
}

export function requireAdmin(req: Request, _res: Response, next: NextFunction) {
  if (req.account?.kind !== 'admin') return next(new ApiError(403, 'forbidden'));
  next();
}

/** Console routes: a logged-in staff member, optionally of given roles. */
export function requireStaff(services: Services, roles?: StaffRow['role'][]) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const session = await findSession(services, req, 'staff');
    const staff = session ? await services.db.models.Staff.findByPk(session.subjectId) : null;
    if (!staff || staff.status !== 'active') return next(new ApiError(401, 'notLoggedIn'));
    if (roles && !roles.includes(staff.role)) return next(new ApiError(403, 'forbidden'));
    req.staff = staff;
    next();
  };
}

/** Console routes that need one permission of domain/staffRoles.ts (403 otherwise). */
export function requireStaffPermission(services: Services, permission: StaffPermission) {
  const staff = requireStaff(services);
  return (req: Request, res: Response, next: NextFunction) =>
    staff(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (!staffCan(req.staff!.role, permission)) return next(new ApiError(403, 'forbidden'));
      next();
    });
}

/** The anonymous browser identity that self-service flows are bound to. */
export function browserOwner(services: Services, req: Request, res: Response): string {
  let token = req.cookies?.[BROWSER_COOKIE];
  if (typeof token !== 'string' || token.length < 20) {
    token = crypto.randomBytes(24).toString('base64url');
    res.cookie(BROWSER_COOKIE, token, { ...cookieOptions(req), maxAge: 24 * 3600_000 });
    req.cookies = { ...req.cookies, [BROWSER_COOKIE]: token };
  }
  return keyedHash(services.keys, 'browser', token);
}

/**
 * The owner of an account's own flow (ACCOUNT_FLOWS): that account in this browser. Another
 * account in the same browser, or the browser after logout, gets another owner and so a 404.
 */
export function accountFlowOwner(services: Services, req: Request, res: Response, accountId: number): string {
  return keyedHash(services.keys, 'account-flow', `${accountId}:${browserOwner(services, req, res)}`);
}
