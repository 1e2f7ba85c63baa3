// National integrated government service platform adapter (全国一体化政务服务平台, run by the
// General Office of the State Council): A5 信息同步 pushes an account's identity there and gets a
// receipt number back. The simulator records what it received in sim_gov_pushes (identity numbers
// and mobiles masked) and answers at once; HttpGovPlatform posts to GOV_PLATFORM_URL.
import crypto from 'node:crypto';
import type { Db } from '../../db';
import { maskIdNumber, maskMobile } from '../../domain/masking';

export interface GovUserRecord {
  pushKey: string; // idempotency: the same key never makes a second receipt
  accountRef: string; // the single window's username
  kind: string;
  name: string;
  idType: string;
  idNumber: string; // in full: the platform matches people by it ('' when none on file)
  mobile: string;
  email: string;
  realNameLevel: string;
  enterprise: { uscc: string; orgCode: string; name: string; legalRepName: string } | null;
}

export interface GovReceipt {
  receiptNo: string;
  receivedAt: string; // ISO
}

export interface GovPlatform {
  push(record: GovUserRecord): Promise<GovReceipt>;
}

export class SimulatedGovPlatform implements GovPlatform {
  constructor(private readonly db: Db) {}

  async push(record: GovUserRecord): Promise<GovReceipt> {
    const { GovPush } = this.db.models;
    const kept = { ...record, idNumber: maskIdNumber(record.idNumber), mobile: maskMobile(record.mobile) };
    const receiptNo = `GOV${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${crypto.randomInt(0, 1e8).toString().padStart(8, '0')}`;
    const [row] = await GovPush.findOrCreate({
      where: { pushKey: record.pushKey },
      defaults: { receiptNo, pushKey: record.pushKey, accountRef: record.accountRef, payload: JSON.stringify(kept) },
    });
    return { receiptNo: row.receiptNo, receivedAt: row.createdAt.toISOString() };
  }
}

/** The real platform: JSON POST; it answers { receiptNo, receivedAt }. */
export class HttpGovPlatform implements GovPlatform {
  constructor(private readonly url: string) {}

  async push(record: GovUserRecord): Promise<GovReceipt> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': record.pushKey },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`government service platform answered ${res.status}`);
    const body = (await res.json()) as Partial<GovReceipt>;
    if (typeof body.receiptNo !== 'string') throw new Error('government service platform sent no receipt number');
    return { receiptNo: body.receiptNo, receivedAt: typeof body.receivedAt === 'string' ? body.receivedAt : new Date().toISOString() };
  }
}
