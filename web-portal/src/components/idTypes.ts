import { ID_TYPES, ID_TYPE_LABELS, type IdType } from '../../../domain';
import type { Lang } from '../i18n';
import type { FieldOption } from './FormField';

/** The ID-document types as select options, resident ID first (the default). */
export function idTypeOptions(lang: Lang): FieldOption[] {
  return ID_TYPES.map((v) => ({ value: v, label: ID_TYPE_LABELS[v][lang] }));
}

export function idTypeLabel(value: string, lang: Lang): string {
  return (ID_TYPE_LABELS as Record<string, { zh: string; en: string }>)[value]?.[lang] ?? value;
}

export const DEFAULT_ID_TYPE: IdType = 'resident';
