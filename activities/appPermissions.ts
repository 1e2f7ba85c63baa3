// Q2 我的应用权限: the enterprise's set of business permissions (every operator inherits it, 001
// ch.7) and, where the administrator narrows or widens it for one operator, that operator's own
// set. Launching a business application issues a short-lived single-use ticket (stored hashed).
import crypto from 'node:crypto';
import { Op } from 'sequelize';
import { normalizeAppItems } from '../domain/appPermissions';
import { keyedHash } from '../db/pii';
import type { AccountRow } from '../db';
import { recordAudit } from './audit';
import type { Services } from './services';

/** accountId of the enterprise's own set. */
export const ENTERPRISE_SCOPE = 0;
export const LAUNCH_TICKET_SECONDS = 60;

function parseItems(json: string | undefined): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? normalizeAppItems(v.filter((x): x is string => typeof x === 'string')) : [];
  } catch {
    return [];
  }
}

/** The administrator's page: the enterprise's set, and each operator's own or inherited set. */
export async function permissionsOf(services: Services, enterpriseId: number) {
  const { Account, AppPermission } = services.db.models;
  const rows = await AppPermission.findAll({ where: { enterpriseId } });
  const enterpriseRow = rows.find((r) => r.accountId === ENTERPRISE_SCOPE);
  const enterpriseItems = parseItems(enterpriseRow?.items);
  const operators = await Account.findAll({ where: { enterpriseId, kind: 'operator' }, order: [['id', 'ASC']] });
  return {
    enterprise: { items: enterpriseItems, updatedAt: enterpriseRow?.updatedAt ?? null },
    operators: operators.map((op) => {
      const own = rows.find((r) => r.accountId === op.id);
      return {
        id: op.id,
        username: op.username,
        name: op.name,
        status: op.status,
        customised: Boolean(own),
        items: own ? parseItems(own.items) : enterpriseItems,
        updatedAt: own?.updatedAt ?? null,
      };
    }),
  };
}

/** Saves the items of a scope (the enterprise, or one operator), replacing the previous set. */
export async function savePermissions(services: Services, admin: AccountRow, scope: AccountRow | null, items: string[], ip: string): Promise<string[]> {
  const { AppPermission } = services.db.models;
  const enterpriseId = admin.enterpriseId!;
  const accountId = scope ? scope.id : ENTERPRISE_SCOPE;
  const clean = normalizeAppItems(items);
  await services.db.sequelize.transaction(async (transaction) => {
    const row = await AppPermission.findOne({ where: { enterpriseId, accountId }, transaction });
    const before = parseItems(row?.items);
    if (row) await row.update({ items: JSON.stringify(clean), updatedBy: `account:${admin.id}` }, { transaction });
    else await AppPermission.create({ enterpriseId, accountId, items: JSON.stringify(clean), updatedBy: `account:${admin.id}` }, { transaction });
    await recordAudit(services, {
      actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'permissions.saved',
      entityType: scope ? 'account' : 'enterprise', entityId: scope ? scope.id : enterpriseId,
      details: { granted: clean.filter((i) => !before.includes(i)), revoked: before.filter((i) => !clean.includes(i)), ...(scope ? { username: scope.username } : {}) },
      ip,
    }, transaction);
  });
  return clean;
}

/** Drops an operator's own set: it inherits the enterprise's set again. */
export async function inheritPermissions(services: Services, admin: AccountRow, operator: AccountRow, ip: string): Promise<void> {
  await services.db.sequelize.transaction(async (transaction) => {
    const n = await services.db.models.AppPermission.destroy({ where: { enterpriseId: admin.enterpriseId!, accountId: operator.id }, transaction });
    if (n) {
      await recordAudit(services, {
        actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'permissions.inherited',
        entityType: 'account', entityId: operator.id, details: { username: operator.username }, ip,
      }, transaction);
    }
  });
}

/** The applications an account may use: an operator's own set, else its enterprise's; nothing for anyone else. */
export async function effectiveItems(services: Services, account: AccountRow): Promise<string[]> {
  if (account.kind !== 'operator' || !account.enterpriseId) return [];
  const rows = await services.db.models.AppPermission.findAll({
    where: { enterpriseId: account.enterpriseId, accountId: [ENTERPRISE_SCOPE, account.id] },
  });
  const own = rows.find((r) => r.accountId === account.id);
  return parseItems((own ?? rows.find((r) => r.accountId === ENTERPRISE_SCOPE))?.items);
}

/** A ticket for the trade application: random, single use, LAUNCH_TICKET_SECONDS long; only its hash is kept. */
export async function issueLaunchTicket(services: Services, account: AccountRow, item: string, ip: string) {
  const ticket = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + LAUNCH_TICKET_SECONDS * 1000);
  await services.db.sequelize.transaction(async (transaction) => {
    await services.db.models.AppLaunchTicket.create({ id: keyedHash(services.keys, 'app-ticket', ticket), accountId: account.id, item, expiresAt }, { transaction });
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'app.launched',
      entityType: 'account', entityId: account.id, details: { item }, ip,
    }, transaction);
  });
  return { ticket, item, expiresAt };
}

/**
 * The trade application turns a ticket into the user it was issued to, once. A ticket whose
 * holder lost the permission (or the account) in the meantime is refused too.
 */
export async function redeemLaunchTicket(services: Services, ticket: string) {
  const { Account, AppLaunchTicket, Enterprise } = services.db.models;
  if (typeof ticket !== 'string' || ticket.length < 20 || ticket.length > 100) return null;
  const id = keyedHash(services.keys, 'app-ticket', ticket);
  const now = new Date();
  const [n] = await AppLaunchTicket.update({ usedAt: now }, { where: { id, usedAt: null, expiresAt: { [Op.gt]: now } } });
  if (n !== 1) return null;
  const row = (await AppLaunchTicket.findByPk(id))!;
  const account = await Account.findByPk(row.accountId);
  if (!account || account.status !== 'active' || !(await effectiveItems(services, account)).includes(row.item)) return null;
  const enterprise = account.enterpriseId ? await Enterprise.findByPk(account.enterpriseId) : null;
  return {
    item: row.item,
    account: { id: account.id, username: account.username, name: account.name, kind: account.kind },
    enterprise: enterprise ? { uscc: enterprise.uscc, name: enterprise.name } : null,
  };
}

/** Housekeeping: tickets are worth nothing a day after they expired. */
export async function purgeLaunchTickets(services: Services): Promise<number> {
  return services.db.models.AppLaunchTicket.destroy({ where: { expiresAt: { [Op.lt]: new Date(Date.now() - 24 * 3600_000) } } });
}
