// My operators beyond adding them: O1 the searchable list, O4 editing (N6: an identity change
// voids the real-name level and drops a card whose holder no longer matches) and deleting, O6
// migrated users (password reset, delete, the username kept so it can be re-created).
import { Op, Sequelize, UniqueConstraintError } from 'sequelize';
import type { Transaction } from 'sequelize';
import { DEFAULT_OPERATOR_PASSWORD, validateMobile } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import type { AccountRow } from '../db';
import { accountView, endSessionsOf } from './accounts';
import { recordAudit } from './audit';
import { recordCardOperation } from './cards/registry';
import { sealIdNumber } from './identity';
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

/** O4 (+ N6): saves the operator; the username never changes. */
export async function updateOperator(
  services: Services,
  admin: AccountRow,
  operator: AccountRow,
  f: OperatorEdit,
  ip: string,
): Promise<{ operator: ReturnType<typeof operatorListView>; consequences: EditConsequences } | { errors: FieldErrors }> {
  const { Account, Card } = services.db.models;
  const sealed = f.idNumber ? sealIdNumber(services.keys, f.idType, f.idNumber) : null;
  const id = sealed ?? { enc: operator.idNumberEnc, hash: operator.idNumberHash, masked: operator.idNumberMasked };
  const documentChanged = f.idType !== operator.idType || id.hash !== operator.idNumberHash;
  if (documentChanged) {
    const clash = await Account.findOne({
      where: { enterpriseId: operator.enterpriseId, idType: f.idType, idNumberHash: id.hash, id: { [Op.ne]: operator.id } },
    });
    if (clash) return { errors: { idNumber: 'idNumber.taken' } };
  }
  const identityChanged = documentChanged || f.name !== operator.name;
  const validityChanged = f.idValidFrom !== operator.idValidFrom || f.idValidTo !== operator.idValidTo;
  const mobile = f.mobile || operator.mobile;

  const before: Record<string, string> = {
    name: operator.name, mobile: operator.mobile, idType: operator.idType, idNumber: operator.idNumberHash,
    idValidFrom: operator.idValidFrom, idValidTo: operator.idValidTo, email: operator.email, status: operator.status,
  };
  const after: Record<string, string> = {
    name: f.name, mobile, idType: f.idType, idNumber: id.hash, idValidFrom: f.idValidFrom, idValidTo: f.idValidTo, email: f.email, status: f.status,
  };
  const changed = Object.keys(before).filter((k) => before[k] !== after[k]);

  try {
    const result = await services.db.sequelize.transaction(async (transaction) => {
      // The manual (000 §3.1, operator): a changed name, ID type, ID number or validity voids the
      // real-name verification; a card whose holder is no longer this person is unbound.
      const realNameVoided = (identityChanged || validityChanged) && (operator.realNameLevel ?? 'none') !== 'none';
      const card = await Card.findOne({ where: { accountId: operator.id }, transaction });
      const cardMatches = card && card.holderName === f.name && card.holderIdType === f.idType && card.holderIdHash === id.hash;
      const unbind = card && identityChanged && !cardMatches ? card : null;

      await operator.update({
        name: f.name, mobile, idType: f.idType, idNumberEnc: id.enc, idNumberHash: id.hash, idNumberMasked: id.masked,
        idValidFrom: f.idValidFrom, idValidTo: f.idValidTo, email: f.email, status: f.status,
        ...(realNameVoided ? { realNameLevel: 'none' as const } : {}),
      }, { transaction });
      if (unbind) await unbindCard(services, admin, operator, unbind, ip, transaction);
      if (f.status === 'disabled') await endSessionsOf(services, operator.id, transaction);
      await recordAudit(services, {
        actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'operator.updated',
        entityType: 'account', entityId: operator.id,
        details: { changed, ...(unbind ? { cardUnbound: unbind.cardNo } : {}), ...(realNameVoided ? { realNameVoided: true } : {}) }, ip,
      }, transaction);
      return { cardUnbound: unbind?.cardNo ?? null, realNameVoided };
    });
    const cardNo = result.cardUnbound ? null : (await Card.findOne({ where: { accountId: operator.id } }))?.cardNo ?? null;
    const adminHasCard = Boolean(await Card.findOne({ where: { accountId: admin.id } }));
    return { operator: operatorListView(operator, cardNo, adminHasCard), consequences: result };
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}

async function unbindCard(services: Services, admin: AccountRow, operator: AccountRow, card: InstanceType<Services['db']['models']['Card']>, ip: string, transaction: Transaction) {
  await card.update({ accountId: null, boundAt: null }, { transaction });
  await recordCardOperation(services, {
    card, operation: 'unbound', actorType: 'account', actorId: admin.id, accountId: operator.id, details: { reason: 'identityChanged' },
  }, transaction);
  await recordAudit(services, {
    actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'card.unbound',
    entityType: 'account', entityId: operator.id, details: { cardNo: card.cardNo, reason: 'identityChanged' }, ip,
  }, transaction);
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
