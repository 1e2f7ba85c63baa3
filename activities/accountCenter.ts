// Account center (A1, A2, A3, A5, N6, N7): what each account type sees of itself, identity and
// information changes with their N6 consequences, the bound mobile and e-mail (applied by the
// changeMobile / changeEmail flows), the mobile-number login switch and the push to the national
// government service platform. Every change is audited with the names of the changed fields,
// never the values of identity numbers.
import crypto from 'node:crypto';
import { Op, Transaction, UniqueConstraintError } from 'sequelize';
import type { AccountAttrs, AccountRow, EnterpriseAttrs, EnterpriseRow, OverseasProfileAttrs } from '../db';
import { decryptText } from '../db/pii';
import type { EnterpriseInfoChangeInput, IdentityChangeInput, OverseasInfoChangeInput } from '../domain/accountCenter';
import { changedIdentifiers, MAX_IDENTIFIER_CHANGES, OVERSEAS_INFO_FIELDS } from '../domain/accountCenter';
import { validateMobile } from '../domain/accounts';
import type { FieldErrors } from '../domain/errors';
import { normalizeIdNumber, normalizeOrgCode, normalizeUscc } from '../domain/identifiers';
import { trimmed } from '../domain/input';
import { maskEmail, maskMobile } from '../domain/masking';
import { accountWithEnterprise } from './accounts';
import { recordAudit } from './audit';
import { cardMismatch } from './cards/binding';
import { recordCardOperation } from './cards/registry';
import { idNumberHash, sealIdNumber } from './identity';
import { openAccount } from './refusal';
import type { Services } from './services';

// ---------------------------------------------------------------- A1 the view

/** Who may change what: the portal shows the buttons from this, the routes enforce it. */
export async function capabilities(services: Services, account: AccountRow) {
  const enterpriseInfo = await enterpriseInfoTarget(services, account);
  return {
    // A migrated user corrects its own 账号信息 (002 §2.4); other operators go through their administrator (O4).
    identity: account.kind === 'admin' || account.kind === 'individual' || account.kind === 'department' || account.migrated,
    legalRep: account.kind === 'admin',
    enterpriseInfo: enterpriseInfo.ok,
    overseasInfo: account.kind === 'overseas',
    enterpriseSync: account.kind === 'admin',
  };
}

/** GET /api/account: the account, its enterprise, and what its type shows in the manual. */
export async function accountCenterView(services: Services, accountId: number) {
  const { Account, Card, OverseasProfile, AccountEnterprise } = services.db.models;
  const base = await accountWithEnterprise(services, accountId);
  const account = await Account.findByPk(accountId);
  if (!base || !account) return null;
  const card = await Card.findOne({ where: { accountId } });
  const profile = account.kind === 'overseas' ? await OverseasProfile.findByPk(accountId) : null;
  const target = await enterpriseInfoTarget(services, account);
  let enterpriseInfo: EnterpriseInfoChangeInput | null = null;
  if (target.ok && target.kind === 'declared') {
    const row = await AccountEnterprise.findByPk(accountId);
    enterpriseInfo = { uscc: row?.uscc ?? '', orgCode: row?.orgCode ?? '', name: row?.name ?? '', legalRepName: row?.legalRepName ?? '' };
  } else if (target.ok) {
    const e = target.enterprise;
    enterpriseInfo = { uscc: e.uscc, orgCode: e.orgCode, name: e.name, legalRepName: e.legalRepName };
  }
  return {
    ...base,
    realNameLevel: account.realNameLevel,
    realNameMethod: account.realNameMethod,
    migrated: account.migrated,
    mobileLogin: account.mobileLoginKey !== null,
    hasIdDocument: account.idNumberHash !== '',
    card: card ? { cardNo: card.cardNo, cardType: card.cardType, holderName: card.holderName } : null,
    overseas: profile
      ? Object.fromEntries((['country', 'regNo', ...OVERSEAS_INFO_FIELDS] as const).map((k) => [k, profile[k]]))
      : null,
    enterpriseInfo,
    can: await capabilities(services, account),
  };
}

// ---------------------------------------------------------------- N6 the change engine

