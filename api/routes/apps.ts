// /api/apps (Q2): the business applications the logged-in account may use, and their launch.
// GET is open to every logged-in account (administrators and accounts without an enterprise get
// an empty list and the reason); launching runs requirePermission like any business route.
import { Router } from 'express';
import { effectiveItems, issueLaunchTicket, LAUNCH_TICKET_SECONDS, redeemLaunchTicket } from '../../activities/appPermissions';
import type { Services } from '../../activities/services';
import { APP_PERMISSION_CATALOGUE } from '../../domain/appPermissions';
import { ApiError, clientIp } from '../http';
import { requirePermission } from '../permissions';
import { requireAccount } from '../sessions';

export function appRoutes(services: Services): Router {
  const router = Router();

  router.get('/', requireAccount(services), async (req, res) => {
    const account = req.account!;
    const granted = await effectiveItems(services, account);
    const categories = APP_PERMISSION_CATALOGUE
      .map((c) => ({ code: c.code, zh: c.zh, en: c.en, items: c.items.filter((i) => granted.includes(i.code)) }))
      .filter((c) => c.items.length > 0);
    const reason = account.kind === 'admin' ? 'permission.adminNoBusiness' : account.kind !== 'operator' ? 'permission.denied' : null;
    res.json({ items: granted, categories, reason });
  });

  // The trade application (server to server) turns a ticket into its user, once, within its minute.
  router.post('/tickets/redeem', async (req, res) => {
    const result = await redeemLaunchTicket(services, typeof req.body?.ticket === 'string' ? req.body.ticket : '');
    if (!result) throw new ApiError(410, 'ticket.invalid');
    res.json(result);
  });

  router.post('/:item/launch', requirePermission(services, (req) => String(req.params.item)), async (req, res) => {
    const issued = await issueLaunchTicket(services, req.account!, String(req.params.item), clientIp(req));
    res.status(201).json({ ...issued, ttlSeconds: LAUNCH_TICKET_SECONDS, url: `/apps/open?ticket=${encodeURIComponent(issued.ticket)}` });
  });

  return router;
}
