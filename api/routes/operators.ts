// /api/operators: the administrator's own operators (O2 add without card).
import { Router } from 'express';
import { accountView, createOperator } from '../../activities/accounts';
import type { Services } from '../../activities/services';
import { validateOperatorInfo } from '../../domain/forms';
import { chinaToday } from '../../domain/dates';
import { clientIp, fieldError, strings } from '../http';
import { requireAccount, requireAdmin } from '../sessions';

const FIELDS = ['username', 'name', 'mobile', 'idType', 'idNumber', 'idValidFrom', 'idValidTo', 'email'] as const;

export function operatorRoutes(services: Services): Router {
  const router = Router();
  router.use(requireAccount(services), requireAdmin);

  router.get('/', async (req, res) => {
    const rows = await services.db.models.Account.findAll({
      where: { enterpriseId: req.account!.enterpriseId, kind: 'operator' },
      order: [['id', 'ASC']],
    });
    res.json({ items: rows.map(accountView) });
  });

  router.post('/', async (req, res) => {
    const raw = strings(req.body, FIELDS);
    const f = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.trim()])) as typeof raw;
    f.idNumber = f.idNumber.toUpperCase();
    const errors = validateOperatorInfo(f, chinaToday());
    if (Object.keys(errors).length) throw fieldError(errors);
    const result = await createOperator(services, req.account!, f, clientIp(req));
    if ('errors' in result) throw fieldError(result.errors);
    res.status(201).json(result.operator);
  });

  return router;
}
