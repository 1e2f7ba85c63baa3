// Card login (L3) and the rules of 000 "账号激活" (R6) for a card whose possession was proven:
//  1. legal-person card, no administrator      → register (inactive <cardNo>_ADMIN, or the R7 form)
//  2. legal-person card, administrator exists  → bind to it after the user confirms the takeover
//  3. operator card, no administrator          → register: inactive <cardNo>_ADMIN + operator
//  4. operator card, administrator exists      → bind the operator with the same identity, else register one
import type { Transaction } from 'sequelize';
import { Op, UniqueConstraintError } from 'sequelize';
import { orgCodeFromUscc } from '../../domain/identifiers';
import type { FieldErrors } from '../../domain/errors';
import type { AccountRow, CardRow } from '../../db';
import { recordLogin } from '../accounts';
import { recordAudit } from '../audit';
import { sealIdNumber } from '../identity';
import { endSessionsOf } from '../accounts';
import { UNUSABLE_PASSWORD_HASH } from '../passwords';
import { registryEnded } from '../adapters/registry';
import { openAccount, refuse } from '../refusal';
import { uniqueViolation } from '../registration';
import type { Services } from '../services';
import { grantCardRealName, voidCardRealName } from './realName';
import { recordCardOperation } from './registry';

export type CardLoginPlan =
  | { action: 'login'; accountId: number }
  | { action: 'bind'; accountId: number }
  | { action: 'confirmTakeover'; accountId: number; adminUsername: string }
  | { action: 'register'; rule: 1 | 3 | 4; kind: 'admin' | 'operator' };

export async function planCardLogin(services: Services, cardId: number): Promise<CardLoginPlan> {
  const { Card, Enterprise, Account } = services.db.models;
  const card = (await Card.findByPk(cardId))!;
  if (card.accountId) return { action: 'login', accountId: card.accountId };
  const enterprise = await Enterprise.findOne({ where: { uscc: card.uscc } });
  const admin = enterprise ? await Account.findOne({ where: { adminOf: enterprise.id } }) : null;
  if (card.cardType === 'legal') {
    if (!admin) return { action: 'register', rule: 1, kind: 'admin' };
    return { action: 'confirmTakeover', accountId: admin.id, adminUsername: admin.username };
  }
  if (!admin) return { action: 'register', rule: 3, kind: 'operator' };
  const same = await Account.findOne({
    where: { enterpriseId: enterprise!.id, kind: 'operator', idType: card.holderIdType, idNumberHash: card.holderIdHash },
  });
  return same ? { action: 'bind', accountId: same.id } : { action: 'register', rule: 4, kind: 'operator' };
}

/**
 * Rule 2 (被冒用): the legal person's card overwrites the account, so whoever held it before is
 * out — every session ends, the password is void (the card holder sets one by A4 activation), and
 * the earlier holder's ways back in go: mobile login, the bound mobile and e-mail, and the owner
 * identity that recovery checks (the card holder's replaces it, or none if another account of the
 * enterprise already has that identity).
 */
async function endEarlierHolder(
  services: Services, account: AccountRow, card: CardRow, ctx: { actor: { id: string | number; name: string }; ip: string; flowId?: string }, transaction: Transaction,
) {
  const { Account, Session } = services.db.models;
  const sessionsEnded = await Session.count({ where: { subjectType: 'account', subjectId: account.id }, transaction });
  await endSessionsOf(services, account.id, transaction);
  const clash = await Account.findOne({
    where: { enterpriseId: account.enterpriseId, idType: card.holderIdType, idNumberHash: card.holderIdHash, id: { [Op.ne]: account.id } }, transaction,
  });
  const owner = clash ? { name: '', idType: '', hash: '', masked: '' } : { name: card.holderName, idType: card.holderIdType, hash: card.holderIdHash, masked: card.holderIdMasked };
  await account.update({
    passwordHash: UNUSABLE_PASSWORD_HASH, passwordChangedAt: new Date(), mustChangePassword: false,
    status: account.status === 'disabled' ? 'disabled' : 'inactive', mobile: '', email: '', mobileLoginKey: null,
    name: owner.name, idType: owner.idType, idNumberEnc: '', idNumberHash: owner.hash, idNumberMasked: owner.masked, idValidFrom: '', idValidTo: '',
  }, { transaction });
  await recordAudit(services, {
    actorType: 'account', actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'account.takenOver',
    entityType: 'account', entityId: account.id,
    details: {
      cardNo: card.cardNo, username: account.username, sessionsEnded, passwordVoided: true,
      cleared: ['mobile', 'email', 'mobileLogin', 'identity'], identity: clash ? 'none' : 'cardHolder',
    },
    ip: ctx.ip, flowId: ctx.flowId,
  }, transaction);
}

