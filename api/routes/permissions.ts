// /api/permissions (Q2 我的应用权限, administrators only): the enterprise's set that every operator
// inherits, and per operator an own set (or back to inheriting). 重置 is the page's: it reloads
// the last saved state from GET.
import { Router } from 'express';
import type { Request } from 'express';
import { inheritPermissions, permissionsOf, savePermissions } from '../../activities/appPermissions';
import type { Services } from '../../activities/services';
import { APP_PERMISSION_CATALOGUE, parseAppItems } from '../../domain/appPermissions';
import { ApiError, clientIp, fieldError, checkedParams } from '../http';
import { requireAccount, requireAdmin } from '../sessions';

export function permissionRoutes(services: Services): Router {
  const router = checkedParams(Router());
  router.use(requireAccount(services), requireAdmin);

  const itemsOf = (req: Request) => {
    const parsed = parseAppItems(req.body?.items);
    if ('unknown' in parsed) throw fieldError({ items: 'permission.unknownItem' });
    return parsed.items;
  };

  const ownOperator = async (req: Request) => {
    const op = await services.db.models.Account.findOne({ where: { id: Number(req.params.id) || 0, enterpriseId: req.account!.enterpriseId, kind: 'operator' } });
    if (!op) throw new ApiError(404, 'notFound');
    return op;
  };

  router.get('/', async (req, res) => {
    res.json({ catalogue: APP_PERMISSION_CATALOGUE, ...(await permissionsOf(services, req.account!.enterpriseId!)) });
  });

  // body { items: string[] } — item codes; a category code stands for all its items.
  router.put('/enterprise', async (req, res) => {
    const items = await savePermissions(services, req.account!, null, itemsOf(req), clientIp(req));
    res.json({ items, ...(await permissionsOf(services, req.account!.enterpriseId!)) });
  });

  router.put('/operators/:id', async (req, res) => {
    const op = await ownOperator(req);
    const items = await savePermissions(services, req.account!, op, itemsOf(req), clientIp(req));
    res.json({ items, ...(await permissionsOf(services, req.account!.enterpriseId!)) });
  });

  router.delete('/operators/:id', async (req, res) => {
    const op = await ownOperator(req);
    await inheritPermissions(services, req.account!, op, clientIp(req));
    res.json(await permissionsOf(services, req.account!.enterpriseId!));
  });

  return router;
}
