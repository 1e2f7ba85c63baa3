import { fetchUtils } from 'react-admin';

/** Locale currently chosen in the console; sent as Accept-Language so API messages match. */
let currentLocale = 'zh';
export const setRequestLocale = (locale: string) => {
    currentLocale = locale;
};
export const acceptLanguage = () => (currentLocale === 'en' ? 'en' : 'zh-CN');

export const API_ROOT = '/api/admin';

/**
 * fetchJson that sends the staff session cookie (sw_staff) and the chosen language.
 * Error messages of the API ({ error: { message } }) become the HttpError message.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Accept-Language', acceptLanguage());
    try {
        return await fetchUtils.fetchJson(url, {
            ...options,
            headers,
            credentials: 'same-origin',
        });
    } catch (error: unknown) {
        const e = error as { body?: { error?: { message?: string } }; message?: string };
        const apiMessage = e?.body?.error?.message;
        if (apiMessage && error instanceof Error) {
            error.message = apiMessage;
        }
        throw error;
    }
};