/**
 * Binds a card to an account (a card replaced by a new one is unbound); a takeover (rule 2) also
 * ends the earlier holder's hold on the account, and a card that fits gives IC-card real name (N4).
 * Idempotent.
 */
export async function bindCardToAccount(
  services: Services,
  input: { cardId: number; accountId: number; operation: 'bound' | 'takeover'; actor: { type: 'account' | 'flow'; id: string | number; name: string }; ip: string; flowId?: string },
  outer?: Transaction,
): Promise<void> {
  const run = async (transaction: Transaction) => {
    const { Card } = services.db.models;
    const card = (await Card.findByPk(input.cardId, { transaction }))!;
    if (card.accountId === input.accountId) return;
    // The account planned at 'present' may have been deleted or disabled since: the flow ends.
    const account = await openAccount(services, input.accountId, transaction);
    const previous = await Card.findOne({ where: { accountId: account.id }, transaction });
    const ctx = { actor: input.actor, ip: input.ip, flowId: input.flowId };
    if (previous) {
      await previous.update({ accountId: null, boundAt: null }, { transaction });
      await recordCardOperation(services, { card: previous, operation: 'unbound', actorType: input.actor.type, actorId: input.actor.id, accountId: account.id, details: { replacedBy: card.cardNo } }, transaction);
      await voidCardRealName(services, account, previous.cardNo, 'replaced', ctx, transaction);
    }
    await card.update({ accountId: account.id, boundAt: new Date() }, { transaction });
    await recordCardOperation(services, { card, operation: input.operation, actorType: input.actor.type, actorId: input.actor.id, accountId: account.id }, transaction);
    await recordAudit(services, {
      actorType: input.actor.type === 'flow' ? 'account' : 'account', actorId: input.actor.id, actorName: input.actor.name,
      action: input.operation === 'takeover' ? 'card.takeover' : 'card.bound', entityType: 'account', entityId: account.id,
      details: { cardNo: card.cardNo, username: account.username }, ip: input.ip, flowId: input.flowId,
    }, transaction);
    if (input.operation === 'takeover') await endEarlierHolder(services, account, card, ctx, transaction);
    await grantCardRealName(services, account, card.get({ plain: true }), ctx, transaction);
  };
  if (outer) await run(outer);
  else await services.db.sequelize.transaction(run);
}

export async function recordCardLogin(services: Services, input: { flowId: string; cardId: number; accountId: number; ip: string }) {
  const { Card, CardOperation } = services.db.models;
  if (await CardOperation.findOne({ where: { opKey: `${input.flowId}:login` } })) return;
  const card = (await Card.findByPk(input.cardId))!;
  const account = await openAccount(services, input.accountId); // no card login into a deleted or disabled account
  await services.db.sequelize.transaction(async (transaction) => {
    await recordCardOperation(services, { card, operation: 'login', actorType: 'account', actorId: account.id, accountId: account.id, opKey: `${input.flowId}:login` }, transaction);
    await recordLogin(account, transaction);
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'login.card',
      entityType: 'account', entityId: account.id, details: { cardNo: card.cardNo }, ip: input.ip, flowId: input.flowId,
    }, transaction);
  });
}

/** The enterprise of a card, created from the registry (or the certificate) when it is new. */
async function enterpriseForCard(services: Services, card: CardRow, transaction: Transaction) {
  const { Enterprise } = services.db.models;
  const existing = await Enterprise.findOne({ where: { uscc: card.uscc }, transaction });
  if (existing) return existing;
  const entry = await services.registry.lookup(card.uscc);
  // A card of an enterprise the registry lists as cancelled (注销, 吊销, 撤销) opens no new accounts.
  if (entry && registryEnded(entry)) refuse('registry.cancelled', { field: 'card', endsFlow: true });
  const rep = entry ? sealIdNumber(services.keys, entry.legalRepIdType, entry.legalRepIdNumber) : null;
  return Enterprise.create({
    uscc: card.uscc,
    orgCode: entry?.orgCode ?? orgCodeFromUscc(card.uscc),
    name: entry?.name ?? card.enterpriseName,
    kind: card.uscc.startsWith('1') ? 'institution' : 'enterprise',
    legalRepName: entry?.legalRepName ?? (card.cardType === 'legal' ? card.holderName : ''),
    legalRepIdType: entry?.legalRepIdType ?? (card.cardType === 'legal' ? card.holderIdType : ''),
    legalRepIdNumberEnc: rep?.enc ?? '',
    legalRepIdNumberHash: rep?.hash ?? (card.cardType === 'legal' ? card.holderIdHash : ''),
    legalRepIdNumberMasked: rep?.masked ?? (card.cardType === 'legal' ? card.holderIdMasked : ''),
    legalRepIdValidFrom: '',
    legalRepIdValidTo: '',
  }, { transaction });
}

