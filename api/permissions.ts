// Q2: the check every business route of the portal runs. An operator may use an application only
// when the administrator granted its permission item (the operator's own set, else the
// enterprise's); administrators represent the legal person and do no business operations
// (manual 000, 用户体系); other account kinds have no enterprise permissions.
//
//   router.post('/declarations', requirePermission(services, 'cargo.declaration'), handler)
//   router.post('/:item/launch', requirePermission(services, (req) => req.params.item), handler)
import type { NextFunction, Request, Response } from 'express';
import { effectiveItems } from '../activities/appPermissions';
import type { Services } from '../activities/services';
import { isAppPermissionItem } from '../domain/appPermissions';
import { ApiError } from './http';
import { requireAccount } from './sessions';

export function requirePermission(services: Services, item: string | ((req: Request) => string)) {
  const account = requireAccount(services);
  const check = async (req: Request, next: NextFunction) => {
    const code = typeof item === 'function' ? item(req) : item;
    if (!isAppPermissionItem(code)) return next(new ApiError(404, 'permission.unknownItem'));
    if (req.account!.kind === 'admin') return next(new ApiError(403, 'permission.adminNoBusiness'));
    if (!(await effectiveItems(services, req.account!)).includes(code)) return next(new ApiError(403, 'permission.denied'));
    next();
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.account) return void check(req, next).catch(next);
    void account(req, res, (err?: unknown) => (err ? next(err) : check(req, next).catch(next)));
  };
}