export interface Consequences {
  /** Accounts whose real-name verification the change voids (realNameLevel → 'none'). */
  realNameVoided: Array<{ accountId: number; username: string; level: string }>;
  /** Cards whose holder identity no longer matches their account after the change: unbound. */
  cardsUnbound: Array<{ cardNo: string; accountId: number; username: string }>;
}

export type ChangeOutcome =
  | { ok: true; changed: string[]; consequences: Consequences }
  | { ok: false; errors: FieldErrors }
  | { ok: false; confirm: Consequences };

/** What one change does, worked out inside the transaction that applies it. */
export interface ChangePlan {
  changed: string[]; // field names, for the answer and the audit
  account?: Partial<AccountAttrs>; // patch of the target account
  enterprise?: { row: EnterpriseRow; patch: Partial<EnterpriseAttrs> };
  declared?: Partial<EnterpriseInfoChangeInput>; // an individual's enterprise information
  profile?: Partial<OverseasProfileAttrs>;
  voidRealNameOf: number[]; // accounts whose real-name verification rests on what changes
  recheckCardsOf: AccountRow[]; // accounts whose card is compared with the new identity
  /** Write and audit even when no field changed (a sync that found everything up to date). */
  always?: boolean;
}

export interface ChangeRequest {
  actor: AccountRow; // who asks (the audit's actor)
  target: AccountRow; // whose data changes
  confirm: boolean; // the user saw the consequences and agreed
  ip: string;
  action: string; // audit action
  /** Extra details for the audit row (e.g. the source of a sync). */
  auditDetails?: Record<string, unknown>;
  /** Run inside the caller's transaction (a change that is part of a larger one, O4). */
  transaction?: Transaction;
}

const noConsequences = (): Consequences => ({ realNameVoided: [], cardsUnbound: [] });
const hasConsequences = (c: Consequences) => c.realNameVoided.length > 0 || c.cardsUnbound.length > 0;

/**
 * One mechanism for every A2 change: plan (validation against the database, uniqueness), work
 * out the N6 consequences against the identity as it will be, refuse without confirmation when
 * there are any, else write the change, the voided levels, the unbound cards and the audit in
 * one transaction.
 */
