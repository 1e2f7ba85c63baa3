// Turning an unexpected failure into one line for an Alert.
import type { Translate } from '../i18n';
import { isApiError } from './client';

export function describeError(e: unknown, t: Translate): string {
  if (isApiError(e)) {
    if (e.status === 0) return t('common.networkError');
    if (e.status >= 500) return t('common.unexpected');
    return e.message;
  }
  return t('common.unexpected');
}
