// /api/operators: the administrator's own operators. O1 list with search and pages, O2 add without
// card, O3 add with the operator's card, O4 edit and delete (O5: refused while the operator's card
// outranks the administrator), O6 migrated users (password reset, username re-created).
import { Router } from 'express';
import type { Request } from 'express';
import type { AccountRow } from '../../db';
import { createOperator } from '../../activities/accounts';
import { createOperatorWithCard, operatorProtected } from '../../activities/cards/binding';
import {
  deleteOperator, listOperators, markUsernameReused, operatorListView, releasedUsernames, resetMigratedPassword, REUSED_REMARK, updateOperator,
} from '../../activities/operatorsManage';
import type { Services } from '../../activities/services';
import { validateEmail, validateMobile } from '../../domain/accounts';
import { chinaToday } from '../../domain/dates';
import { validateOperatorInfo } from '../../domain/forms';
import { validateOperatorEdit, validateOperatorUsername } from '../../domain/operators';
import { closeFlowsOfAccount, FlowRuntime } from '../flows';
import { ApiError, clientIp, fieldError, strings, checkedParams } from '../http';
import { clearAccountThrottle } from '../loginThrottle';
import { requireAccount, requireAdmin } from '../sessions';
import { cardFromProof } from './cards';

const FIELDS = ['username', 'name', 'mobile', 'idType', 'idNumber', 'idValidFrom', 'idValidTo', 'email'] as const;
const EDIT_FIELDS = ['name', 'mobile', 'idType', 'idNumber', 'idValidFrom', 'idValidTo', 'email', 'status'] as const;

const queryText = (v: unknown) => (typeof v === 'string' ? v.slice(0, 60) : '');

