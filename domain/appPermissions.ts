// Q2 我的应用权限 (manual 001 ch.7): the business applications of the single window, grouped in
// permission categories (业务权限分类) with their items (业务权限具体内容). The administrator
// grants items; operators may launch only the applications they were granted. Administrators
// represent the legal person and do no business operations themselves.

export interface AppPermissionItem {
  code: string; // '<category>.<item>'
  zh: string;
  en: string;
}

export interface AppPermissionCategory {
  code: string;
  zh: string;
  en: string;
  items: AppPermissionItem[];
}

const category = (code: string, zh: string, en: string, items: [string, string, string][]): AppPermissionCategory => ({
  code,
  zh,
  en,
  items: items.map(([item, izh, ien]) => ({ code: `${code}.${item}`, zh: izh, en: ien })),
});

export const APP_PERMISSION_CATALOGUE: readonly AppPermissionCategory[] = [
  category('cargo', '货物申报', 'Goods declaration', [
    ['declaration', '进出口报关单申报', 'Import/export customs declaration'],
    ['filingList', '备案清单申报', 'Filing list declaration'],
    ['inspection', '出入境检验检疫申请', 'Entry-exit inspection application'],
    ['query', '报关数据查询', 'Declaration data query'],
  ]),
  category('manifest', '舱单申报', 'Manifest declaration', [
    ['sea', '水运舱单', 'Sea manifest'],
    ['air', '空运舱单', 'Air manifest'],
    ['road', '公路舱单', 'Road manifest'],
    ['rail', '铁路舱单', 'Rail manifest'],
  ]),
  category('transport', '运输工具', 'Means of transport', [
    ['ship', '船舶运输工具申报', 'Vessel declaration'],
    ['aircraft', '航空器申报', 'Aircraft declaration'],
    ['vehicle', '公路车辆申报', 'Road vehicle declaration'],
  ]),
  category('license', '许可证件', 'Licences', [
    ['importExport', '进出口许可证', 'Import/export licence'],
    ['electromechanical', '机电产品进口许可', 'Electromechanical product import licence'],
    ['dualUse', '两用物项和技术进出口许可', 'Dual-use items and technologies licence'],
  ]),
  category('origin', '原产地证', 'Certificates of origin', [
    ['certificate', '原产地证书申请', 'Certificate of origin application'],
    ['declaration', '原产地声明', 'Origin declaration'],
    ['filing', '原产地企业备案', 'Origin enterprise filing'],
  ]),
  category('taxRefund', '出口退税', 'Export tax refund', [
    ['declaration', '出口退税申报', 'Export tax refund declaration'],
    ['query', '退税进度查询', 'Refund progress query'],
  ]),
  category('processing', '加工贸易', 'Processing trade', [
    ['manual', '加工贸易手册', 'Processing trade manual'],
    ['ledger', '加工贸易账册', 'Processing trade ledger'],
    ['bonded', '保税物流管理', 'Bonded logistics'],
  ]),
  category('ecommerce', '跨境电商', 'Cross-border e-commerce', [
    ['import', '跨境电商进口', 'Cross-border e-commerce import'],
    ['export', '跨境电商出口', 'Cross-border e-commerce export'],
  ]),
  category('payment', '税费支付', 'Tax payment', [
    ['pay', '税费电子支付', 'Electronic tax payment'],
    ['query', '税费单查询', 'Tax bill query'],
  ]),
  category('statistics', '查询统计', 'Queries and statistics', [
    ['trade', '进出口统计查询', 'Import/export statistics'],
    ['status', '业务状态查询', 'Business status query'],
  ]),
];

export const APP_PERMISSION_ITEMS: readonly AppPermissionItem[] = APP_PERMISSION_CATALOGUE.flatMap((c) => c.items);

export function isAppPermissionItem(code: unknown): code is string {
  return typeof code === 'string' && APP_PERMISSION_ITEMS.some((i) => i.code === code);
}

export function appPermissionItem(code: string): AppPermissionItem | undefined {
  return APP_PERMISSION_ITEMS.find((i) => i.code === code);
}

export function categoryOfItem(code: string): AppPermissionCategory | undefined {
  return APP_PERMISSION_CATALOGUE.find((c) => c.items.some((i) => i.code === code));
}

/** Item codes in catalogue order, without duplicates. */
export function normalizeAppItems(codes: readonly string[]): string[] {
  const wanted = new Set(codes);
  return APP_PERMISSION_ITEMS.map((i) => i.code).filter((c) => wanted.has(c));
}

/**
 * A saved selection, or the first unknown code. Ticking a category is a shortcut of the page
 * for ticking all its items; category codes are therefore accepted and expanded here.
 */
export function parseAppItems(input: unknown): { items: string[] } | { unknown: string } {
  if (!Array.isArray(input)) return { unknown: String(input) };
  const out: string[] = [];
  for (const code of input) {
    const cat = APP_PERMISSION_CATALOGUE.find((c) => c.code === code);
    if (cat) out.push(...cat.items.map((i) => i.code));
    else if (isAppPermissionItem(code)) out.push(code);
    else return { unknown: typeof code === 'string' ? code.slice(0, 60) : JSON.stringify(code)?.slice(0, 60) ?? '' };
  }
  return { items: normalizeAppItems(out) };
}

/** 'all' when every item of the category is in `selected`, 'some', or 'none' (the tri-state box). */
export function categoryState(cat: AppPermissionCategory, selected: readonly string[]): 'all' | 'some' | 'none' {
  const n = cat.items.filter((i) => selected.includes(i.code)).length;
  return n === 0 ? 'none' : n === cat.items.length ? 'all' : 'some';
}