export interface CardRegistrationForm {
  username: string;
  passwordHash: string;
  mobile: string;
  email: string;
}

/**
 * Creates the accounts a card login needs (rules 1, 3, 4), bound to the card. Without a form they
 * are the inactive `<cardNo>_ADMIN` / `<cardNo>` accounts of 000; with the R7 form the card holder's
 * account gets the chosen username and password and is active at once. Idempotent per flow.
 */
export async function createCardAccounts(
  services: Services,
  input: { flowId: string; cardId: number; form?: CardRegistrationForm; ip: string },
): Promise<{ accountId: number } | { errors: FieldErrors }> {
  const { Card, Account } = services.db.models;
  const createdBy = `flow:${input.flowId}`;
  const card = (await Card.findByPk(input.cardId))!;
  if (card.accountId) return { accountId: card.accountId };
  if (input.form && (await Account.findOne({ where: { usernameKey: input.form.username.toLowerCase() } }))) {
    return { errors: { username: 'username.taken' } };
  }
  try {
    return await services.db.sequelize.transaction(async (transaction) => {
      const enterprise = await enterpriseForCard(services, card, transaction);
      let admin = await Account.findOne({ where: { adminOf: enterprise.id }, transaction });
      const holder = {
        name: card.holderName, idType: card.holderIdType, idNumberEnc: '', idNumberHash: card.holderIdHash, idNumberMasked: card.holderIdMasked,
        idValidFrom: '', idValidTo: '', email: input.form?.email ?? '', remark: `由${card.cardType === 'legal' ? '法人卡' : '操作员卡'} ${card.cardNo} 登录自动创建`,
      };
      const accountFor = (kind: 'admin' | 'operator', own: boolean) => {
        const form = own ? input.form : undefined;
        const username = form?.username ?? (kind === 'admin' ? `${card.cardNo}_ADMIN` : card.cardNo);
        return {
          username, usernameKey: username.toLowerCase(), kind, enterpriseId: enterprise.id, adminOf: kind === 'admin' ? enterprise.id : null,
          // Without the form: no usable password until A4 activation (so `<cardNo>_ADMIN` cannot be probed).
          mobile: form?.mobile ?? '', passwordHash: form?.passwordHash ?? UNUSABLE_PASSWORD_HASH, mustChangePassword: false,
          status: form ? ('active' as const) : ('inactive' as const), passwordChangedAt: form ? new Date() : null, createdBy,
        };
      };
      let holderAccount: AccountRow;
      if (card.cardType === 'legal') {
        // The enterprise got an administrator since 'present' (rule 2 applies now): this flow cannot
        // go on; a new card login offers the takeover.
        if (admin) refuse('enterprise.hasAdmin', { field: 'card', endsFlow: true });
        holderAccount = admin = await Account.create({ ...holder, ...accountFor('admin', true) }, { transaction });
      } else {
        if (!admin) {
          // Rule 3: the enterprise gets an administrator too, inactive, of nobody's identity yet.
          admin = await Account.create({
            name: '', idType: '', idNumberEnc: '', idNumberHash: '', idNumberMasked: '', idValidFrom: '', idValidTo: '', email: '',
            remark: `由操作员卡 ${card.cardNo} 登录自动创建`, ...accountFor('admin', false),
          }, { transaction });
        }
        holderAccount = await Account.create({ ...holder, ...accountFor('operator', true) }, { transaction });
      }
      for (const created of new Set([admin, holderAccount])) {
        await recordAudit(services, {
          actorType: 'account', actorId: holderAccount.id, actorName: holderAccount.username, action: 'account.createdByCard',
          entityType: 'account', entityId: created.id,
          details: { username: created.username, kind: created.kind, cardNo: card.cardNo, status: created.status }, ip: input.ip, flowId: input.flowId,
        }, transaction);
      }
      await bindCardToAccount(services, {
        cardId: card.id, accountId: holderAccount.id, operation: 'bound',
        actor: { type: 'account', id: holderAccount.id, name: holderAccount.username }, ip: input.ip, flowId: input.flowId,
      }, transaction);
      return { accountId: holderAccount.id };
    });
  } catch (err) {
    if (err instanceof UniqueConstraintError) return { errors: uniqueViolation(err) };
    throw err;
  }
}
