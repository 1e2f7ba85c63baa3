// My operators beyond adding them: O1 the searchable list, O4 editing (N6: an identity change
// voids the real-name level and drops a card whose holder no longer matches) and deleting, O6
// migrated users (password reset, delete, the username kept so it can be re-created).
import { Op, Sequelize, UniqueConstraintError } from 'sequelize';
import { DEFAULT_OPERATOR_PASSWORD, validateMobile } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import type { AccountRow } from '../db';
import { changeAccountIdentity } from './accountCenter';
import { accountView, endSessionsOf } from './accounts';
import { recordAudit } from './audit';
import { recordCardOperation } from './cards/registry';
import { hashPassword } from './passwords';
import { uniqueViolation } from './registration';
import type { Services } from './services';

/** The remark of an operator created with the username of a deleted migrated user. */
export const REUSED_REMARK = '沿用迁移用户名';

export const OPERATOR_PAGE_SIZES = [10, 20, 50, 100] as const;

export interface OperatorQuery {
  username?: string;
  name?: string;
  page?: number; // 1-based
  pageSize?: number;
}

/** An operator as its administrator sees it in the list. */
export function operatorListView(op: AccountRow, cardNo: string | null, adminHasCard: boolean) {
  return {
    ...accountView(op),
    cardNo,
    // O5: the portal greys out edit and delete where the API would refuse them.
    protected: Boolean(cardNo) && !adminHasCard,
    migrated: Boolean(op.migrated),
    realNameLevel: op.realNameLevel ?? 'none',
  };
}

/** O1: the enterprise's operators, filtered by parts of the username and of the name, a page at a time. */
export async function listOperators(services: Services, admin: AccountRow, q: OperatorQuery) {
  const { Account, Card } = services.db.models;
  const where: Record<string | symbol, unknown> = { enterpriseId: admin.enterpriseId, kind: 'operator' };
  const and: unknown[] = [];
  // INSTR exists in SQLite and MySQL alike and needs no escaping of % and _ as LIKE would.
  const username = (q.username ?? '').trim().toLowerCase();
  if (username) and.push(Sequelize.where(Sequelize.fn('instr', Sequelize.col('usernameKey'), username), { [Op.gt]: 0 }));
  const name = (q.name ?? '').trim();
  if (name) and.push(Sequelize.where(Sequelize.fn('instr', Sequelize.col('name'), name), { [Op.gt]: 0 }));
  if (and.length) where[Op.and] = and;
  const pageSize = OPERATOR_PAGE_SIZES.includes(q.pageSize as never) ? (q.pageSize as number) : 10;
  const total = await Account.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1) || 1), pages);
  const rows = await Account.findAll({ where, order: [['id', 'ASC']], limit: pageSize, offset: (page - 1) * pageSize });
  const cards = rows.length ? await Card.findAll({ where: { accountId: rows.map((r) => r.id) } }) : [];
  const adminHasCard = Boolean(await Card.findOne({ where: { accountId: admin.id } }));
  return {
    items: rows.map((r) => operatorListView(r, cards.find((c) => c.accountId === r.id)?.cardNo ?? null, adminHasCard)),
    total,
    page,
    pageSize,
  };
}

export interface OperatorEdit {
  name: string;
  mobile: string; // '' keeps the bound mobile
  idType: string;
  idNumber: string; // '' keeps the ID number (same type only; checked by validateOperatorEdit)
  idValidFrom: string;
  idValidTo: string;
  email: string;
  status: 'active' | 'disabled';
}

export interface EditConsequences {
  cardUnbound: string | null; // the card number that was unbound
  realNameVoided: boolean;
}

/** Raised inside the O4 transaction to roll it back with the change engine's refusal. */
class EditRefused extends Error {
  constructor(readonly errors: FieldErrors) {
    super('operator edit refused');
  }
}

/**
 * O4 (+ N6): saves the operator; the username never changes. Name, ID type, ID number and validity
 * go through the account center's change engine (changeAccountIdentity, actor the administrator):
 * the one implementation of the N6 consequences. The portal's edit dialog asks the administrator
 * before saving, so the consequences are applied as confirmed. Mobile, e-mail and status are
 * written here, in the same transaction.
 */
