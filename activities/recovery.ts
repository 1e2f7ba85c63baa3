// P1–P3 password recovery: which proofs an account offers, the proofs themselves, the reset.
// An unknown username behaves like an account of a plausible type (standInFor) with no proof
// matching, and costs the same work: nothing before a successful proof tells whether it exists.
import crypto from 'node:crypto';
import { maskEmail, maskMobile } from '../domain/masking';
import type { AccountKind } from '../db';
import { keyedHash, type PiiKeys } from '../db/pii';
import { recordAudit } from './audit';
import { endSessionsOf } from './accounts';
import { idNumberHash } from './identity';
import { identityChecked } from './usernameRecovery';
import { issueCode } from './codes';
import { openAccount, refuse } from './refusal';
import type { Services } from './services';

export type RecoveryMethod = 'mobile' | 'email' | 'owner' | 'legalRep' | 'elicense';

/** P2: the verification methods each account type offers (000 §2.4.2). */
export const METHODS_BY_KIND: Record<AccountKind, RecoveryMethod[]> = {
  admin: ['mobile', 'email', 'owner', 'legalRep', 'elicense'], // elicense: only when the USCC starts with 9
  operator: ['mobile', 'email', 'owner'],
  individual: ['mobile', 'email', 'owner'],
  department: ['mobile', 'email', 'owner'],
  overseas: ['mobile', 'email'],
};

/** The shapes a real account's answer can take; an unknown username answers one of them. */
const STAND_IN_PROFILES: { kind: AccountKind; methods: RecoveryMethod[] }[] = [
  { kind: 'admin', methods: METHODS_BY_KIND.admin },
  { kind: 'admin', methods: METHODS_BY_KIND.admin.filter((m) => m !== 'elicense') }, // USCC not starting with 9
  { kind: 'operator', methods: METHODS_BY_KIND.operator },
  { kind: 'individual', methods: METHODS_BY_KIND.individual },
  { kind: 'department', methods: METHODS_BY_KIND.department },
  { kind: 'overseas', methods: METHODS_BY_KIND.overseas },
];

/** Where a stand-in's codes "go": kept like a real code, never delivered. */
const DECOY_TARGET = 'stand-in';

export interface RecoveryAccount {
  accountId: number | null; // null: no such account (never shown to the browser)
  username: string;
  kind: AccountKind; // a stand-in's is the plausible kind it answers as
  methods: RecoveryMethod[];
  incomplete: RecoveryMethod[]; // methods the account lacks data for: 身份信息不完整
  mobileMasked: string;
  emailMasked: string;
}

/**
 * The answer for a username that has no (usable) account: a plausible account type, its masks and
 * sometimes no e-mail, all chosen by a keyed hash of the name, so the same name answers the same
 * way on every try and from every browser, and nobody without HASH_KEY can tell it from a real one.
 */
export function standInFor(keys: PiiKeys, username: string): Omit<RecoveryAccount, 'accountId'> {
  const h = keyedHash(keys, 'recovery-standin', username.trim().toLowerCase());
  const digits = h.replace(/[^0-9]/g, '').padEnd(8, '7');
  // Card-made administrators are named <cardNo>_ADMIN (000 账号激活): such a name answers as an administrator.
  const profiles = /_ADMIN$/i.test(username.trim()) ? STAND_IN_PROFILES.filter((p) => p.kind === 'admin') : STAND_IN_PROFILES;
  const profile = profiles[parseInt(h.slice(0, 8), 16) % profiles.length];
  const noEmail = parseInt(h.slice(8, 10), 16) % 4 === 0; // about as often as real accounts lack one
  return {
    username: username.trim(),
    kind: profile.kind,
    methods: profile.methods,
    incomplete: noEmail ? ['email'] : [],
    mobileMasked: maskMobile(`13${digits.slice(0, 9)}`),
    emailMasked: maskEmail(`${h.slice(0, 8)}@163.com`),
  };
}

/** The account row, or null; always one query, so a missing account costs what a present one does. */
async function accountRow(services: Services, accountId: number | null) {
  return services.db.models.Account.findOne({ where: { id: accountId ?? -1 } });
}

/** The enterprise row of an account (or of none): always one query, as above. */
async function enterpriseOf(services: Services, account: { enterpriseId: number | null } | null) {
  return services.db.models.Enterprise.findOne({ where: { id: account?.enterpriseId ?? -1 } });
}

/**
 * Step 1: the account behind a username, or a stand-in that looks the same from outside. Both
 * paths read the same rows and compute the same hash (nothing to time).
 */
