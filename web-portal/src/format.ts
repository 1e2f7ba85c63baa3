// Display formats for dates and validity periods.
import type { Lang, Translate } from './i18n';

const LONG_TERM = '00000000';

/** 20200131 → 2020-01-31; 00000000 → 长期有效; anything else as it is. */
export function formatYmd(value: string | null | undefined, t: Translate): string {
  if (!value) return t('common.none');
  if (value === LONG_TERM) return t('common.longTerm');
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
}

export function formatValidity(from: string | null | undefined, to: string | null | undefined, t: Translate): string {
  if (!from && !to) return t('common.none');
  return `${formatYmd(from, t)} ~ ${formatYmd(to, t)}`;
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}
