// Q1 我的资质 (manual 000 §3.4, 001 ch.6): the enterprise's registrations with the trade
// authorities, one tab each. System-filled fields (grey, e.g. 海关注册编码) come from the
// registration, the card or the authorities' systems (sync) and are never edited by the user;
// the rest is filled in and saved without declaration or approval.
import { validateEmail } from './accounts';
import { isRealDate } from './dates';
import type { FieldErrors } from './errors';
import { charLength, trimmed } from './input';
import { validatePhone } from './registrationForms';

export const QUALIFICATION_SECTIONS = ['customs', 'inspection', 'quality', 'trade'] as const;
export type QualificationSection = (typeof QUALIFICATION_SECTIONS)[number];

export type QualificationFieldKind = 'text' | 'date' | 'select' | 'phone' | 'email' | 'customsCode' | 'flag';

export interface QualificationOption {
  value: string;
  zh: string;
  en: string;
}

export interface QualificationField {
  key: string;
  zh: string;
  en: string;
  kind: QualificationFieldKind;
  /** Filled by the system (registration, card, authorities' systems): grey and read-only. */
  system?: boolean;
  max?: number;
  options?: QualificationOption[];
  /** Spans the whole row on the page (addresses). */
  wide?: boolean;
}

export interface QualificationSectionDef {
  key: QualificationSection;
  zh: string;
  en: string;
  fields: QualificationField[];
}

const opt = (value: string, zh: string, en: string): QualificationOption => ({ value, zh, en });

export const QUALIFICATION_CATALOGUE: readonly QualificationSectionDef[] = [
  {
    key: 'customs',
    zh: '海关',
    en: 'Customs',
    fields: [
      { key: 'customsRegNo', zh: '海关注册编码', en: 'Customs registration code', kind: 'text', system: true, max: 10 },
      { key: 'customsRegDate', zh: '海关注册日期', en: 'Customs registration date', kind: 'date', system: true },
      { key: 'creditLevel', zh: '海关信用等级', en: 'Customs credit rating', kind: 'text', system: true, max: 20 },
      { key: 'nameEn', zh: '企业英文名称', en: 'Name in English', kind: 'text', max: 200, wide: true },
      { key: 'customsAuthority', zh: '主管海关（关区代码）', en: 'Competent customs (district code)', kind: 'customsCode' },
      { key: 'filingCustoms', zh: '备案海关（关区代码）', en: 'Filing customs (district code)', kind: 'customsCode' },
      {
        key: 'businessCategory',
        zh: '企业经营类别',
        en: 'Business category',
        kind: 'select',
        options: [
          opt('consignee', '进出口货物收发货人', 'Consignor/consignee of imports and exports'),
          opt('broker', '报关企业', 'Customs broker'),
          opt('both', '收发货人及报关企业', 'Both'),
        ],
      },
      { key: 'address', zh: '注册地址', en: 'Registered address', kind: 'text', max: 200, wide: true },
      { key: 'contact', zh: '联系人', en: 'Contact person', kind: 'text', max: 50 },
      { key: 'phone', zh: '联系电话', en: 'Telephone', kind: 'phone' },
    ],
  },
  {
    key: 'inspection',
    zh: '检验检疫',
    en: 'Inspection and quarantine',
    fields: [
      { key: 'inspectionRegNo', zh: '检验检疫备案号', en: 'Inspection filing number', kind: 'text', system: true, max: 10 },
      {
        key: 'filingType',
        zh: '报检资质类别',
        en: 'Inspection qualification',
        kind: 'select',
        options: [opt('self', '自理报检', 'Self-declaring'), opt('agent', '代理报检', 'Inspection agent'), opt('both', '自理及代理报检', 'Both')],
      },
      { key: 'inspectionAuthority', zh: '主管检验检疫机构', en: 'Competent inspection authority', kind: 'text', max: 100 },
      { key: 'contact', zh: '报检联系人', en: 'Contact person', kind: 'text', max: 50 },
      { key: 'phone', zh: '联系电话', en: 'Telephone', kind: 'phone' },
      { key: 'email', zh: '电子邮箱', en: 'E-mail', kind: 'email' },
      { key: 'address', zh: '联系地址', en: 'Address', kind: 'text', max: 200, wide: true },
    ],
  },
  {
    key: 'quality',
    zh: '质量',
    en: 'Quality',
    fields: [
      {
        key: 'certType',
        zh: '质量管理体系认证',
        en: 'Quality management certification',
        kind: 'select',
        options: [
          opt('none', '无', 'None'),
          opt('iso9001', 'ISO 9001', 'ISO 9001'),
          opt('iso14001', 'ISO 14001', 'ISO 14001'),
          opt('haccp', 'HACCP', 'HACCP'),
          opt('gmp', 'GMP', 'GMP'),
          opt('other', '其他', 'Other'),
        ],
      },
      { key: 'certNo', zh: '认证证书编号', en: 'Certificate number', kind: 'text', max: 60 },
      { key: 'certIssuer', zh: '发证机构', en: 'Issued by', kind: 'text', max: 100 },
      { key: 'certValidTo', zh: '证书有效期至', en: 'Certificate valid until', kind: 'date' },
      { key: 'productionLicenseNo', zh: '工业产品生产许可证编号', en: 'Production licence number', kind: 'text', max: 60 },
      { key: 'ccc', zh: '产品已获强制性产品认证（CCC）', en: 'Products have compulsory certification (CCC)', kind: 'flag' },
      { key: 'exportFoodFiling', zh: '出口食品生产企业备案', en: 'Export food producer filing', kind: 'flag' },
    ],
  },
  {
    key: 'trade',
    zh: '对外贸易经营者备案',
    en: 'Foreign trade operator filing',
    fields: [
      { key: 'importExportCode', zh: '进出口企业代码', en: 'Import/export enterprise code', kind: 'text', system: true, max: 13 },
      { key: 'filingNo', zh: '备案登记表编号', en: 'Filing form number', kind: 'text', system: true, max: 20 },
      { key: 'filingDate', zh: '备案日期', en: 'Filing date', kind: 'date', system: true },
      { key: 'nameEn', zh: '企业英文名称', en: 'Name in English', kind: 'text', max: 200, wide: true },
      { key: 'addressZh', zh: '企业中文地址', en: 'Address (Chinese)', kind: 'text', max: 200, wide: true },
      { key: 'addressEn', zh: '企业英文地址', en: 'Address (English)', kind: 'text', max: 200, wide: true },
      {
        key: 'operatorType',
        zh: '经营者类型',
        en: 'Type of operator',
        kind: 'select',
        options: [
          opt('state', '国有企业', 'State-owned enterprise'),
          opt('collective', '集体企业', 'Collective enterprise'),
          opt('private', '私营企业', 'Private enterprise'),
          opt('foreign', '外商投资企业', 'Foreign-invested enterprise'),
          opt('individual', '个体工商户', 'Individual business'),
          opt('other', '其他', 'Other'),
        ],
      },
      { key: 'authorityCode', zh: '主管机关代码', en: 'Competent authority code', kind: 'text', max: 20 },
      { key: 'email', zh: '电子邮箱', en: 'E-mail', kind: 'email' },
      { key: 'phone', zh: '电话', en: 'Telephone', kind: 'phone' },
      { key: 'fax', zh: '传真', en: 'Fax', kind: 'phone' },
    ],
  },
];

