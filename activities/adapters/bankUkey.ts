// Bank UKey enterprise real-name adapter (U2: 企业实名认证 through the enterprise's bank: CCB, ABC,
// CMBC). The applicant is sent to the bank's page, signs in with the enterprise's online-banking
// UKey, and the bank calls back POST /api/bank-ukey/callback, signed, naming the enterprise whose
// corporate account the UKey belongs to. The simulator plays the three banks: every enterprise of
// the registry simulator (its seeded data) holds a corporate account at each of them; callbacks are
// signed with HMAC-SHA256 under the back office's hash key (purpose 'bank-ukey:<bank>').
import crypto from 'node:crypto';
import type { Db } from '../../db';
import { keyedHash, PiiKeys } from '../../db/pii';
import { registryEnded } from './registry';

export const BANKS = ['ccb', 'abc', 'cmbc'] as const;
export type Bank = (typeof BANKS)[number];

export interface BankCallback {
  flowId: string;
  bank: Bank;
  uscc: string;
  name: string;
  verifiedAt: string;
  nonce: string;
  signature: string; // hex HMAC-SHA256 of canonical(callback)
}

export type BankVerifyResult = { ok: true; callback: BankCallback } | { ok: false; code: 'bank.badSignature' | 'bank.expired' };

export const BANK_CALLBACK_MAX_AGE_MS = 5 * 60_000;

export function bankCanonical(c: Omit<BankCallback, 'signature'>): string {
  return JSON.stringify([c.flowId, c.bank, c.uscc, c.name, c.verifiedAt, c.nonce]);
}

export class SimulatedBankUkey {
  constructor(
    private readonly db: Db,
    private readonly keys: PiiKeys,
  ) {}

  private sign(c: Omit<BankCallback, 'signature'>): string {
    return keyedHash(this.keys, `bank-ukey:${c.bank}`, bankCanonical(c));
  }

  verifyCallback(body: unknown, now = Date.now()): BankVerifyResult {
    const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const keys = ['flowId', 'bank', 'uscc', 'name', 'verifiedAt', 'nonce', 'signature'];
    if (!keys.every((k) => typeof b[k] === 'string') || !(BANKS as readonly string[]).includes(b.bank as string)) return { ok: false, code: 'bank.badSignature' };
    const c = Object.fromEntries(keys.map((k) => [k, b[k]])) as unknown as BankCallback;
    if (!/^[0-9a-f]{64}$/.test(c.signature)) return { ok: false, code: 'bank.badSignature' };
    if (!crypto.timingSafeEqual(Buffer.from(this.sign(c), 'hex'), Buffer.from(c.signature, 'hex'))) return { ok: false, code: 'bank.badSignature' };
    const at = Date.parse(c.verifiedAt);
    if (!Number.isFinite(at) || now - at > BANK_CALLBACK_MAX_AGE_MS || at - now > 60_000) return { ok: false, code: 'bank.expired' };
    return { ok: true, callback: c };
  }

  /** The simulated bank: the UKey of `uscc`'s corporate account was used for flow `flowId`. */
  async authorize(flowId: string, bank: Bank, uscc: string): Promise<{ callback: BankCallback } | { error: 'registry.notFound' | 'registry.cancelled' }> {
    const row = await this.db.models.RegistryRecord.findOne({ where: { uscc: uscc.trim().toUpperCase() } });
    if (!row) return { error: 'registry.notFound' };
    if (registryEnded(row)) return { error: 'registry.cancelled' };
    const unsigned = { flowId, bank, uscc: row.uscc, name: row.name, verifiedAt: new Date().toISOString(), nonce: crypto.randomBytes(12).toString('base64url') };
    return { callback: { ...unsigned, signature: this.sign(unsigned) } };
  }
}