export async function runChange(
  services: Services,
  req: ChangeRequest,
  plan: (transaction: Transaction, target: AccountRow) => Promise<ChangePlan | { errors: FieldErrors }>,
): Promise<ChangeOutcome> {
  const { Account, Enterprise, Card, AccountEnterprise, OverseasProfile } = services.db.models;
  const work = async (transaction: Transaction): Promise<ChangeOutcome> => {
    const target = await Account.findByPk(req.target.id, { transaction });
    if (!target) return { ok: false, errors: { _form: 'notFound' } };
    const p = await plan(transaction, target);
    if ('errors' in p) return { ok: false, errors: p.errors };
    if (p.changed.length === 0 && !p.always) return { ok: true, changed: [], consequences: noConsequences() };

    // The identity as it will be: the target's patch, the enterprise's patch.
    const nextAccount = (a: AccountRow) => (a.id === target.id ? { ...a.get({ plain: true }), ...p.account } : a.get({ plain: true }));
    const nextEnterprise = async (a: AccountRow) => {
      if (!a.enterpriseId) return null;
      if (p.enterprise && p.enterprise.row.id === a.enterpriseId) return { ...p.enterprise.row.get({ plain: true }), ...p.enterprise.patch };
      return (await Enterprise.findByPk(a.enterpriseId, { transaction }))?.get({ plain: true }) ?? null;
    };

    const consequences = noConsequences();
    const voidable = p.voidRealNameOf.length
      ? await Account.findAll({ where: { id: [...new Set(p.voidRealNameOf)], realNameLevel: { [Op.ne]: 'none' } }, transaction })
      : [];
    const voided: AccountRow[] = [];
    for (const a of voidable) {
      // A real name by IC card (N4) rests on the bound card, not on the typed identity: it stays
      // while that card still fits the identity as it will be.
      if (a.realNameMethod === 'icCard') {
        const card = await Card.findOne({ where: { accountId: a.id }, transaction });
        if (card && !cardMismatch(nextAccount(a), await nextEnterprise(a), card)) continue;
      }
      voided.push(a);
    }
    for (const a of voided) consequences.realNameVoided.push({ accountId: a.id, username: a.username, level: a.realNameLevel });
    const unbind = [];
    for (const a of p.recheckCardsOf) {
      const card = await Card.findOne({ where: { accountId: a.id }, transaction });
      if (card && cardMismatch(nextAccount(a), await nextEnterprise(a), card)) {
        unbind.push({ card, account: a });
        consequences.cardsUnbound.push({ cardNo: card.cardNo, accountId: a.id, username: a.username });
        // A real name by IC card (N4) rests on that card: it goes with it.
        if (a.realNameMethod === 'icCard' && !voided.some((v) => v.id === a.id)) {
          voided.push(a);
          consequences.realNameVoided.push({ accountId: a.id, username: a.username, level: a.realNameLevel });
        }
      }
    }
    if (hasConsequences(consequences) && !req.confirm) return { ok: false, confirm: consequences };

    if (p.account) await target.update(p.account, { transaction });
    if (p.enterprise) await p.enterprise.row.update(p.enterprise.patch, { transaction });
    if (p.declared) {
      const [row] = await AccountEnterprise.findOrCreate({ where: { accountId: target.id }, defaults: { accountId: target.id, uscc: '', orgCode: '', name: '', legalRepName: '' }, transaction });
      await row.update(p.declared, { transaction });
    }
    if (p.profile) await OverseasProfile.update(p.profile, { where: { accountId: target.id }, transaction });
    for (const a of voided) await a.update({ realNameLevel: 'none', realNameMethod: '' }, { transaction });
    for (const { card, account } of unbind) {
      await card.update({ accountId: null, boundAt: null }, { transaction });
      await recordCardOperation(services, {
        card, operation: 'unbound', actorType: 'account', actorId: req.actor.id, accountId: account.id,
        details: { reason: 'identityChanged', fields: p.changed },
      }, transaction);
    }
    await recordAudit(services, {
      actorType: 'account', actorId: req.actor.id, actorName: req.actor.username, action: req.action,
      entityType: p.enterprise ? 'enterprise' : 'account', entityId: p.enterprise ? p.enterprise.row.id : target.id,
      details: {
        ...req.auditDetails,
        account: target.username,
        fields: p.changed,
        realNameVoided: consequences.realNameVoided.map((v) => v.username),
        cardsUnbound: consequences.cardsUnbound.map((c) => c.cardNo),
      },
      ip: req.ip,
    }, transaction);
    return { ok: true, changed: p.changed, consequences };
  };
  try {
    return req.transaction ? await work(req.transaction) : await services.db.sequelize.transaction(work);
  } catch (err) {
    if (err instanceof UniqueConstraintError) {
      const text = `${err.message} ${JSON.stringify((err as { parent?: { message?: string } }).parent?.message ?? '')} ${Object.keys(err.fields ?? {}).join(',')}`;
      if (/idNumberHash|accounts_identity_in_enterprise/.test(text)) return { ok: false, errors: { idNumber: 'idNumber.takenInEnterprise' } };
      if (/uscc|enterprises_uscc/.test(text)) return { ok: false, errors: { uscc: 'uscc.taken' } };
      return { ok: false, errors: { _form: 'conflict' } };
    }
    throw err;
  }
}

/** A person's identity as a form gives it; a blank number keeps the one on file (same type). */
interface PersonFields {
  name: string;
  idType: string;
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
}

interface PersonOnFile {
  name: string;
  idType: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  idValidFrom: string;
  idValidTo: string;
}

