// P1–P3 password recovery: which proofs an account offers, the proofs themselves, the reset.
// An unknown username behaves like an account with every proof available and none matching:
// nothing the flow shows before a successful proof tells whether the account exists.
import crypto from 'node:crypto';
import { maskEmail, maskMobile } from '../domain/masking';
import type { AccountKind } from '../db';
import { keyedHash } from '../db/pii';
import { recordAudit } from './audit';
import { endSessionsOf } from './accounts';
import { idNumberHash } from './identity';
import { identityChecked } from './usernameRecovery';
import { issueCode } from './codes';
import { openAccount } from './refusal';
import type { Services } from './services';

export type RecoveryMethod = 'mobile' | 'email' | 'owner' | 'legalRep' | 'elicense';

/** P2: the verification methods each account type offers (000 §2.4.2). */
export const METHODS_BY_KIND: Record<AccountKind | 'unknown', RecoveryMethod[]> = {
  admin: ['mobile', 'email', 'owner', 'legalRep', 'elicense'], // elicense: only when the USCC starts with 9
  operator: ['mobile', 'email', 'owner'],
  individual: ['mobile', 'email', 'owner'],
  department: ['mobile', 'email', 'owner'],
  overseas: ['mobile', 'email'],
  unknown: ['mobile', 'email', 'owner', 'legalRep', 'elicense'],
};

export interface RecoveryAccount {
  accountId: number | null; // null: no such account (never shown to the browser)
  username: string;
  kind: AccountKind | 'unknown';
  methods: RecoveryMethod[];
  incomplete: RecoveryMethod[]; // methods the account lacks data for: 身份信息不完整
  mobileMasked: string;
  emailMasked: string;
}

/** Step 1: the account behind a username, or a stand-in that looks the same from outside. */
export async function lookupRecoveryAccount(services: Services, input: { username: string }): Promise<RecoveryAccount> {
  const { Account, Enterprise } = services.db.models;
  const account = await Account.findOne({ where: { usernameKey: input.username.trim().toLowerCase() } });
  if (!account || account.status === 'disabled') {
    // Stand-in masks derived from the username: the same answer each time, for every browser.
    const h = keyedHash(services.keys, 'recovery-standin', input.username.trim().toLowerCase());
    const digits = h.replace(/[^0-9]/g, '').padEnd(8, '7');
    return {
      accountId: null,
      username: input.username.trim(),
      kind: 'unknown',
      methods: METHODS_BY_KIND.unknown,
      incomplete: [],
      mobileMasked: maskMobile(`13${digits.slice(0, 9)}`),
      emailMasked: maskEmail(`${h.slice(0, 8)}@163.com`),
    };
  }
  const kind = account.kind;
  let methods = METHODS_BY_KIND[kind] ?? ['mobile', 'email'];
  if (methods.includes('elicense')) {
    // 电子营业执照: only companies (USCC starting with 9) have one.
    const e = account.enterpriseId ? await Enterprise.findByPk(account.enterpriseId) : null;
    if (!e || !e.uscc.toUpperCase().startsWith('9')) methods = methods.filter((m) => m !== 'elicense');
  }
  const incomplete: RecoveryMethod[] = [];
  if (!account.mobile) incomplete.push('mobile');
  if (!account.email) incomplete.push('email');
  if (!account.name || !account.idNumberHash) incomplete.push('owner');
  if (methods.includes('legalRep')) {
    const e = account.enterpriseId ? await Enterprise.findByPk(account.enterpriseId) : null;
    if (!e || !e.legalRepName || !e.legalRepIdNumberHash || !e.name || !e.uscc) incomplete.push('legalRep');
  }
  return {
    accountId: account.id,
    username: account.username,
    kind,
    methods,
    incomplete: incomplete.filter((m) => methods.includes(m)),
    mobileMasked: maskMobile(account.mobile),
    emailMasked: maskEmail(account.email),
  };
}

/**
 * Sends a code for a method: to the bound mobile or e-mail (nothing is sent for a stand-in), or
 * to the operator's mobile the applicant typed (legal-representative method).
 */
export async function sendRecoveryCode(
  services: Services,
  input: { flowId: string; accountId: number | null; method: RecoveryMethod; typedMobile?: string; sendKey: string },
): Promise<void> {
  let target = '';
  let channel: 'sms' | 'mail' = 'sms';
  if (input.method === 'legalRep') target = input.typedMobile ?? '';
  else if (input.accountId !== null) {
    const account = await services.db.models.Account.findByPk(input.accountId);
    if (!account) return;
    if (input.method === 'email') {
      target = account.email;
      channel = 'mail';
    } else target = account.mobile;
  }
  if (!target) return;
  await issueCode(services, { sendKey: input.sendKey, purpose: 'passwordRecovery', subject: input.flowId, target, channel });
}