export function isQualificationSection(s: unknown): s is QualificationSection {
  return typeof s === 'string' && (QUALIFICATION_SECTIONS as readonly string[]).includes(s);
}

export function qualificationSection(key: QualificationSection): QualificationSectionDef {
  return QUALIFICATION_CATALOGUE.find((s) => s.key === key)!;
}

/** The keys of the fields the system fills in a tab. */
export function systemFieldKeys(section: QualificationSection): string[] {
  return qualificationSection(section).fields.filter((f) => f.system).map((f) => f.key);
}

/** One editable value, all optional: what a filled value must look like. */
export function validateQualificationValue(field: QualificationField, value: unknown): string | null {
  const v = trimmed(value);
  if (v === '') return null;
  switch (field.kind) {
    case 'text':
      return charLength(v) <= (field.max ?? 100) ? null : 'text.tooLong';
    case 'date':
      if (!/^\d{8}$/.test(v)) return 'date.format';
      return isRealDate(v) ? null : 'date.invalid';
    case 'select':
      return field.options?.some((o) => o.value === v) ? null : 'option.invalid';
    case 'phone':
      return validatePhone(v, false);
    case 'email':
      return validateEmail(v, false);
    case 'customsCode':
      return /^\d{4}$/.test(v) ? null : 'customsCode.format';
    case 'flag':
      return v === '1' || v === '0' ? null : 'option.invalid';
  }
}

/**
 * A save of one tab. `current` is what is stored; a system field may be sent back unchanged
 * (a page posts its whole form) but never with another value. Unknown keys are reported under
 * `_unknown`.
 */
export function validateQualificationSave(
  section: QualificationSection,
  input: Record<string, unknown>,
  current: Record<string, string>,
): FieldErrors {
  const def = qualificationSection(section);
  const e: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) {
    const field = def.fields.find((f) => f.key === key);
    if (!field) {
      e[key] = 'qualification.unknownField';
      continue;
    }
    if (typeof value !== 'string') {
      e[key] = 'validation';
      continue;
    }
    if (field.system) {
      if (value.trim() !== (current[key] ?? '')) e[key] = 'qualification.readOnly';
      continue;
    }
    const code = validateQualificationValue(field, value);
    if (code) e[key] = code;
  }
  return e;
}