export async function lookupRecoveryAccount(services: Services, input: { username: string }): Promise<RecoveryAccount> {
  const found = await services.db.models.Account.findOne({ where: { usernameKey: input.username.trim().toLowerCase() } });
  const account = found && found.status !== 'disabled' ? found : null;
  const e = await enterpriseOf(services, account);
  const standIn = standInFor(services.keys, input.username);
  if (!account) return { accountId: null, ...standIn };
  const kind = account.kind;
  let methods = METHODS_BY_KIND[kind] ?? ['mobile', 'email'];
  // 电子营业执照: only companies (USCC starting with 9) have one.
  if (methods.includes('elicense') && (!e || !e.uscc.toUpperCase().startsWith('9'))) methods = methods.filter((m) => m !== 'elicense');
  const incomplete: RecoveryMethod[] = [];
  if (!account.mobile) incomplete.push('mobile');
  if (!account.email) incomplete.push('email');
  if (!account.name || !account.idNumberHash) incomplete.push('owner');
  if (methods.includes('legalRep') && (!e || !e.legalRepName || !e.legalRepIdNumberHash || !e.name || !e.uscc)) incomplete.push('legalRep');
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

/** Where a method's code goes: the bound mobile or e-mail, the operator's mobile the applicant typed (legal-representative method), or the decoy. */
async function codeTarget(services: Services, input: { accountId: number | null; method: RecoveryMethod; typedMobile?: string }) {
  const account = await accountRow(services, input.accountId);
  const channel: 'sms' | 'mail' = input.method === 'email' ? 'mail' : 'sms';
  let target = '';
  if (input.method === 'legalRep') target = input.typedMobile ?? '';
  else if (account) target = input.method === 'email' ? account.email : account.mobile;
  return { target: target || DECOY_TARGET, channel, deliver: !!target };
}

/**
 * Sends a code for a method. A stand-in (no such account) gets a code too, made and kept but not
 * delivered: checking it then costs and counts (attempts, expiry) exactly as a real one does.
 */
export async function sendRecoveryCode(
  services: Services,
  input: { flowId: string; accountId: number | null; method: RecoveryMethod; typedMobile?: string; sendKey: string },
): Promise<void> {
  const { target, channel, deliver } = await codeTarget(services, input);
  await issueCode(services, { sendKey: input.sendKey, purpose: 'passwordRecovery', subject: input.flowId, target, channel, deliver });
}

/** The target a code of a method was sent to, for checkCode (never leaves the back office). */
export async function recoveryCodeTarget(services: Services, input: { accountId: number | null; method: RecoveryMethod; typedMobile?: string }): Promise<string> {
  return (await codeTarget(services, input)).target;
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

/**
 * true when the account-owner or legal-representative information matches the records. A stand-in
 * goes through the same identity check, reads and hashing, and never matches.
 */
export async function checkRecoveryProof(
  services: Services,
  input: { accountId: number | null; method: 'owner' | 'legalRep'; owner?: OwnerProof; legalRep?: LegalRepProof },
): Promise<boolean> {
  const account = await accountRow(services, input.accountId);
  if (input.method === 'owner' && input.owner) {
    const o = input.owner;
    const known = identityChecked(services, o);
    const hash = idNumberHash(services.keys, o.idType, o.idNumber);
    const matches = !!account && same(account.name, o.name) && account.idType === o.idType && safeEqual(account.idNumberHash, hash);
    return known && matches;
  }
  if (input.method === 'legalRep' && input.legalRep) {
    const l = input.legalRep;
    const known = identityChecked(services, { name: l.legalRepName, idType: l.legalRepIdType, idNumber: l.legalRepIdNumber, idValidFrom: l.legalRepIdValidFrom, idValidTo: l.legalRepIdValidTo });
    const e = await enterpriseOf(services, account);
    const hash = idNumberHash(services.keys, l.legalRepIdType, l.legalRepIdNumber);
    const matches =
      !!e &&
      same(e.name, l.enterpriseName) &&
      same(e.uscc, l.uscc.toUpperCase()) &&
      same(e.legalRepName, l.legalRepName) &&
      e.legalRepIdType === l.legalRepIdType &&
      safeEqual(e.legalRepIdNumberHash, hash);
    return known && matches;
  }
  return false;
}

/** P2 electronic business license: the scanned (signed, fresh) license is the account's enterprise, a company (9…). */
export async function checkRecoveryLicense(services: Services, input: { accountId: number | null; license: { uscc: string; name: string } }): Promise<boolean> {
  const account = await accountRow(services, input.accountId);
  const e = await enterpriseOf(services, account);
  if (!account || account.kind !== 'admin' || !e) return false;
  const uscc = String(input.license?.uscc ?? '').trim().toUpperCase();
  return uscc.startsWith('9') && e.uscc.toUpperCase() === uscc && same(e.name, input.license.name);
}

const same = (a: string, b: string) => a.trim() === String(b ?? '').trim();
const safeEqual = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Step 3 (or a clerk's approval): the new password; every session of the account ends. Idempotent
 * per flow. An account deleted or disabled after the proof is refused and the flow ends.
 */
export async function resetRecoveredPassword(
  services: Services,
  // provenSince: when the proof began (the flow's start, or the review case's submission)
  input: { flowId: string; accountId: number; passwordHash: string; ip: string; via: string; provenSince?: number },
): Promise<void> {
  const { AuditEvent } = services.db.models;
  await services.db.sequelize.transaction(async (transaction) => {
    if (await AuditEvent.findOne({ where: { flowId: input.flowId, action: 'password.recovered' }, transaction })) return; // an earlier try did it
    const account = await openAccount(services, input.accountId, transaction);
    // A proof made before the account changed hands is void: a legal-person card's takeover (or a
    // password change) after the recovery began leaves the account's password to its new owner,
    // set by card activation (A4), never by the earlier holder's recovery.
    // Compared by whole seconds: MySQL/MariaDB keep DATETIME without fractions.
    const second = (ms: number) => Math.floor(ms / 1000);
    const changedSince = input.provenSince !== undefined && account.passwordChangedAt !== null && second(account.passwordChangedAt.getTime()) > second(input.provenSince);
    if (account.status === 'inactive' || changedSince) refuse('recovery.stale', { endsFlow: true });
    await account.update({ passwordHash: input.passwordHash, passwordChangedAt: new Date(), mustChangePassword: false }, { transaction });
    await endSessionsOf(services, account.id, transaction);
    await recordAudit(services, {
      actorType: 'anonymous', actorId: account.id, actorName: account.username, action: 'password.recovered',
      entityType: 'account', entityId: account.id, details: { via: input.via }, ip: input.ip, flowId: input.flowId,
    }, transaction);
  });
}
