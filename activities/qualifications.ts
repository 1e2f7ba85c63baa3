// Q1 我的资质: the enterprise's qualification tabs, saved without approval, and 同步更新 from the
// market regulator (enterprise registry) and MOFCOM (foreign-trade operator filing).
import type { Transaction } from 'sequelize';
import type { FieldErrors } from '../domain/errors';
import {
  QUALIFICATION_SECTIONS, qualificationSection, QualificationSection, validateQualificationSave,
} from '../domain/qualifications';
import type { AccountRow, EnterpriseRow } from '../db';
import { Consequences, runChange } from './accountCenter';
import { registryEnded } from './adapters/registry';
import { recordAudit } from './audit';
import type { Services } from './services';

export type SyncSource = 'market' | 'mofcom';

export interface SectionView {
  fields: Record<string, string>;
  updatedAt: Date | null;
  syncedAt: Date | null;
}

/** Every field of the tab, '' where nothing is stored. */
function fullFields(section: QualificationSection, stored: Record<string, string>): Record<string, string> {
  return Object.fromEntries(qualificationSection(section).fields.map((f) => [f.key, stored[f.key] ?? '']));
}

function parse(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The grey header of every tab: from the registration, never edited here. */
function enterpriseHeader(e: EnterpriseRow) {
  return {
    uscc: e.uscc,
    orgCode: e.orgCode,
    name: e.name,
    kind: e.kind,
    legalRepName: e.legalRepName,
    legalRepIdType: e.legalRepIdType,
    legalRepIdNumberMasked: e.legalRepIdNumberMasked,
  };
}

export async function qualificationsOf(services: Services, enterpriseId: number) {
  const { Enterprise, Qualification } = services.db.models;
  const enterprise = await Enterprise.findByPk(enterpriseId);
  if (!enterprise) throw new Error(`enterprise ${enterpriseId} is gone`);
  const rows = await Qualification.findAll({ where: { enterpriseId } });
  const sections = Object.fromEntries(
    QUALIFICATION_SECTIONS.map((s) => {
      const row = rows.find((r) => r.section === s);
      const view: SectionView = { fields: fullFields(s, parse(row?.fields)), updatedAt: row?.updatedAt ?? null, syncedAt: row?.syncedAt ?? null };
      return [s, view];
    }),
  ) as Record<QualificationSection, SectionView>;
  return { enterprise: enterpriseHeader(enterprise), sections };
}

async function writeSection(
  services: Services,
  enterpriseId: number,
  section: QualificationSection,
  fields: Record<string, string>,
  by: string,
  transaction: Transaction,
  synced = false,
) {
  const { Qualification } = services.db.models;
  const row = await Qualification.findOne({ where: { enterpriseId, section }, transaction });
  const values = { fields: JSON.stringify(fields), updatedBy: by, ...(synced ? { syncedAt: new Date() } : {}) };
  if (row) await row.update(values, { transaction });
  else await Qualification.create({ enterpriseId, section, ...values }, { transaction });
}

/** 保存 one tab: only the fields sent change; system fields may come back unchanged, never altered. */
export async function saveQualification(
  services: Services,
  admin: AccountRow,
  section: QualificationSection,
  input: Record<string, unknown>,
  ip: string,
): Promise<{ errors: FieldErrors } | { changed: string[] }> {
  const enterpriseId = admin.enterpriseId!;
  return services.db.sequelize.transaction(async (transaction) => {
    const row = await services.db.models.Qualification.findOne({ where: { enterpriseId, section }, transaction });
    const current = fullFields(section, parse(row?.fields));
    const errors = validateQualificationSave(section, input, current);
    if (Object.keys(errors).length) return { errors };
    const next = { ...current };
    for (const [k, v] of Object.entries(input)) next[k] = String(v).trim();
    const changed = Object.keys(next).filter((k) => next[k] !== current[k]);
    await writeSection(services, enterpriseId, section, next, `account:${admin.id}`, transaction);
    await recordAudit(services, {
      actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'qualification.saved',
      entityType: 'enterprise', entityId: enterpriseId, details: { section, changed }, ip,
    }, transaction);
    return { changed };
  });
}

/**
 * 市场局同步更新: the enterprise's name and legal representative's name as the registry has them.
 * 商务部同步更新: the foreign-trade operator filing as MOFCOM has it (its system fields and every
 * value the ministry holds). The problem code when the authority has no record.
 */
export async function syncQualifications(
  services: Services,
  admin: AccountRow,
  source: SyncSource,
  ip: string,
): Promise<{ problem: string } | { changed: string[]; consequences?: Consequences }> {
  const { Enterprise } = services.db.models;
  const enterprise = (await Enterprise.findByPk(admin.enterpriseId!))!;
  if (source === 'market') {
    const entry = await services.registry.lookup(enterprise.uscc);
    if (!entry) return { problem: 'registry.notFound' };
    if (registryEnded(entry)) return { problem: 'registry.cancelled' };
    // Through the account center's change engine: a new legal representative voids the
    // enterprise's real-name verification (held by the administrator) and drops a legal-person
    // card that no longer fits, as a manual change does (N6). The administrator asked for the
    // sync, so the consequences are applied as confirmed.
    const outcome = await runChange(services, {
      actor: admin, target: admin, confirm: true, ip, action: 'qualification.synced', auditDetails: { source, registryStatus: entry.status },
    }, async (transaction, target) => {
      const row = await Enterprise.findByPk(target.enterpriseId!, { transaction });
      if (!row) return { errors: { _form: 'notFound' } };
      const patch: Partial<Record<'name' | 'legalRepName', string>> = {};
      if (entry.name && entry.name !== row.name) patch.name = entry.name;
      if (entry.legalRepName && entry.legalRepName !== row.legalRepName) patch.legalRepName = entry.legalRepName;
      const legalRep = patch.legalRepName !== undefined;
      return {
        changed: Object.keys(patch),
        always: true, // audited even when everything is up to date
        enterprise: { row, patch },
        voidRealNameOf: legalRep ? [target.id] : [],
        recheckCardsOf: legalRep ? [target] : [],
      };
    });
    if (!outcome.ok) return { problem: 'errors' in outcome ? Object.values(outcome.errors)[0] ?? 'notFound' : 'conflict' };
    return { changed: outcome.changed, consequences: outcome.consequences };
  }

  const filing = await services.mofcom.lookupFiling(enterprise.uscc);
  if (!filing) return { problem: 'mofcom.notFound' };
  return services.db.sequelize.transaction(async (transaction) => {
    const row = await services.db.models.Qualification.findOne({ where: { enterpriseId: enterprise.id, section: 'trade' }, transaction });
    const current = fullFields('trade', parse(row?.fields));
    const next = { ...current };
    const fromMofcom: Record<string, string> = {
      importExportCode: filing.importExportCode, filingNo: filing.filingNo, filingDate: filing.filingDate,
      nameEn: filing.nameEn, addressZh: filing.addressZh, addressEn: filing.addressEn, operatorType: filing.operatorType,
      authorityCode: filing.authorityCode, email: filing.email, phone: filing.phone, fax: filing.fax,
    };
    for (const [k, v] of Object.entries(fromMofcom)) if (typeof v === 'string' && v.trim() !== '') next[k] = v.trim();
    const changed = Object.keys(next).filter((k) => next[k] !== current[k]);
    await writeSection(services, enterprise.id, 'trade', next, 'sync:mofcom', transaction, true);
    await recordAudit(services, {
      actorType: 'account', actorId: admin.id, actorName: admin.username, action: 'qualification.synced',
      entityType: 'enterprise', entityId: enterprise.id, details: { source, changed, filingStatus: filing.status }, ip,
    }, transaction);
    return { changed };
  });
}

/** Demo data and card/registration back-fill: system fields of a tab, set by the system. */
export async function setSystemFields(services: Services, enterpriseId: number, section: QualificationSection, values: Record<string, string>, by: string) {
  await services.db.sequelize.transaction(async (transaction) => {
    const row = await services.db.models.Qualification.findOne({ where: { enterpriseId, section }, transaction });
    await writeSection(services, enterpriseId, section, { ...fullFields(section, parse(row?.fields)), ...values }, by, transaction);
  });
}
