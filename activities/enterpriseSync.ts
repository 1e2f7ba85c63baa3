// A6 同步更新 (administrators): the enterprise information as the market regulator (enterprise
// credit registry: name, organization code, legal representative) and MOFCOM (the foreign-trade
// operator filing: English name, address) hold it, compared with ours; applying it goes through
// the account center's change engine, so a new legal representative has the N6 consequences.
import type { AccountRow, EnterpriseAttrs, EnterpriseRow } from '../db';
import { normalizeIdNumber } from '../domain/identifiers';
import { maskIdNumber } from '../domain/masking';
import { ChangeOutcome, runChange } from './accountCenter';
import { registryEnded, type RegistryEntry } from './adapters/registry';
import type { MofcomFiling } from './adapters/mofcom';
import { idNumberHash, sealIdNumber } from './identity';
import type { Services } from './services';

export type SyncField = 'name' | 'orgCode' | 'legalRepName' | 'legalRepIdType' | 'legalRepIdNumber' | 'englishName' | 'address';

export interface SyncChange {
  field: SyncField;
  source: 'market' | 'mofcom';
  current: string; // identity numbers masked
  incoming: string;
}

interface Incoming {
  entry: RegistryEntry | null;
  filing: MofcomFiling | null;
  changes: SyncChange[];
  patch: Partial<EnterpriseAttrs>;
}

/** What the authorities hold that differs from the enterprise row, and the row patch that applies it. */
async function compare(services: Services, e: EnterpriseRow): Promise<Incoming> {
  const entry = await services.registry.lookup(e.uscc);
  const filing = await services.mofcom.lookupFiling(e.uscc);
  const changes: SyncChange[] = [];
  const patch: Partial<EnterpriseAttrs> = {};
  const text = (field: SyncField, source: SyncChange['source'], current: string, incoming: string | undefined) => {
    const v = (incoming ?? '').trim();
    if (v === '' || v === current) return;
    changes.push({ field, source, current, incoming: v });
    (patch as Record<string, string>)[field] = v;
  };
  if (entry) {
    text('name', 'market', e.name, entry.name);
    text('orgCode', 'market', e.orgCode, entry.orgCode);
    text('legalRepName', 'market', e.legalRepName, entry.legalRepName);
    const number = normalizeIdNumber(entry.legalRepIdNumber ?? '');
    const type = (entry.legalRepIdType ?? '').trim();
    if (number && type && (type !== e.legalRepIdType || idNumberHash(services.keys, type, number) !== e.legalRepIdNumberHash)) {
      if (type !== e.legalRepIdType) changes.push({ field: 'legalRepIdType', source: 'market', current: e.legalRepIdType, incoming: type });
      changes.push({ field: 'legalRepIdNumber', source: 'market', current: e.legalRepIdNumberMasked, incoming: maskIdNumber(number) });
      const sealed = sealIdNumber(services.keys, type, number);
      // The validity belonged to the old document; the registry does not give the new one's.
      Object.assign(patch, {
        legalRepIdType: type, legalRepIdNumberEnc: sealed.enc, legalRepIdNumberHash: sealed.hash, legalRepIdNumberMasked: sealed.masked,
        legalRepIdValidFrom: '', legalRepIdValidTo: '',
      });
    }
  }
  if (filing) {
    text('englishName', 'mofcom', e.englishName, filing.nameEn);
    text('address', 'mofcom', e.address, filing.addressZh);
  }
  return { entry, filing, changes, patch };
}

function sourcesView(incoming: Incoming) {
  const { entry, filing } = incoming;
  return {
    market: entry ? { found: true, status: entry.status } : { found: false },
    mofcom: filing
      ? { found: true, status: filing.status, filingNo: filing.filingNo, importExportCode: filing.importExportCode, filingDate: filing.filingDate }
      : { found: false },
  };
}

/** GET: what would change (ID numbers masked) and where it comes from. */
export async function enterpriseSyncPreview(services: Services, admin: AccountRow) {
  const e = await services.db.models.Enterprise.findByPk(admin.enterpriseId!);
  if (!e) return { sources: { market: { found: false }, mofcom: { found: false } }, changes: [], syncedAt: null };
  const incoming = await compare(services, e);
  return { sources: sourcesView(incoming), changes: incoming.changes, syncedAt: e.infoSyncedAt };
}

/**
 * POST: applies what the authorities hold. A new legal representative (or name, organization
 * code) voids the enterprise's real-name verification and drops cards that no longer fit, after
 * the administrator confirmed them (the change engine's rule).
 */
export async function applyEnterpriseSync(services: Services, input: { actor: AccountRow; confirm: boolean; ip: string }): Promise<ChangeOutcome> {
  const { Enterprise, Account } = services.db.models;
  return runChange(services, { actor: input.actor, target: input.actor, confirm: input.confirm, ip: input.ip, action: 'enterprise.synced' }, async (transaction, admin) => {
    const row = await Enterprise.findByPk(admin.enterpriseId!, { transaction });
    if (!row) return { errors: { _form: 'notFound' } };
    const incoming = await compare(services, row);
    if (!incoming.entry && !incoming.filing) return { errors: { _form: 'registry.notFound' } };
    if (incoming.entry && registryEnded(incoming.entry)) return { errors: { _form: 'registry.cancelled' } };
    const changed = incoming.changes.map((c) => c.field);
    const identity = changed.some((f) => f !== 'englishName' && f !== 'address');
    const members = identity ? await Account.findAll({ where: { enterpriseId: row.id }, transaction }) : [];
    return {
      changed,
      always: true,
      enterprise: { row, patch: { ...incoming.patch, infoSyncedAt: new Date() } },
      voidRealNameOf: identity ? [admin.id] : [],
      recheckCardsOf: members,
    };
  });
}