/** The target a code of a method was sent to, for checkCode (never leaves the back office). */
export async function recoveryCodeTarget(services: Services, input: { accountId: number | null; method: RecoveryMethod; typedMobile?: string }): Promise<string> {
  if (input.method === 'legalRep') return input.typedMobile ?? '';
  if (input.accountId === null) return '';
  const account = await services.db.models.Account.findByPk(input.accountId);
  if (!account) return '';
  return input.method === 'email' ? account.email : account.mobile;
}

export interface OwnerProof {
  name: string;
  idType: string;
  idNumber: string;
}

export interface LegalRepProof {
  enterpriseName: string;
  uscc: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  legalRepIdValidFrom?: string;
  legalRepIdValidTo?: string;
}

/** true when the account-owner or legal-representative information matches the records. */
export async function checkRecoveryProof(
  services: Services,
  input: { accountId: number | null; method: 'owner' | 'legalRep'; owner?: OwnerProof; legalRep?: LegalRepProof },
): Promise<boolean> {
  if (input.accountId === null) return false;
  const { Account, Enterprise } = services.db.models;
  const account = await Account.findByPk(input.accountId);
  if (!account) return false;
  if (input.method === 'owner' && input.owner) {
    const o = input.owner;
    if (!identityChecked(services, o)) return false;
    return same(account.name, o.name) && account.idType === o.idType && safeEqual(account.idNumberHash, idNumberHash(services.keys, o.idType, o.idNumber));
  }
  if (input.method === 'legalRep' && input.legalRep) {
    const l = input.legalRep;
    if (!identityChecked(services, { name: l.legalRepName, idType: l.legalRepIdType, idNumber: l.legalRepIdNumber, idValidFrom: l.legalRepIdValidFrom, idValidTo: l.legalRepIdValidTo })) return false;
    const e = account.enterpriseId ? await Enterprise.findByPk(account.enterpriseId) : null;
    if (!e) return false;
    return (
      same(e.name, l.enterpriseName) &&
      same(e.uscc, l.uscc.toUpperCase()) &&
      same(e.legalRepName, l.legalRepName) &&
      e.legalRepIdType === l.legalRepIdType &&
      safeEqual(e.legalRepIdNumberHash, idNumberHash(services.keys, l.legalRepIdType, l.legalRepIdNumber))
    );
  }
  return false;
}

/** P2 electronic business license: the scanned (signed, fresh) license is the account's enterprise, a company (9…). */
export async function checkRecoveryLicense(services: Services, input: { accountId: number | null; license: { uscc: string; name: string } }): Promise<boolean> {
  if (input.accountId === null) return false;
  const { Account, Enterprise } = services.db.models;
  const account = await Account.findByPk(input.accountId);
  if (!account || account.kind !== 'admin' || !account.enterpriseId) return false;
  const e = await Enterprise.findByPk(account.enterpriseId);
  const uscc = String(input.license?.uscc ?? '').trim().toUpperCase();
  return !!e && uscc.startsWith('9') && e.uscc.toUpperCase() === uscc && same(e.name, input.license.name);
}

const same = (a: string, b: string) => a.trim() === String(b ?? '').trim();
const safeEqual = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Step 3 (or a clerk's approval): the new password; every session of the account ends. Idempotent
 * per flow. An account deleted or disabled after the proof is refused and the flow ends.
 */
export async function resetRecoveredPassword(
  services: Services,
  input: { flowId: string; accountId: number; passwordHash: string; ip: string; via: string },
): Promise<void> {
  const { AuditEvent } = services.db.models;
  await services.db.sequelize.transaction(async (transaction) => {
    if (await AuditEvent.findOne({ where: { flowId: input.flowId, action: 'password.recovered' }, transaction })) return; // an earlier try did it
    const account = await openAccount(services, input.accountId, transaction);
    await account.update({ passwordHash: input.passwordHash, passwordChangedAt: new Date(), mustChangePassword: false }, { transaction });
    await endSessionsOf(services, account.id, transaction);
    await recordAudit(services, {
      actorType: 'anonymous', actorId: account.id, actorName: account.username, action: 'password.recovered',
      entityType: 'account', entityId: account.id, details: { via: input.via }, ip: input.ip, flowId: input.flowId,
    }, transaction);
  });
}