export function operatorRoutes(services: Services, rt: FlowRuntime): Router {
  const router = checkedParams(Router());
  router.use(requireAccount(services), requireAdmin);

  /**
   * A deleted or disabled operator's pending flows (a first login waiting for its SMS check …) end
   * now. After the change is committed and best effort: a flow missed here is refused at its next
   * step all the same, so a failure is logged rather than failing the administrator's request.
   */
  async function closeFlowsOf(operator: AccountRow, reason: 'account.gone' | 'account.disabled') {
    try {
      await closeFlowsOfAccount(rt, { id: operator.id, username: operator.username }, reason);
    } catch (err) {
      console.warn(`[operators] flows of account ${operator.id} not ended:`, err instanceof Error ? err.message : err);
    }
  }

  /** A new operator as the list shows it (docs/api.md "Operator": with cardNo, protected, realNameLevel). */
  async function operatorAnswer(admin: Request['account'], operatorId: number) {
    const { Account, Card } = services.db.models;
    const row = (await Account.findByPk(operatorId))!;
    const card = await Card.findOne({ where: { accountId: operatorId } });
    const adminHasCard = Boolean(await Card.findOne({ where: { accountId: admin!.id } }));
    return operatorListView(row, card?.cardNo ?? null, adminHasCard);
  }

  // O1: ?username=&name= (parts of either, any case for usernames), &page= (from 1) &pageSize= (10, 20, 50, 100).
  router.get('/', async (req, res) => {
    res.json(await listOperators(services, req.account!, {
      username: queryText(req.query.username),
      name: queryText(req.query.name),
      page: Number(req.query.page) || 1,
      pageSize: Number(req.query.pageSize) || 10,
    }));
  });

  // O6: usernames of deleted migrated users that may be created again outside the username rules.
  router.get('/released-usernames', async (req, res) => {
    res.json({ items: await releasedUsernames(services, req.account!.enterpriseId!) });
  });

  router.post('/', async (req, res) => {
    const raw = strings(req.body, FIELDS);
    const f = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.trim()])) as typeof raw;
    f.idNumber = f.idNumber.toUpperCase();
    const released = await releasedUsernames(services, req.account!.enterpriseId!);
    const errors = validateOperatorInfo(f, chinaToday());
    delete errors.username;
    const usernameError = validateOperatorUsername(f.username, released);
    if (usernameError) errors.username = usernameError;
    if (Object.keys(errors).length) throw fieldError(errors);
    const result = await createOperator(services, req.account!, f, clientIp(req));
    if ('errors' in result) throw fieldError(result.errors);
    if (released.includes(f.username)) {
      await markUsernameReused(services, req.account!.enterpriseId!, f.username, result.operator.id);
      res.status(201).json({ ...(await operatorAnswer(req.account, result.operator.id)), remark: REUSED_REMARK });
      return;
    }
    res.status(201).json(await operatorAnswer(req.account, result.operator.id));
  });

  // O3: an operator from the operator's own card; the card's identity fills name and ID, read-only.
  router.post('/with-card', async (req, res) => {
    const f = strings(req.body, ['username', 'mobile', 'email'] as const);
    const form = { username: f.username.trim(), mobile: f.mobile.trim(), email: f.email.trim() };
    const errors: Record<string, string> = {};
    const put = (k: string, v: string | null) => { if (v) errors[k] = v; };
    put('username', validateOperatorUsername(form.username, await releasedUsernames(services, req.account!.enterpriseId!)));
    put('mobile', validateMobile(form.mobile));
    if (form.email) put('email', validateEmail(form.email));
    if (Object.keys(errors).length) throw fieldError(errors);
    const card = await cardFromProof(services, req, res, 'addOperator');
    const result = await createOperatorWithCard(services, req.account!, card, form, clientIp(req));
    if ('errors' in result) throw fieldError(result.errors);
    res.status(201).json(await operatorAnswer(req.account, result.operator.id));
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

  // O4: everything but the username. A field left out keeps its value; an empty mobile or ID
  // number keeps the stored one (the list shows both masked only).
  router.put('/:id', async (req, res) => {
    const operator = await ownOperator(req);
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const given = (k: string) => typeof body[k] === 'string';
    const raw = strings(body, EDIT_FIELDS);
    const keep: Record<string, string> = {
      name: operator.name, idType: operator.idType, idValidFrom: operator.idValidFrom, idValidTo: operator.idValidTo,
      email: operator.email, status: operator.status === 'disabled' ? 'disabled' : 'active',
    };
    const f = Object.fromEntries(EDIT_FIELDS.map((k) => [k, given(k) ? raw[k].trim() : keep[k] ?? ''])) as Record<(typeof EDIT_FIELDS)[number], string>;
    f.idNumber = f.idNumber.toUpperCase();
    const identityGiven = ['idType', 'idNumber', 'idValidFrom', 'idValidTo'].some(given);
    const errors = validateOperatorEdit(f, chinaToday(), { currentIdType: operator.idType, checkValidity: identityGiven });
    if (Object.keys(errors).length) throw fieldError(errors);
    const result = await updateOperator(services, req.account!, operator, { ...f, status: f.status as 'active' | 'disabled' }, clientIp(req));
    if ('errors' in result) throw fieldError(result.errors);
    if (f.status === 'disabled') await closeFlowsOf(operator, 'account.disabled');
    res.json({ ...result.operator, consequences: result.consequences });
  });

  router.delete('/:id', async (req, res) => {
    const operator = await ownOperator(req);
    await deleteOperator(services, req.account!, operator, clientIp(req));
    await closeFlowsOf(operator, 'account.gone');
    res.status(204).end();
  });

  // O6: a migrated user's password back to the default (eight 8s); a change is forced at the next login.
  router.post('/:id/reset-password', async (req, res) => {
    const operator = await ownOperator(req);
    const problem = await resetMigratedPassword(services, req.account!, operator, clientIp(req));
    if (problem) throw new ApiError(409, problem);
    await clearAccountThrottle(services, operator.usernameKey);
    res.json({ username: operator.username, mustChangePassword: true });
  });

  return router;
}
