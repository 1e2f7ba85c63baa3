// C1 my IC card (bind, unbind) and O3 adding an operator with the operator's card.
import { UniqueConstraintError } from 'sequelize';
import type { FieldErrors } from '../../domain/errors';
import type { AccountRow, CardAttrs } from '../../db';
import { DEFAULT_OPERATOR_PASSWORD } from '../../domain/accounts';
import { accountView } from '../accounts';
import { recordAudit } from '../audit';
import { hashPassword } from '../passwords';
import { uniqueViolation } from '../registration';
import type { Services } from '../services';
import { cardMismatch } from './fit';
import { bindCardToAccount } from './login';
import { voidCardRealName } from './realName';
import { recordCardOperation } from './registry';

// The binding rule lives in ./fit; callers keep importing it from here.
export { cardMismatch };
export type { CardFitAccount, CardFitCard, CardFitEnterprise } from './fit';

/** Why a proven card may not be bound to this account, or null. */
export async function bindingProblem(services: Services, account: AccountRow, card: CardAttrs): Promise<string | null> {
  const enterprise = account.enterpriseId ? await services.db.models.Enterprise.findByPk(account.enterpriseId) : null;
  const mismatch = cardMismatch(account, enterprise, card);
  if (mismatch) return mismatch;
  if (card.accountId && card.accountId !== account.id) return 'card.boundElsewhere';
  if (await services.db.models.Card.findOne({ where: { accountId: account.id } })) return 'card.alreadyBound';
  return null;
}

export async function bindOwnCard(services: Services, account: AccountRow, card: CardAttrs, ip: string): Promise<string | null> {
  const problem = await bindingProblem(services, account, card);
  if (problem) return problem;
  await bindCardToAccount(services, { cardId: card.id, accountId: account.id, operation: 'bound', actor: { type: 'account', id: account.id, name: account.username }, ip });
  return null;
}

/** C1 解绑; `via` says how the card was shown (the route refuses without it): its session or a fresh proof. */
export async function unbindOwnCard(services: Services, account: AccountRow, ip: string, via: 'cardSession' | 'cardProof'): Promise<string | null> {
  const card = await services.db.models.Card.findOne({ where: { accountId: account.id } });
  if (!card) return 'card.notBound';
  await services.db.sequelize.transaction(async (transaction) => {
    await card.update({ accountId: null, boundAt: null }, { transaction });
    await recordCardOperation(services, { card, operation: 'unbound', actorType: 'account', actorId: account.id, accountId: account.id, details: { via } }, transaction);
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'card.unbound',
      entityType: 'account', entityId: account.id, details: { cardNo: card.cardNo, via }, ip,
    }, transaction);
    const row = (await services.db.models.Account.findByPk(account.id, { transaction }))!;
    await voidCardRealName(services, row, card.cardNo, 'unbound', { actor: { id: account.id, name: account.username }, ip }, transaction);
  });
  return null;
}

/** O3: the administrator registers an operator from the operator's own card (PIN typed by the operator). */
export async function createOperatorWithCard(
  services: Services,
  admin: AccountRow,
  card: CardAttrs,
  f: { username: string; mobile: string; email: string },
  ip: string,
): Promise<{ operator: ReturnType<typeof accountView> } | { errors: FieldErrors }> {
  const { Account, Enterprise, Card } = services.db.models;
  const enterprise = await Enterprise.findByPk(admin.enterpriseId!);
  if (!enterprise || enterprise.uscc !== card.uscc) return { errors: { card: 'card.otherEnterprise' } };
  if (card.cardType !== 'operator') return { errors: { card: 'card.wrongType' } };
  if (card.accountId) return { errors: { card: 'card.boundElsewhere' } };
  if (await Account.findOne({ where: { usernameKey: f.username.toLowerCase() } })) return { errors: { username: 'username.taken' } };
  if (await Account.findOne({ where: { enterpriseId: enterprise.id, idType: card.holderIdType, idNumberHash: card.holderIdHash } })) {
    return { errors: { card: 'idNumber.taken' } };
  }
  const passwordHash = await hashPassword(DEFAULT_OPERATOR_PASSWORD);
  try {
    const operator = await services.db.sequelize.transaction(async (transaction) => {
      const row = await Account.create({
        username: f.username, usernameKey: f.username.toLowerCase(), kind: 'operator', enterpriseId: enterprise.id,
        name: card.holderName, idType: card.holderIdType, idNumberEnc: '', idNumberHash: card.holderIdHash, idNumberMasked: card.holderIdMasked,
        idValidFrom: '', idValidTo: '', mobile: f.mobile, email: f.email, passwordHash, mustChangePassword: true, status: 'active',
        createdBy: `account:${admin.id}`, remark: `有卡操作员（卡号 ${card.cardNo}）`,
      }, { transaction });
      await recordAudit(services, {
        actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'operator.createdWithCard',
        entityType: 'account', entityId: row.id, details: { username: row.username, cardNo: card.cardNo }, ip,
      }, transaction);
      const cardRow = (await Card.findByPk(card.id, { transaction }))!;
      await bindCardToAccount(services, { cardId: cardRow.id, accountId: row.id, operation: 'bound', actor: { type: 'account', id: admin.id, name: admin.username }, ip }, transaction);
      return row;
    });
    return { operator: accountView(operator) };
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}

/** O5: an operator with a bound card is out of reach of an administrator without one. */
export async function operatorProtected(services: Services, admin: AccountRow, operator: AccountRow): Promise<boolean> {
  const { Card } = services.db.models;
  const operatorCard = await Card.findOne({ where: { accountId: operator.id } });
  if (!operatorCard) return false;
  return !(await Card.findOne({ where: { accountId: admin.id } }));
}
