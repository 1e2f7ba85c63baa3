export { LanguageProvider, useLanguage, useT, type Translate } from './LanguageProvider';
export type { Lang } from './language';
export type { MessageKey } from './zh';
