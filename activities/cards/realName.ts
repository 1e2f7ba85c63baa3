// N4 (000 §3.6.2 "如果本操作员已经绑卡，自动完成IC卡实名认证"): a bound card whose holder matches
// the account completes IC-card real name, level high, at once; losing that card (unbinding, a
// replacement that does not fit) voids a level that rested on it. N6 voids it on identity changes.
import type { Transaction } from 'sequelize';
import type { AccountRow, CardAttrs } from '../../db';
import { recordAudit } from '../audit';
import type { Services } from '../services';
import { cardMismatch } from './fit';

export const IC_CARD_METHOD = 'icCard' as const;

interface Context {
  actor: { id: string | number; name: string };
  ip: string;
  flowId?: string;
}

/** Sets real name high by IC card when the bound card fits the account; true when it changed. */
export async function grantCardRealName(services: Services, account: AccountRow, card: CardAttrs, ctx: Context, transaction: Transaction): Promise<boolean> {
  if (account.realNameLevel === 'high') return false; // already high (by this card or a stronger proof)
  const enterprise = account.enterpriseId ? await services.db.models.Enterprise.findByPk(account.enterpriseId, { transaction }) : null;
  if (cardMismatch(account, enterprise, card)) return false;
  const before = account.realNameLevel;
  await account.update({ realNameLevel: 'high', realNameMethod: IC_CARD_METHOD }, { transaction });
  await recordAudit(services, {
    actorType: 'account', actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'realName.verified',
    entityType: 'account', entityId: account.id, details: { level: 'high', before, method: IC_CARD_METHOD, cardNo: card.cardNo }, ip: ctx.ip, flowId: ctx.flowId,
  }, transaction);
  return true;
}

/** Voids a real-name level that rested on a card the account no longer has; true when it changed. */
export async function voidCardRealName(
  services: Services, account: AccountRow, cardNo: string, reason: string, ctx: Context, transaction: Transaction,
): Promise<boolean> {
  if (account.realNameMethod !== IC_CARD_METHOD) return false;
  const before = account.realNameLevel;
  await account.update({ realNameLevel: 'none', realNameMethod: '' }, { transaction });
  await recordAudit(services, {
    actorType: 'account', actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'realName.voided',
    entityType: 'account', entityId: account.id, details: { before, method: IC_CARD_METHOD, cardNo, reason }, ip: ctx.ip, flowId: ctx.flowId,
  }, transaction);
  return true;
}
