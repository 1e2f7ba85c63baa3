// U1, U4, U5 username recovery: the accounts behind a proven mobile (and enterprise), identity
// checks against the legal representative, the administrator or the account itself, and the codes
// to two operators' mobiles (U1). Nothing here tells a caller whether an account exists: the
// workflow only learns usernames after every proof passed.
import crypto from 'node:crypto';
import { Op } from 'sequelize';
import { maskMobile } from '../domain/masking';
import { SimulatedBankCard } from './adapters/bankCard';
import { recordAudit } from './audit';
import { checkCode, issueCode } from './codes';
import { idNumberHash } from './identity';
import type { Services } from './services';

export type UsernameRecoveryVariant = 'admin' | 'operator' | 'individual';

export interface UsernameRecoveryTarget {
  enterpriseId: number | null;
  accountIds: number[]; // admin: the administrator; operator: operators with this mobile; individual: individuals with it
  mobileBound: boolean; // the typed mobile is the one bound to the account(s)
  operators: { accountId: number; label: string }[]; // U1: the first two operators with a mobile (masked names)
}

const maskName = (name: string) => (name.length <= 1 ? '*' : `${'*'.repeat(name.length - 1)}${name.slice(-1)}`);

export async function findUsernameRecoveryTarget(
  services: Services,
  input: { variant: UsernameRecoveryVariant; mobile: string; enterpriseName?: string; orgCode?: string },
): Promise<UsernameRecoveryTarget> {
  const { Account, Enterprise } = services.db.models;
  if (input.variant === 'individual') {
    const rows = await Account.findAll({ where: { kind: 'individual', mobile: input.mobile, status: { [Op.ne]: 'disabled' } }, order: [['id', 'ASC']] });
    return { enterpriseId: null, accountIds: rows.map((r) => r.id), mobileBound: rows.length > 0, operators: [] };
  }
  const enterprise = await Enterprise.findOne({ where: { orgCode: String(input.orgCode ?? '').toUpperCase() } });
  if (!enterprise || enterprise.name !== String(input.enterpriseName ?? '').trim()) return { enterpriseId: null, accountIds: [], mobileBound: false, operators: [] };
  if (input.variant === 'operator') {
    const rows = await Account.findAll({ where: { enterpriseId: enterprise.id, kind: 'operator', mobile: input.mobile, status: { [Op.ne]: 'disabled' } }, order: [['id', 'ASC']] });
    return { enterpriseId: enterprise.id, accountIds: rows.map((r) => r.id), mobileBound: rows.length > 0, operators: [] };
  }
  const admin = await Account.findOne({ where: { enterpriseId: enterprise.id, kind: 'admin' } });
  const operators = await Account.findAll({ where: { enterpriseId: enterprise.id, kind: 'operator', mobile: { [Op.ne]: '' }, status: 'active' }, order: [['id', 'ASC']], limit: 2 });
  return {
    enterpriseId: enterprise.id,
    accountIds: admin ? [admin.id] : [],
    mobileBound: !!admin && admin.mobile === input.mobile,
    operators: operators.map((o) => ({ accountId: o.id, label: maskName(o.name) })),
  };
}

export interface PersonProof {
  name: string;
  idType: string;
  idNumber: string;
  idValidFrom?: string; // typed validity: the identity check wants it to match
  idValidTo?: string;
}

/** The identity check (CTID-like) knows this person, with a validity not expired. */
export const identityChecked = (services: Services, p: PersonProof) =>
  services.identityCheck.check({ name: p.name, idType: p.idType, idNumber: p.idNumber, validFrom: p.idValidFrom, validTo: p.idValidTo }) === 'ok';

/** U1: a handler (经办人) is no proof of the enterprise, but must be a real person all the same. */
export async function personKnown(services: Services, input: { person: PersonProof }): Promise<boolean> {
  return identityChecked(services, input.person);
}

const safeEqual = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Whether a person is the enterprise's legal representative, its administrator, or the owner of one of the accounts. */
export async function checkPerson(
  services: Services,
  input: { enterpriseId: number | null; accountIds: number[]; who: 'legalRep' | 'admin' | 'self'; person: PersonProof },
): Promise<boolean> {
  const { Account, Enterprise } = services.db.models;
  const p = input.person;
  if (!identityChecked(services, p)) return false;
  const hash = idNumberHash(services.keys, p.idType, p.idNumber);
  if (input.who === 'legalRep') {
    const e = input.enterpriseId ? await Enterprise.findByPk(input.enterpriseId) : null;
    return !!e && e.legalRepName === p.name.trim() && e.legalRepIdType === p.idType && safeEqual(e.legalRepIdNumberHash, hash);
  }
  const where = input.who === 'admin' ? { enterpriseId: input.enterpriseId ?? -1, kind: 'admin' } : { id: { [Op.in]: input.accountIds.length ? input.accountIds : [-1] } };
  const rows = await Account.findAll({ where });
  return rows.some((a) => a.name === p.name.trim() && a.idType === p.idType && safeEqual(a.idNumberHash, hash));
}

/** The accounts of accountIds whose owner is this person (U4, U5: several accounts may share a mobile). */
export async function accountsOfPerson(services: Services, input: { accountIds: number[]; person: PersonProof }): Promise<number[]> {
  if (!identityChecked(services, input.person)) return [];
  const hash = idNumberHash(services.keys, input.person.idType, input.person.idNumber);
  const rows = await services.db.models.Account.findAll({ where: { id: { [Op.in]: input.accountIds.length ? input.accountIds : [-1] } } });
  return rows.filter((a) => a.name === input.person.name.trim() && a.idType === input.person.idType && safeEqual(a.idNumberHash, hash)).map((a) => a.id);
}

