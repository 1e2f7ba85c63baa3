// /api/admin: the staff console's API (react-admin simple REST conventions).
import { Router } from 'express';
import { Op, WhereOptions } from 'sequelize';
import { accountView, enterpriseView } from '../../../activities/accounts';
import { cardView } from '../../../activities/cards/registry';
import { recordAudit } from '../../../activities/audit';
import { burnPasswordCheck, verifyPassword } from '../../../activities/passwords';
import type { Services } from '../../../activities/services';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES, CARD_STATUSES, CARD_TYPES, MESSAGE_CHANNELS } from '../../../db';
import { ApiError, clientIp, fieldError, strings, checkedParams } from '../../http';
import { checkThrottle, forgiveAttempt, reserveAttempt } from '../../loginThrottle';
import { endSession, requireStaff, requireStaffPermission, startSession } from '../../sessions';
import { FlowRuntime } from '../../flows';
import { enumFilter, listQuery, numberFilter, sendList } from './listQuery';
import { registryRoutes } from './registry';
import { flowMonitorRoutes } from './flows';
import { reviewRoutes } from './reviews';

const like = (value: unknown) => ({ [Op.like]: `%${String(value).replace(/[%_\\]/g, '')}%` });

export function adminRoutes(services: Services, rt: FlowRuntime, opts: { sessionHours: number; temporalUiUrl: string; namespace: string }): Router {
  const router = checkedParams(Router());
  const { models } = services.db;

  router.post('/login', async (req, res) => {
    const f = strings(req.body, ['username', 'password'] as const);
    if (!f.username || !f.password) throw fieldError({ ...(f.username ? {} : { username: 'required' }), ...(f.password ? {} : { password: 'required' }) });
    const ip = clientIp(req);
    const key = `staff:${f.username.toLowerCase()}`;
    const gate = await checkThrottle(services, key, ip);
    if (!gate.ok) throw new ApiError(429, gate.code, undefined, { retryAfterSeconds: gate.retryAfterSeconds });
    const attempt = await reserveAttempt(services, key, ip); // a failure until the password proves right
    if (!attempt.ok) throw new ApiError(429, attempt.code, undefined, { retryAfterSeconds: attempt.retryAfterSeconds });
    const staff = await models.Staff.findOne({ where: { username: f.username } });
    const ok = staff ? await verifyPassword(f.password, staff.passwordHash) : await burnPasswordCheck(f.password);
    if (!staff || !ok || staff.status !== 'active') throw fieldError({ password: 'login.failed' });
    await forgiveAttempt(services, attempt);
    await startSession(services, req, res, 'staff', staff.id, opts.sessionHours);
    await recordAudit(services, { actorType: 'staff', actorId: staff.id, actorName: staff.username, action: 'staff.login', entityType: 'staff', entityId: staff.id, ip });
    res.json({ staff: { id: staff.id, username: staff.username, name: staff.name, role: staff.role } });
  });

  router.post('/logout', async (req, res) => {
    await endSession(services, req, res, 'staff');
    res.status(204).end();
  });

  router.use(requireStaff(services));

  router.get('/me', (req, res) => {
    const s = req.staff!;
    res.json({ staff: { id: s.id, username: s.username, name: s.name, role: s.role } });
  });

  router.get('/enterprises', async (req, res) => {
    const q = listQuery(req, ['id', 'uscc', 'name', 'createdAt']);
    const where: WhereOptions = q.filter.q ? { [Op.or]: [{ name: like(q.filter.q) }, { uscc: like(q.filter.q) }] } : {};
    const { rows, count } = await models.Enterprise.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'enterprises', q, rows.map(enterpriseView), count);
  });
  router.get('/enterprises/:id', async (req, res) => {
    const row = await models.Enterprise.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    res.json(enterpriseView(row));
  });

  const accountItem = async (a: InstanceType<typeof models.Account>) => {
    const e = a.enterpriseId ? await models.Enterprise.findByPk(a.enterpriseId) : null;
    // Only what the console shows: the e-mail masked, like the mobile and the ID number.
    const { email: _email, ...view } = accountView(a);
    return { ...view, enterpriseId: a.enterpriseId, enterpriseName: e?.name ?? '' };
  };
  router.get('/accounts', async (req, res) => {
    const q = listQuery(req, ['id', 'username', 'createdAt', 'lastLoginAt']);
    const where: Record<string | symbol, unknown> = {};
    if (q.filter.q) where[Op.or] = [{ username: like(q.filter.q) }, { name: like(q.filter.q) }];
    const kind = enumFilter(q, 'kind', ACCOUNT_KINDS);
    const status = enumFilter(q, 'status', ACCOUNT_STATUSES);
    const enterpriseId = numberFilter(q, 'enterpriseId');
    if (kind) where.kind = kind;
    if (status) where.status = status;
    if (enterpriseId !== undefined) where.enterpriseId = enterpriseId;
    const { rows, count } = await models.Account.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'accounts', q, await Promise.all(rows.map(accountItem)), count);
  });
  router.get('/accounts/:id', async (req, res) => {
    const row = await models.Account.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    res.json(await accountItem(row));
  });

  router.get('/outbox', requireStaffPermission(services, 'outbox.read'), async (req, res) => {
    const q = listQuery(req, ['id', 'createdAt']);
    const channel = enumFilter(q, 'channel', MESSAGE_CHANNELS);
    const where = { ...(q.filter.to ? { to: like(q.filter.to) } : {}), ...(channel ? { channel } : {}) };
    const { rows, count } = await models.Outbox.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'outbox', q, rows.map((r) => ({ id: r.id, channel: r.channel, to: r.to, template: r.template, body: r.body, createdAt: r.createdAt })), count);
  });

  const auditItem = (r: InstanceType<typeof models.AuditEvent>) => ({ ...r.get({ plain: true }), details: safeJson(r.details) });
  router.get('/audit-events', async (req, res) => {
    const q = listQuery(req, ['id', 'at']);
    const where: Record<string, unknown> = {};
    if (q.filter.action) where.action = like(q.filter.action);
    if (q.filter.actorName) where.actorName = like(q.filter.actorName);
    if (q.filter.entityType) where.entityType = String(q.filter.entityType);
    if (q.filter.entityId) where.entityId = String(q.filter.entityId);
    const { rows, count } = await models.AuditEvent.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'audit-events', q, rows.map(auditItem), count);
  });
  router.get('/audit-events/:id', async (req, res) => {
    const row = await models.AuditEvent.findByPk(Number(req.params.id));
    if (!row) throw new ApiError(404, 'notFound');
    res.json(auditItem(row));
  });

  // Cards: the registry of issued cards with every operation on each (read-only here).
  const cardItem = async (c: InstanceType<typeof models.Card>) => {
    const account = c.accountId ? await models.Account.findByPk(c.accountId) : null;
    return { ...cardView(c), accountUsername: account?.username ?? '' };
  };
  router.get('/cards', async (req, res) => {
    const q = listQuery(req, ['id', 'cardNo', 'notAfter', 'createdAt']);
    const where: Record<string | symbol, unknown> = {};
    if (q.filter.q) where[Op.or] = [{ cardNo: like(q.filter.q) }, { holderName: like(q.filter.q) }, { enterpriseName: like(q.filter.q) }];
    const status = enumFilter(q, 'status', CARD_STATUSES);
    const cardType = enumFilter(q, 'cardType', CARD_TYPES);
    if (status) where.status = status;
    if (cardType) where.cardType = cardType;
    const { rows, count } = await models.Card.findAndCountAll({ where, order: [q.sort], offset: q.offset, limit: q.limit });
    sendList(res, 'cards', q, await Promise.all(rows.map(cardItem)), count);
  });
  router.get('/cards/:id', async (req, res) => {
    const card = await models.Card.findByPk(Number(req.params.id));
    if (!card) throw new ApiError(404, 'notFound');
    const operations = await models.CardOperation.findAll({ where: { cardId: card.id }, order: [['id', 'ASC']] });
    res.json({ ...(await cardItem(card)), operations: operations.map((o) => ({ operation: o.operation, actorType: o.actorType, actorId: o.actorId, accountId: o.accountId, at: o.at, details: safeJson(o.details) })) });
  });

  router.use('/registry', registryRoutes(services));
  router.use('/flows', flowMonitorRoutes(rt, opts));
  router.use(reviewRoutes(services, rt));
  return router;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
