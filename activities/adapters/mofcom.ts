// MOFCOM (商务部) adapter: the foreign-trade operator filings (对外贸易经营者备案登记) the ministry
// holds per enterprise. The simulator answers from a table seeded from mofcom-seed.json (records
// missing by USCC are added on every start; staff edits are kept), like the registry simulator.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db';

export interface MofcomFiling {
  uscc: string;
  importExportCode: string; // 进出口企业代码 (13 characters)
  filingNo: string; // 备案登记表编号
  filingDate: string; // YYYYMMDD
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  legalRepName: string;
  operatorType: string; // state | collective | private | foreign | individual | other
  authorityCode: string; // 主管机关代码
  email: string;
  phone: string;
  fax: string;
  status: string; // 有效, 注销 ...
}

export interface MofcomAdapter {
  /** The filing of an enterprise, or null when the ministry has none. */
  lookupFiling(uscc: string): Promise<MofcomFiling | null>;
}

export class SimulatedMofcom implements MofcomAdapter {
  constructor(private readonly db: Db) {}

  async lookupFiling(uscc: string): Promise<MofcomFiling | null> {
    const row = await this.db.models.MofcomRecord.findOne({ where: { uscc } });
    return row ? { ...(JSON.parse(row.record) as MofcomFiling), uscc: row.uscc } : null;
  }
}

export const MOFCOM_SEED_FILE = path.join(__dirname, 'simulators', 'mofcom-seed.json');

/** Adds the seed file's filings that are missing; never overwrites an edited record. */
export async function seedMofcom(db: Db, file = MOFCOM_SEED_FILE): Promise<number> {
  const source = fs.existsSync(file) ? file : file.replace(`${path.sep}dist${path.sep}`, path.sep);
  const filings: MofcomFiling[] = JSON.parse(fs.readFileSync(source, 'utf8')).filings;
  let added = 0;
  for (const f of filings) {
    const [, created] = await db.models.MofcomRecord.findOrCreate({ where: { uscc: f.uscc }, defaults: { uscc: f.uscc, record: JSON.stringify(f), source: 'seed' } });
    if (created) added += 1;
  }
  return added;
}

/** Adds or replaces one simulated filing (tests, console, developer tools). */
export async function putMofcomFiling(db: Db, filing: MofcomFiling, source: 'seed' | 'staff' = 'staff'): Promise<void> {
  const row = await db.models.MofcomRecord.findOne({ where: { uscc: filing.uscc } });
  if (row) await row.update({ record: JSON.stringify(filing), source });
  else await db.models.MofcomRecord.create({ uscc: filing.uscc, record: JSON.stringify(filing), source });
}