export async function updateOperator(
  services: Services,
  admin: AccountRow,
  operator: AccountRow,
  f: OperatorEdit,
  ip: string,
): Promise<{ operator: ReturnType<typeof operatorListView>; consequences: EditConsequences } | { errors: FieldErrors }> {
  const { Card } = services.db.models;
  const mobile = f.mobile || operator.mobile;
  const before: Record<string, string> = {
    name: operator.name, mobile: operator.mobile, idType: operator.idType, idNumber: operator.idNumberHash,
    idValidFrom: operator.idValidFrom, idValidTo: operator.idValidTo, email: operator.email, status: operator.status,
  };

  try {
    const result = await services.db.sequelize.transaction(async (transaction) => {
      const outcome = await changeAccountIdentity(services, {
        actor: admin, target: operator, confirm: true, ip, transaction,
        fields: { name: f.name, idType: f.idType, idNumber: f.idNumber, idValidFrom: f.idValidFrom, idValidTo: f.idValidTo },
      });
      if (!outcome.ok) {
        // confirm is true, so only field errors come back; O4 names a clash in the enterprise idNumber.taken.
        const errors: FieldErrors = 'errors' in outcome ? { ...outcome.errors } : { _form: 'conflict' };
        if (errors.idNumber === 'idNumber.takenInEnterprise') errors.idNumber = 'idNumber.taken';
        throw new EditRefused(errors);
      }
      await operator.reload({ transaction });
      await operator.update({ mobile, email: f.email, status: f.status }, { transaction });
      const after: Record<string, string> = {
        name: operator.name, mobile: operator.mobile, idType: operator.idType, idNumber: operator.idNumberHash,
        idValidFrom: operator.idValidFrom, idValidTo: operator.idValidTo, email: operator.email, status: operator.status,
      };
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      const cardUnbound = outcome.consequences.cardsUnbound.find((c) => c.accountId === operator.id)?.cardNo ?? null;
      const realNameVoided = outcome.consequences.realNameVoided.some((v) => v.accountId === operator.id);
      if (cardUnbound) {
        await recordAudit(services, {
          actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'card.unbound',
          entityType: 'account', entityId: operator.id, details: { cardNo: cardUnbound, reason: 'identityChanged' }, ip,
        }, transaction);
      }
      if (f.status === 'disabled') await endSessionsOf(services, operator.id, transaction);
      await recordAudit(services, {
        actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'operator.updated',
        entityType: 'account', entityId: operator.id,
        details: { changed, ...(cardUnbound ? { cardUnbound } : {}), ...(realNameVoided ? { realNameVoided: true } : {}) }, ip,
      }, transaction);
      return { cardUnbound, realNameVoided };
    });
    const cardNo = result.cardUnbound ? null : (await Card.findOne({ where: { accountId: operator.id } }))?.cardNo ?? null;
    const adminHasCard = Boolean(await Card.findOne({ where: { accountId: admin.id } }));
    return { operator: operatorListView(operator, cardNo, adminHasCard), consequences: result };
  } catch (err) {
    if (err instanceof EditRefused) return { errors: err.errors };
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}

/** O4 删除; O6: a migrated user's username is kept so the administrator may create it again. */
export async function deleteOperator(services: Services, admin: AccountRow, operator: AccountRow, ip: string): Promise<void> {
  const { Card, ReleasedUsername } = services.db.models;
  await services.db.sequelize.transaction(async (transaction) => {
    const card = await Card.findOne({ where: { accountId: operator.id }, transaction });
    if (card) {
      await card.update({ accountId: null, boundAt: null }, { transaction });
      await recordCardOperation(services, { card, operation: 'unbound', actorType: 'account', actorId: admin.id, accountId: operator.id, details: { reason: 'accountDeleted' } }, transaction);
    }
    await endSessionsOf(services, operator.id, transaction);
    if (operator.migrated) {
      const existing = await ReleasedUsername.findOne({ where: { enterpriseId: operator.enterpriseId!, usernameKey: operator.usernameKey }, transaction });
      const fields = { username: operator.username, formerAccountId: operator.id, releasedBy: `account:${admin.id}`, reusedAccountId: null, reusedAt: null };
      if (existing) await existing.update(fields, { transaction });
      else await ReleasedUsername.create({ enterpriseId: operator.enterpriseId!, usernameKey: operator.usernameKey, ...fields }, { transaction });
    }
    await recordAudit(services, {
      actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'operator.deleted',
      entityType: 'account', entityId: operator.id, details: { username: operator.username, migrated: Boolean(operator.migrated) }, ip,
    }, transaction);
    await operator.destroy({ transaction });
  });
}

/** O6: usernames of this enterprise's deleted migrated users, exactly as they were. */
export async function releasedUsernames(services: Services, enterpriseId: number): Promise<string[]> {
  const rows = await services.db.models.ReleasedUsername.findAll({ where: { enterpriseId }, order: [['id', 'ASC']] });
  return rows.map((r) => r.username);
}

/** O6: notes that a released username was taken again, and by which account. */
export async function markUsernameReused(services: Services, enterpriseId: number, username: string, accountId: number): Promise<void> {
  const row = await services.db.models.ReleasedUsername.findOne({ where: { enterpriseId, usernameKey: username.toLowerCase() } });
  if (!row) return;
  await row.update({ reusedAccountId: accountId, reusedAt: new Date() });
  await services.db.models.Account.update({ remark: REUSED_REMARK }, { where: { id: accountId } });
}

/**
 * O6 重置密码 of a migrated user who forgot it: back to the default password (eight 8s) with the
 * first-login check (SMS to the bound mobile, then a forced change); every session ends.
 */
export async function resetMigratedPassword(services: Services, admin: AccountRow, operator: AccountRow, ip: string): Promise<string | null> {
  if (!operator.migrated) return 'operator.notMigrated';
  if (validateMobile(operator.mobile)) return 'operator.noMobile';
  const passwordHash = await hashPassword(DEFAULT_OPERATOR_PASSWORD);
  await services.db.sequelize.transaction(async (transaction) => {
    await operator.update({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }, { transaction });
    await endSessionsOf(services, operator.id, transaction);
    await recordAudit(services, {
      actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'operator.passwordReset',
      entityType: 'account', entityId: operator.id, details: { username: operator.username, migrated: true }, ip,
    }, transaction);
  });
  return null;
}
