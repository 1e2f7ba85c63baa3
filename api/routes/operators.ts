// /api/operators: the administrator's own operators (O2 add without card).
import { Router } from 'express';
import type { Request } from 'express';
import { accountView, createOperator, endSessionsOf } from '../../activities/accounts';
import { recordAudit } from '../../activities/audit';
import { createOperatorWithCard, operatorProtected } from '../../activities/cards/binding';
import { validateEmail, validateMobile, validatePersonName, validateUsername } from '../../domain/accounts';
import { cardFromProof } from './cards';
import type { Services } from '../../activities/services';
import { validateOperatorInfo } from '../../domain/forms';
import { chinaToday } from '../../domain/dates';
import { ApiError, clientIp, fieldError, strings } from '../http';
import { requireAccount, requireAdmin } from '../sessions';

const FIELDS = ['username', 'name', 'mobile', 'idType', 'idNumber', 'idValidFrom', 'idValidTo', 'email'] as const;

export function operatorRoutes(services: Services): Router {
  const router = Router();
  router.use(requireAccount(services), requireAdmin);

  router.get('/', async (req, res) => {
    const { Account, Card } = services.db.models;
    const rows = await Account.findAll({ where: { enterpriseId: req.account!.enterpriseId, kind: 'operator' }, order: [['id', 'ASC']] });
    const cards = await Card.findAll({ where: { accountId: rows.map((r) => r.id) } });
    const adminHasCard = Boolean(await Card.findOne({ where: { accountId: req.account!.id } }));
    res.json({
      items: rows.map((r) => {
        const card = cards.find((c) => c.accountId === r.id);
        // O5: the portal greys out edit and delete where the API would refuse them.
        return { ...accountView(r), cardNo: card?.cardNo ?? null, protected: Boolean(card) && !adminHasCard };
      }),
    });
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

  // O3: an operator from the operator's own card; the card's identity fills name and ID, read-only.
  router.post('/with-card', async (req, res) => {
    const f = strings(req.body, ['username', 'mobile', 'email'] as const);
    const form = { username: f.username.trim(), mobile: f.mobile.trim(), email: f.email.trim() };
    const errors: Record<string, string> = {};
    const put = (k: string, v: string | null) => { if (v) errors[k] = v; };
    put('username', validateUsername('operator', form.username));
    put('mobile', validateMobile(form.mobile));
    if (form.email) put('email', validateEmail(form.email));
    if (Object.keys(errors).length) throw fieldError(errors);
    const card = await cardFromProof(services, req, res, 'addOperator');
    const result = await createOperatorWithCard(services, req.account!, card, form, clientIp(req));
    if ('errors' in result) throw fieldError(result.errors);
    res.status(201).json(result.operator);
  });

  /** The administrator's own operator, or 404; and O5: refused while the operator's card outranks the admin. */
  async function ownOperator(req: Request) {
    const operator = await services.db.models.Account.findOne({
      where: { id: Number(req.params.id) || 0, enterpriseId: req.account!.enterpriseId, kind: 'operator' },
    });
    if (!operator) throw new ApiError(404, 'notFound');
    if (await operatorProtected(services, req.account!, operator)) throw new ApiError(403, 'operator.cardProtected');
    return operator;
  }

  router.put('/:id', async (req, res) => {
    const operator = await ownOperator(req);
    const f = strings(req.body, ['name', 'mobile', 'email', 'status'] as const);
    const errors: Record<string, string> = {};
    const put = (k: string, v: string | null) => { if (v) errors[k] = v; };
    put('name', validatePersonName(f.name.trim()));
    put('mobile', validateMobile(f.mobile.trim()));
    if (f.email.trim()) put('email', validateEmail(f.email.trim()));
    if (!['active', 'disabled'].includes(f.status)) errors.status = 'required';
    if (Object.keys(errors).length) throw fieldError(errors);
    const before = { name: operator.name, mobile: operator.mobile, email: operator.email, status: operator.status };
    await services.db.sequelize.transaction(async (transaction) => {
      await operator.update({ name: f.name.trim(), mobile: f.mobile.trim(), email: f.email.trim(), status: f.status as 'active' | 'disabled' }, { transaction });
      if (f.status === 'disabled') await endSessionsOf(services, operator.id, transaction);
      await recordAudit(services, {
        actorType: 'account', actorId: req.account!.id, actorName: req.account!.username, action: 'operator.updated',
        entityType: 'account', entityId: operator.id,
        details: { changed: Object.keys(before).filter((k) => (before as Record<string, string>)[k] !== (f as Record<string, string>)[k].trim()) }, ip: clientIp(req),
      }, transaction);
    });
    res.json(accountView(operator));
  });

  router.delete('/:id', async (req, res) => {
    const operator = await ownOperator(req);
    await services.db.sequelize.transaction(async (transaction) => {
      await services.db.models.Card.update({ accountId: null, boundAt: null }, { where: { accountId: operator.id }, transaction });
      await endSessionsOf(services, operator.id, transaction);
      await recordAudit(services, {
        actorType: 'account', actorId: req.account!.id, actorName: req.account!.username, action: 'operator.deleted',
        entityType: 'account', entityId: operator.id, details: { username: operator.username }, ip: clientIp(req),
      }, transaction);
      await operator.destroy({ transaction });
    });
    res.status(204).end();
  });

  return router;
}
