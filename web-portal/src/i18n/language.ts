// The chosen UI language, kept in localStorage so it survives reloads. The API client reads it
// to send Accept-Language, so server messages come back in the same language.
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'sw.portal.lang';

export function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function acceptLanguage(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}