/** The stored form of a person after a change, and which of its fields changed. */
function personChange(services: Services, before: PersonOnFile, f: PersonFields) {
  const name = f.name.trim();
  const number = trimmed(f.idNumber);
  const sealed = number ? sealIdNumber(services.keys, f.idType, normalizeIdNumber(number)) : null;
  const after: PersonOnFile = {
    name,
    idType: f.idType,
    idNumberEnc: sealed ? sealed.enc : before.idNumberEnc,
    idNumberHash: sealed ? sealed.hash : before.idNumberHash,
    idNumberMasked: sealed ? sealed.masked : before.idNumberMasked,
    idValidFrom: trimmed(f.idValidFrom),
    idValidTo: trimmed(f.idValidTo),
  };
  const changed: string[] = [];
  if (after.name !== before.name) changed.push('name');
  if (after.idType !== before.idType) changed.push('idType');
  if (after.idNumberHash !== before.idNumberHash) changed.push('idNumber');
  if (after.idValidFrom !== before.idValidFrom) changed.push('idValidFrom');
  if (after.idValidTo !== before.idValidTo) changed.push('idValidTo');
  return { after, changed };
}

/**
 * A2 / N6: name, ID type, ID number and validity of an account's owner. An administrator, an
 * individual, a department user or a migrated user (002 §2.4) changes its own; an administrator
 * may use it for its operators (O4). The ID number stays unique inside the enterprise (002 §2.4) and, for individuals, among
 * individuals; any change voids the real-name level and drops a card that no longer fits.
 */
export async function changeAccountIdentity(
  services: Services,
  input: { actor: AccountRow; target?: AccountRow; fields: IdentityChangeInput; confirm: boolean; ip: string; transaction?: Transaction },
): Promise<ChangeOutcome> {
  const { Account } = services.db.models;
  const targetRow = input.target ?? input.actor;
  const req = { actor: input.actor, target: targetRow, confirm: input.confirm, ip: input.ip, action: 'account.identityChanged', transaction: input.transaction };
  return runChange(services, req, async (transaction, target) => {
    const { after, changed } = personChange(services, target, input.fields);
    if (changed.includes('idType') || changed.includes('idNumber')) {
      const scope = target.enterpriseId ? { enterpriseId: target.enterpriseId } : { kind: target.kind, enterpriseId: null };
      const clash = await Account.findOne({ where: { ...scope, idType: after.idType, idNumberHash: after.idNumberHash, id: { [Op.ne]: target.id } }, transaction });
      if (clash) return { errors: { idNumber: target.enterpriseId ? 'idNumber.takenInEnterprise' : 'idNumber.taken' } };
    }
    return { changed, account: after, voidRealNameOf: [target.id], recheckCardsOf: [target] };
  });
}

/** The enterprise's administrator, the holder of the enterprise's real-name verification. */
async function adminOf(services: Services, enterpriseId: number, transaction: Transaction) {
  return services.db.models.Account.findOne({ where: { adminOf: enterpriseId }, transaction });
}

/**
 * A2: the administrator changes the enterprise's legal representative. The enterprise's real-name
 * verification (held by the administrator) is void; a legal-person card of the old legal
 * representative no longer fits the administrator.
 */
export async function changeLegalRepresentative(
  services: Services,
  input: { actor: AccountRow; fields: PersonFields; confirm: boolean; ip: string },
): Promise<ChangeOutcome> {
  const { Enterprise } = services.db.models;
  return runChange(services, { actor: input.actor, target: input.actor, confirm: input.confirm, ip: input.ip, action: 'enterprise.legalRepChanged' }, async (transaction, admin) => {
    const row = await Enterprise.findByPk(admin.enterpriseId!, { transaction });
    if (!row) return { errors: { _form: 'notFound' } };
    const before: PersonOnFile = {
      name: row.legalRepName, idType: row.legalRepIdType, idNumberEnc: row.legalRepIdNumberEnc, idNumberHash: row.legalRepIdNumberHash,
      idNumberMasked: row.legalRepIdNumberMasked, idValidFrom: row.legalRepIdValidFrom, idValidTo: row.legalRepIdValidTo,
    };
    const { after, changed } = personChange(services, before, input.fields);
    return {
      changed: changed.map((k) => `legalRep${k.charAt(0).toUpperCase()}${k.slice(1)}`),
      enterprise: {
        row,
        patch: {
          legalRepName: after.name, legalRepIdType: after.idType, legalRepIdNumberEnc: after.idNumberEnc, legalRepIdNumberHash: after.idNumberHash,
          legalRepIdNumberMasked: after.idNumberMasked, legalRepIdValidFrom: after.idValidFrom, legalRepIdValidTo: after.idValidTo,
        },
      },
      voidRealNameOf: [admin.id],
      recheckCardsOf: [admin],
    };
  });
}

