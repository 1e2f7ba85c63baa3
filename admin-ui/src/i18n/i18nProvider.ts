import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import zhMessages from './zh';
import enMessages from './en';
import { setRequestLocale } from '../providers/http';

export const LOCALES = [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
];

const base = polyglotI18nProvider(
    (locale) => (locale === 'en' ? enMessages : zhMessages),
    'zh',
    LOCALES,
    { allowMissing: true }
);

/** Chinese by default; the LocalesMenuButton switches to English. */
export const i18nProvider: I18nProvider = {
    ...base,
    changeLocale: async (locale: string, options?: any) => {
        await base.changeLocale(locale, options);
        setRequestLocale(locale);
    },
};
