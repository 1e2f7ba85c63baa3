// Electronic business license adapter (电子营业执照, market regulator's mini program). The holder
// scans the QR code the portal shows for a registration flow and authorizes it in the app; the
// provider then calls back POST /api/elicense/callback with the license, signed. The simulator
// plays the app: it issues licenses of the registry simulator's companies (USCC starting with 9,
// the only ones that have electronic licenses) and signs them with HMAC-SHA256 under the
// back office's hash key (purpose 'elicense'), which is also what the callback is verified with.
import crypto from 'node:crypto';
import { Op } from 'sequelize';
import type { Db } from '../../db';
import { keyedHash, PiiKeys } from '../../db/pii';
import { ENDED_REGISTRY_STATUSES, registryEnded } from './registry';

/** What an electronic business license says about its company. */
export interface ElectronicLicense {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
}

/** The provider's callback body. */
export interface LicenseCallback {
  flowId: string; // the flow whose QR code was scanned
  license: ElectronicLicense;
  issuedAt: string; // ISO time of the authorization
  nonce: string;
  signature: string; // hex HMAC-SHA256 of canonical(callback)
}

export type VerifyResult = { ok: true; callback: LicenseCallback } | { ok: false; code: 'elicense.badSignature' | 'elicense.expired' };

export interface ElicenseAdapter {
  /** Checks a callback's signature and age; never trusts a field before the signature is right. */
  verifyCallback(body: unknown, now?: number): VerifyResult;
}

/** A callback older than this is refused (a replay, or a scan the user gave up on). */
export const CALLBACK_MAX_AGE_MS = 5 * 60_000;

const LICENSE_FIELDS = ['uscc', 'orgCode', 'name', 'legalRepName', 'legalRepIdType', 'legalRepIdNumber'] as const;

/** The signed text: a JSON array in a fixed order, so no key ordering can change it. */
export function canonical(c: Omit<LicenseCallback, 'signature'>): string {
  return JSON.stringify([c.flowId, c.issuedAt, c.nonce, ...LICENSE_FIELDS.map((k) => c.license[k])]);
}

function asCallback(body: unknown): LicenseCallback | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const l = b.license as Record<string, unknown> | undefined;
  const strings = (o: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => typeof o[k] === 'string');
  if (!strings(b, ['flowId', 'issuedAt', 'nonce', 'signature']) || !l || typeof l !== 'object' || !strings(l, LICENSE_FIELDS)) return null;
  return {
    flowId: b.flowId as string,
    issuedAt: b.issuedAt as string,
    nonce: b.nonce as string,
    signature: b.signature as string,
    license: Object.fromEntries(LICENSE_FIELDS.map((k) => [k, l[k]])) as unknown as ElectronicLicense,
  };
}

export class SimulatedElicense implements ElicenseAdapter {
  constructor(
    private readonly db: Db,
    private readonly keys: PiiKeys,
  ) {}

  private sign(c: Omit<LicenseCallback, 'signature'>): string {
    return keyedHash(this.keys, 'elicense', canonical(c));
  }

  verifyCallback(body: unknown, now = Date.now()): VerifyResult {
    const c = asCallback(body);
    if (!c || !/^[0-9a-f]{64}$/.test(c.signature)) return { ok: false, code: 'elicense.badSignature' };
    const expected = Buffer.from(this.sign(c), 'hex');
    if (!crypto.timingSafeEqual(expected, Buffer.from(c.signature, 'hex'))) return { ok: false, code: 'elicense.badSignature' };
    const at = Date.parse(c.issuedAt);
    if (!Number.isFinite(at) || now - at > CALLBACK_MAX_AGE_MS || at - now > 60_000) return { ok: false, code: 'elicense.expired' };
    return { ok: true, callback: c };
  }

  /** The companies whose license holders the simulated app can play (registry, USCC 9…, active). */
  async holders(): Promise<ElectronicLicense[]> {
    const rows = await this.db.models.RegistryRecord.findAll({
      where: { uscc: { [Op.like]: '9%' }, status: { [Op.notIn]: [...ENDED_REGISTRY_STATUSES] } },
      order: [['name', 'ASC']],
    });
    return rows.map((r) => pick(r.get({ plain: true })));
  }

  /**
   * The holder of `uscc`'s license authorizes the scan of flow `flowId`: the signed callback the
   * provider would send. Refused for a USCC not starting with 9 (only companies have e-licenses)
   * and for one the registry does not know.
   */
  async authorize(flowId: string, uscc: string): Promise<{ callback: LicenseCallback } | { error: 'elicense.notCompany' | 'registry.notFound' | 'registry.cancelled' }> {
    const code = uscc.trim().toUpperCase();
    if (!code.startsWith('9')) return { error: 'elicense.notCompany' };
    const row = await this.db.models.RegistryRecord.findOne({ where: { uscc: code } });
    if (!row) return { error: 'registry.notFound' };
    if (registryEnded(row)) return { error: 'registry.cancelled' };
    const unsigned = { flowId, license: pick(row.get({ plain: true })), issuedAt: new Date().toISOString(), nonce: crypto.randomBytes(12).toString('base64url') };
    return { callback: { ...unsigned, signature: this.sign(unsigned) } };
  }
}

function pick(r: ElectronicLicense): ElectronicLicense {
  return Object.fromEntries(LICENSE_FIELDS.map((k) => [k, r[k]])) as unknown as ElectronicLicense;
}