/**
 * Where an account's "enterprise information" lives: an individual declares its own (the record
 * 002 §3.1 compares with the administrator's); a migrated user corrects the enterprise that came
 * with the migration, until the enterprise has an administrator of its own (who then keeps it).
 */
export async function enterpriseInfoTarget(
  services: Services,
  account: AccountRow,
  transaction?: Transaction,
): Promise<{ ok: true; kind: 'declared' } | { ok: true; kind: 'enterprise'; enterprise: EnterpriseRow } | { ok: false; code: string }> {
  if (account.kind === 'individual') return { ok: true, kind: 'declared' };
  if (!account.migrated || !account.enterpriseId) return { ok: false, code: 'forbidden' };
  const enterprise = await services.db.models.Enterprise.findByPk(account.enterpriseId, { transaction });
  if (!enterprise) return { ok: false, code: 'forbidden' };
  const admin = await adminOf(services, enterprise.id, transaction as Transaction);
  if (admin && !admin.migrated && admin.id !== account.id) return { ok: false, code: 'enterpriseInfo.managedByAdmin' };
  return { ok: true, kind: 'enterprise', enterprise };
}

/**
 * A2 / N7 用户企业信息修改: USCC, organization code (filled from the USCC), name and legal
 * representative's name; at most two of the three identifiers per change (the caller validated
 * the form). For a migrated enterprise the change voids the enterprise's real-name verification
 * (administrator and the changing account) and drops cards of another USCC or legal representative.
 */
export async function changeEnterpriseInfo(
  services: Services,
  input: { actor: AccountRow; fields: EnterpriseInfoChangeInput; confirm: boolean; ip: string },
): Promise<ChangeOutcome> {
  const { Enterprise, Account, AccountEnterprise } = services.db.models;
  const next = {
    uscc: normalizeUscc(input.fields.uscc),
    orgCode: normalizeOrgCode(input.fields.orgCode),
    name: input.fields.name.trim(),
    legalRepName: input.fields.legalRepName.trim(),
  };
  const diff = (before: EnterpriseInfoChangeInput) => (['uscc', 'orgCode', 'name', 'legalRepName'] as const).filter((k) => before[k] !== next[k]);
  // The rule of 002 §2.3, against the record as it is inside the transaction.
  const tooMany = (before: EnterpriseInfoChangeInput): FieldErrors | null => {
    const changed = changedIdentifiers(before, next);
    return changed.length > MAX_IDENTIFIER_CHANGES ? Object.fromEntries(changed.map((k) => [k, 'enterpriseInfo.tooManyChanges'])) : null;
  };
  return runChange(services, { actor: input.actor, target: input.actor, confirm: input.confirm, ip: input.ip, action: 'account.enterpriseInfoChanged' }, async (transaction, account) => {
    const target = await enterpriseInfoTarget(services, account, transaction);
    if (!target.ok) return { errors: { _form: target.code } };
    if (target.kind === 'declared') {
      const row = await AccountEnterprise.findByPk(account.id, { transaction });
      const before = { uscc: row?.uscc ?? '', orgCode: row?.orgCode ?? '', name: row?.name ?? '', legalRepName: row?.legalRepName ?? '' };
      const refused = tooMany(before);
      if (refused) return { errors: refused };
      return { changed: diff(before), declared: next, voidRealNameOf: [], recheckCardsOf: [] };
    }
    const row = target.enterprise;
    const refused = tooMany(row);
    if (refused) return { errors: refused };
    const changed = diff(row);
    if (changed.includes('uscc') && (await Enterprise.findOne({ where: { uscc: next.uscc, id: { [Op.ne]: row.id } }, transaction }))) {
      return { errors: { uscc: 'uscc.taken' } };
    }
    const admin = await adminOf(services, row.id, transaction);
    const members = await Account.findAll({ where: { enterpriseId: row.id }, transaction });
    return {
      changed,
      enterprise: { row, patch: next },
      voidRealNameOf: [account.id, ...(admin ? [admin.id] : [])],
      recheckCardsOf: members,
    };
  });
}

