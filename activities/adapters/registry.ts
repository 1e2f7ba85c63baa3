// Enterprise credit registry adapter (国家企业信用信息公示系统). The simulator answers from a
// table seeded from registry-seed.json and extendable by staff in the console.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db';

export interface RegistryEntry {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  status: string; // 存续, 在业, 注销, 吊销 ...
}

/** Registry statuses of an enterprise that has ended: cancelled (注销), license revoked (吊销), annulled (撤销). */
export const ENDED_REGISTRY_STATUSES: readonly string[] = ['注销', '吊销', '撤销'];

/**
 * An enterprise the registry knows but that has ended: registration, recovery and sync refuse it
 * as `registry.cancelled` (said as such, not as `registry.notFound`).
 */
export function registryEnded(entry: Pick<RegistryEntry, 'status'>): boolean {
  return ENDED_REGISTRY_STATUSES.includes(entry.status.trim());
}

export interface EnterpriseRegistry {
  lookup(uscc: string): Promise<RegistryEntry | null>;
  /** By the 9-character organization code (主体标识码), as 000 §2.3.1.3 collects it; null when none or ambiguous. */
  lookupByOrgCode(orgCode: string): Promise<RegistryEntry | null>;
}

export class SimulatedRegistry implements EnterpriseRegistry {
  constructor(private readonly db: Db) {}

  async lookup(uscc: string): Promise<RegistryEntry | null> {
    const row = await this.db.models.RegistryRecord.findOne({ where: { uscc } });
    return row ? row.get({ plain: true }) : null;
  }

  async lookupByOrgCode(orgCode: string): Promise<RegistryEntry | null> {
    const rows = await this.db.models.RegistryRecord.findAll({ where: { orgCode: orgCode.trim().toUpperCase() }, limit: 2 });
    return rows.length === 1 ? rows[0].get({ plain: true }) : null;
  }
}

export const REGISTRY_SEED_FILE = path.join(__dirname, 'simulators', 'registry-seed.json');

/** Adds the seed file's enterprises that are missing; never overwrites a staff edit. */
export async function seedRegistry(db: Db, file = REGISTRY_SEED_FILE): Promise<number> {
  const source = fs.existsSync(file) ? file : file.replace(`${path.sep}dist${path.sep}`, path.sep);
  const entries: RegistryEntry[] = JSON.parse(fs.readFileSync(source, 'utf8')).enterprises;
  let added = 0;
  for (const entry of entries) {
    const [, created] = await db.models.RegistryRecord.findOrCreate({ where: { uscc: entry.uscc }, defaults: { ...entry, source: 'seed' } });
    if (created) added += 1;
  }
  return added;
}
