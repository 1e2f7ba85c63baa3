// Accounts: the views shown to their owners and to staff, password changes, operators (O2).
import { DEFAULT_OPERATOR_PASSWORD } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { maskEmail, maskMobile } from '../domain/masking';
import type { AccountRow, EnterpriseRow } from '../db';
import { recordAudit } from './audit';
import { sealIdNumber } from './identity';
import { hashPassword } from './passwords';
import { openAccount } from './refusal';
import { uniqueViolation } from './registration';
import type { Services } from './services';
import { Op, Transaction, UniqueConstraintError } from 'sequelize';

export function enterpriseView(e: EnterpriseRow) {
  return {
    id: e.id,
    uscc: e.uscc,
    orgCode: e.orgCode,
    name: e.name,
    kind: e.kind,
    legalRepName: e.legalRepName,
    legalRepIdType: e.legalRepIdType,
    legalRepIdNumberMasked: e.legalRepIdNumberMasked,
    legalRepIdValidFrom: e.legalRepIdValidFrom,
    legalRepIdValidTo: e.legalRepIdValidTo,
    address: e.address,
    englishName: e.englishName,
    infoSyncedAt: e.infoSyncedAt,
    createdAt: e.createdAt,
  };
}

/** An account as any viewer sees it: identity numbers and mobiles masked, no secrets. */
export function accountView(a: AccountRow) {
  return {
    id: a.id,
    username: a.username,
    kind: a.kind,
    name: a.name,
    idType: a.idType,
    idNumberMasked: a.idNumberMasked,
    idValidFrom: a.idValidFrom,
    idValidTo: a.idValidTo,
    mobile: maskMobile(a.mobile),
    email: a.email,
    emailMasked: maskEmail(a.email),
    status: a.status,
    mustChangePassword: a.mustChangePassword,
    remark: a.remark,
    createdAt: a.createdAt,
    lastLoginAt: a.lastLoginAt,
    previousLoginAt: a.previousLoginAt,
  };
}

/** A successful login of any method: the previous one stays visible as 上次登录. */
export async function recordLogin(account: AccountRow, transaction?: Transaction): Promise<void> {
  await account.update({ previousLoginAt: account.lastLoginAt, lastLoginAt: new Date() }, { transaction });
}

export async function accountWithEnterprise(services: Services, accountId: number) {
  const account = await services.db.models.Account.findByPk(accountId);
  if (!account) return null;
  const enterprise = account.enterpriseId ? await services.db.models.Enterprise.findByPk(account.enterpriseId) : null;
  return { ...accountView(account), enterprise: enterprise ? enterpriseView(enterprise) : null };
}

/** Ends every session of an account: after any password change. */
export async function endSessionsOf(services: Services, accountId: number, transaction?: any): Promise<void> {
  await services.db.models.Session.destroy({ where: { subjectType: 'account', subjectId: accountId }, transaction });
}

/**
 * L2: the operator's own password replaces the default one; idempotent per flow. An account
 * deleted or disabled since the login is refused and the flow ends (account.gone / account.disabled).
 */
export async function setInitialPassword(
  services: Services,
  input: { flowId: string; accountId: number; passwordHash: string; ip: string },
): Promise<void> {
  await services.db.sequelize.transaction(async (transaction) => {
    const account = await openAccount(services, input.accountId, transaction);
    if (!account.mustChangePassword) return; // done by an earlier try of this activity
    await account.update({ passwordHash: input.passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }, { transaction });
    await endSessionsOf(services, account.id, transaction);
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'password.initialChanged',
      entityType: 'account', entityId: account.id, ip: input.ip, flowId: input.flowId,
    }, transaction);
  });
}

/** A3: change password with the old one; every session of the account ends. */
export async function changePassword(
  services: Services,
  input: { accountId: number; newPasswordHash: string; ip: string },
): Promise<void> {
  await services.db.sequelize.transaction(async (transaction) => {
    const account = await services.db.models.Account.findByPk(input.accountId, { transaction });
    if (!account) throw new Error('account gone');
    await account.update({ passwordHash: input.newPasswordHash, passwordChangedAt: new Date(), mustChangePassword: false }, { transaction });
    await endSessionsOf(services, account.id, transaction);
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'password.changed',
      entityType: 'account', entityId: account.id, ip: input.ip,
    }, transaction);
  });
}

/** A4: sets the password of a card-created account and activates it; other sessions end. */
export async function activateAccount(services: Services, input: { accountId: number; passwordHash: string; keepSession: string; ip: string }) {
  const { Account, Session } = services.db.models;
  await services.db.sequelize.transaction(async (transaction) => {
    const account = (await Account.findByPk(input.accountId, { transaction }))!;
    await account.update({ passwordHash: input.passwordHash, status: 'active', mustChangePassword: false, passwordChangedAt: new Date() }, { transaction });
    await Session.destroy({ where: { subjectType: 'account', subjectId: account.id, id: { [Op.ne]: input.keepSession } }, transaction });
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'account.activated',
      entityType: 'account', entityId: account.id, ip: input.ip,
    }, transaction);
  });
}

export interface NewOperator {
  username: string;
  name: string;
  mobile: string;
  idType: string;
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
  email: string;
}

/** O2: the administrator adds an operator without card; it must change the default password. */
export async function createOperator(
  services: Services,
  admin: AccountRow,
  f: NewOperator,
  ip: string,
): Promise<{ operator: ReturnType<typeof accountView> } | { errors: FieldErrors }> {
  const { Account } = services.db.models;
  const usernameKey = f.username.toLowerCase();
  if (await Account.findOne({ where: { usernameKey } })) return { errors: { username: 'username.taken' } };
  const id = sealIdNumber(services.keys, f.idType, f.idNumber);
  if (await Account.findOne({ where: { enterpriseId: admin.enterpriseId, idType: f.idType, idNumberHash: id.hash } })) {
    return { errors: { idNumber: 'idNumber.taken' } };
  }
  const passwordHash = await hashPassword(DEFAULT_OPERATOR_PASSWORD);
  try {
    const operator = await services.db.sequelize.transaction(async (transaction) => {
      const row = await Account.create(
        {
          username: f.username,
          usernameKey,
          kind: 'operator',
          enterpriseId: admin.enterpriseId,
          name: f.name,
          idType: f.idType,
          idNumberEnc: id.enc,
          idNumberHash: id.hash,
          idNumberMasked: id.masked,
          idValidFrom: f.idValidFrom,
          idValidTo: f.idValidTo,
          mobile: f.mobile,
          email: f.email,
          passwordHash,
          mustChangePassword: true,
          status: 'active',
          createdBy: `account:${admin.id}`,
        },
        { transaction },
      );
      await recordAudit(services, {
        actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'operator.created',
        entityType: 'account', entityId: row.id, details: { username: row.username, idNumber: id.masked }, ip,
      }, transaction);
      return row;
    });
    return { operator: accountView(operator) };
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}