/** A2 信息变更 of an overseas user; the account is named after its contact (a name change, N6). */
export async function changeOverseasInfo(
  services: Services,
  input: { actor: AccountRow; fields: OverseasInfoChangeInput; confirm: boolean; ip: string },
): Promise<ChangeOutcome> {
  const { OverseasProfile } = services.db.models;
  return runChange(services, { actor: input.actor, target: input.actor, confirm: input.confirm, ip: input.ip, action: 'overseas.infoChanged' }, async (transaction, account) => {
    const profile = await OverseasProfile.findByPk(account.id, { transaction });
    if (!profile) return { errors: { _form: 'notFound' } };
    const patch = Object.fromEntries(OVERSEAS_INFO_FIELDS.map((k) => [k, input.fields[k].trim()])) as Partial<OverseasProfileAttrs>;
    const changed = OVERSEAS_INFO_FIELDS.filter((k) => profile[k] !== patch[k]);
    return {
      changed,
      profile: patch,
      account: changed.includes('contact') ? { name: patch.contact } : undefined,
      voidRealNameOf: changed.includes('contact') ? [account.id] : [],
      recheckCardsOf: [account],
    };
  });
}

/** 补充所在国家(地区)注册编号: once, when registration left it empty; never changed afterwards. */
export async function fillOverseasRegNo(services: Services, input: { actor: AccountRow; regNo: string; ip: string }): Promise<string | null> {
  const { OverseasProfile } = services.db.models;
  return services.db.sequelize.transaction(async (transaction) => {
    // The condition on the empty value makes the fill atomic: a second one updates no row.
    const [updated] = await OverseasProfile.update({ regNo: input.regNo.trim() }, { where: { accountId: input.actor.id, regNo: '' }, transaction });
    if (updated !== 1) return (await OverseasProfile.findByPk(input.actor.id, { transaction })) ? 'regNo.alreadyFilled' : 'forbidden';
    await recordAudit(services, {
      actorType: 'account', actorId: input.actor.id, actorName: input.actor.username, action: 'overseas.regNoFilled',
      entityType: 'account', entityId: input.actor.id, details: { fields: ['regNo'] }, ip: input.ip,
    }, transaction);
    return null;
  });
}

// ---------------------------------------------------------------- A3 mobile and e-mail (flows)

/** The "更换验证方式" check: the ID type and number on file. */
export async function checkAccountIdDocument(services: Services, input: { accountId: number; idType: string; idNumber: string }): Promise<string | null> {
  const account = await openAccount(services, input.accountId); // deleted or disabled meanwhile: the flow ends
  if (!account.idNumberHash) return 'idCheck.unavailable';
  const matches = account.idType === input.idType && idNumberHash(services.keys, input.idType, input.idNumber) === account.idNumberHash;
  return matches ? null : 'idCheck.mismatch';
}

/**
 * Binds a new mobile. Mobile-number login follows the mobile when the new one was proven by an
 * SMS code and no other account logs in with it; otherwise the switch goes off. Idempotent.
 */
export async function applyMobileChange(
  services: Services,
  input: { flowId: string; accountId: number; mobile: string; verifiedBy: 'sms' | 'id'; ip: string },
): Promise<{ error: string } | { mobileLogin: boolean }> {
  const { Account, AuditEvent } = services.db.models;
  return services.db.sequelize.transaction(async (transaction) => {
    const account = await openAccount(services, input.accountId, transaction);
    if (await AuditEvent.findOne({ where: { flowId: input.flowId, action: 'account.mobileChanged' }, transaction })) {
      return { mobileLogin: account.mobileLoginKey !== null }; // a retried activity
    }
    if (account.mobile === input.mobile) return { error: 'mobile.same' };
    const wasOn = account.mobileLoginKey !== null;
    let keep = wasOn && input.verifiedBy === 'sms';
    if (keep && (await Account.findOne({ where: { mobileLoginKey: input.mobile, id: { [Op.ne]: account.id } }, transaction }))) keep = false;
    await account.update({ mobile: input.mobile, mobileLoginKey: keep ? input.mobile : null }, { transaction });
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'account.mobileChanged',
      entityType: 'account', entityId: account.id,
      details: { fields: ['mobile'], verifiedBy: input.verifiedBy, mobile: maskMobile(input.mobile), mobileLoginOff: wasOn && !keep },
      ip: input.ip, flowId: input.flowId,
    }, transaction);
    return { mobileLogin: keep };
  });
}