/** U1: a code to one of the two operators' mobiles. */
export async function sendOperatorCode(services: Services, input: { flowId: string; operatorAccountId: number; slot: number; sendKey: string }): Promise<void> {
  const op = await services.db.models.Account.findByPk(input.operatorAccountId);
  if (!op || !op.mobile) return;
  await issueCode(services, { sendKey: input.sendKey, purpose: `usernameRecoveryOp${input.slot}`, subject: input.flowId, target: op.mobile, channel: 'sms' });
}

export async function checkOperatorCode(services: Services, input: { flowId: string; operatorAccountId: number; slot: number; code: string }): Promise<string | null> {
  const op = await services.db.models.Account.findByPk(input.operatorAccountId);
  if (!op) return 'sms.wrong';
  return checkCode(services, { subject: input.flowId, purpose: `usernameRecoveryOp${input.slot}`, target: op.mobile, code: input.code });
}

export async function operatorMobilesMasked(services: Services, input: { accountIds: number[] }): Promise<string[]> {
  const rows = await services.db.models.Account.findAll({ where: { id: { [Op.in]: input.accountIds.length ? input.accountIds : [-1] } } });
  return input.accountIds.map((id) => maskMobile(rows.find((r) => r.id === id)?.mobile ?? ''));
}

/** The usernames, once proven. */
export async function usernamesOf(services: Services, input: { accountIds: number[]; flowId: string; ip?: string }): Promise<string[]> {
  const rows = await services.db.models.Account.findAll({ where: { id: { [Op.in]: input.accountIds.length ? input.accountIds : [-1] } }, order: [['id', 'ASC']] });
  for (const r of rows) {
    const seen = await services.db.models.AuditEvent.findOne({ where: { action: 'username.recovered', entityId: String(r.id), flowId: input.flowId } });
    if (!seen) await recordAudit(services, { actorType: 'anonymous', actorId: r.id, actorName: r.username, action: 'username.recovered', entityType: 'account', entityId: r.id, flowId: input.flowId, ip: input.ip ?? '' });
  }
  return rows.map((r) => r.username);
}

/**
 * U2 step 1 (000 §2.3.1.2): the typed USCC is the registry's record of the enterprise named by name
 * and organization code; null when it is, else the field's error code. The registry is public
 * information: the answer says nothing about accounts.
 */
export async function checkRecoveryUscc(services: Services, input: { uscc: string; enterpriseName: string; orgCode: string }): Promise<string | null> {
  const entry = await services.registry.lookup(input.uscc.trim().toUpperCase());
  if (!entry) return 'registry.notFound';
  if (entry.orgCode.toUpperCase() !== input.orgCode.trim().toUpperCase()) return 'registry.orgCodeMismatch';
  if (entry.name !== input.enterpriseName.trim()) return 'registry.nameMismatch';
  return null;
}

/** U2: the bank's UKey proved an enterprise; when it is the one named at the first step, all its accounts. */
export async function enterpriseAccountsByUscc(services: Services, input: { enterpriseId: number | null; uscc: string }): Promise<number[] | null> {
  if (input.enterpriseId === null) return null;
  const e = await services.db.models.Enterprise.findByPk(input.enterpriseId);
  if (!e || e.uscc !== input.uscc.toUpperCase()) return null;
  const rows = await services.db.models.Account.findAll({ where: { enterpriseId: e.id }, order: [['id', 'ASC']] });
  return rows.map((r) => r.id);
}

/**
 * U4, U5 real-name: the ID check (resident ID, valid today) and the bank-card four elements, then the
 * accounts of that person (operator: of the enterprise named; individual: any individual account).
 */
export async function realNameAccounts(
  services: Services,
  input: { variant: UsernameRecoveryVariant; enterpriseName?: string; orgCode?: string; person: PersonProof; cardNo: string; mobile: string },
): Promise<{ ok: false; code: string } | { ok: true; accountIds: number[] }> {
  const p = input.person;
  if (p.idType !== 'resident') return { ok: false, code: 'recovery.bankCardMismatch' };
  if (!identityChecked(services, p)) return { ok: false, code: 'recovery.proofMismatch' };
  if (!new SimulatedBankCard(services.keys).verify({ name: p.name, idNumber: p.idNumber, cardNo: input.cardNo, mobile: input.mobile })) {
    return { ok: false, code: 'recovery.bankCardMismatch' };
  }
  const { Account, Enterprise } = services.db.models;
  const hash = idNumberHash(services.keys, p.idType, p.idNumber);
  let enterpriseId: number | undefined;
  if (input.variant === 'operator') {
    const e = await Enterprise.findOne({ where: { orgCode: String(input.orgCode ?? '').toUpperCase() } });
    if (!e || e.name !== String(input.enterpriseName ?? '').trim()) return { ok: false, code: 'recovery.proofMismatch' };
    enterpriseId = e.id;
  }
  const rows = await Account.findAll({
    where: { kind: input.variant === 'operator' ? 'operator' : 'individual', idType: p.idType, idNumberHash: hash, ...(enterpriseId ? { enterpriseId } : {}) },
    order: [['id', 'ASC']],
  });
  const ids = rows.filter((r) => r.name === p.name.trim()).map((r) => r.id);
  return ids.length ? { ok: true, accountIds: ids } : { ok: false, code: 'recovery.proofMismatch' };
}