/** Binds a new e-mail address proven by its code. Idempotent. */
export async function applyEmailChange(services: Services, input: { flowId: string; accountId: number; email: string; ip: string }): Promise<{ error: string } | { ok: true }> {
  const { AuditEvent } = services.db.models;
  return services.db.sequelize.transaction(async (transaction) => {
    const account = await openAccount(services, input.accountId, transaction);
    if (await AuditEvent.findOne({ where: { flowId: input.flowId, action: 'account.emailChanged' }, transaction })) return { ok: true as const };
    if (account.email.toLowerCase() === input.email.toLowerCase()) return { error: 'email.same' };
    await account.update({ email: input.email }, { transaction });
    await recordAudit(services, {
      actorType: 'account', actorId: account.id, actorName: account.username, action: 'account.emailChanged',
      entityType: 'account', entityId: account.id, details: { fields: ['email'], email: maskEmail(input.email) }, ip: input.ip, flowId: input.flowId,
    }, transaction);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- A5 account settings

/** 手机号登录开关: one account per mobile (the unique mobileLoginKey). */
export async function setMobileLogin(services: Services, input: { actor: AccountRow; enabled: boolean; ip: string }): Promise<string | null> {
  const { Account } = services.db.models;
  const account = input.actor;
  if (input.enabled && validateMobile(account.mobile)) return 'mobileLogin.noMobile';
  const key = input.enabled ? account.mobile : null;
  if (account.mobileLoginKey === key) return null;
  if (key && (await Account.findOne({ where: { mobileLoginKey: key, id: { [Op.ne]: account.id } } }))) return 'mobileLogin.taken';
  try {
    await services.db.sequelize.transaction(async (transaction) => {
      await Account.update({ mobileLoginKey: key }, { where: { id: account.id }, transaction });
      await recordAudit(services, {
        actorType: 'account', actorId: account.id, actorName: account.username, action: input.enabled ? 'account.mobileLoginOn' : 'account.mobileLoginOff',
        entityType: 'account', entityId: account.id, details: { fields: ['mobileLogin'], mobile: maskMobile(account.mobile) }, ip: input.ip,
      }, transaction);
    });
  } catch (err) {
    if (err instanceof UniqueConstraintError) return 'mobileLogin.taken';
    throw err;
  }
  return null;
}

/** 信息同步: the account's identity to the national government service platform. */
export async function pushToGovPlatform(services: Services, input: { actor: AccountRow; ip: string }) {
  const a = input.actor;
  const enterprise = a.enterpriseId ? await services.db.models.Enterprise.findByPk(a.enterpriseId) : null;
  const receipt = await services.govPlatform.push({
    pushKey: `gov:${a.id}:${crypto.randomUUID()}`,
    accountRef: a.username,
    kind: a.kind,
    name: a.name,
    idType: a.idType,
    idNumber: a.idNumberEnc ? decryptText(services.keys, a.idNumberEnc) : '',
    mobile: a.mobile,
    email: a.email,
    realNameLevel: a.realNameLevel,
    enterprise: enterprise ? { uscc: enterprise.uscc, orgCode: enterprise.orgCode, name: enterprise.name, legalRepName: enterprise.legalRepName } : null,
  });
  await recordAudit(services, {
    actorType: 'account', actorId: a.id, actorName: a.username, action: 'account.govSynced',
    entityType: 'account', entityId: a.id, details: { receiptNo: receipt.receiptNo, fields: ['name', 'idType', 'idNumber', 'mobile', 'email', ...(enterprise ? ['enterprise'] : [])] }, ip: input.ip,
  });
  return receipt;
}
