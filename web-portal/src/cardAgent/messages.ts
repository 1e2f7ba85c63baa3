// One sentence for a card-agent failure, in the user's language.
import { messageFor } from '../../../domain';
import { isApiError } from '../api/client';
import { describeError } from '../api/errors';
import type { Lang, Translate } from '../i18n';
import { isCardAgentError } from './client';

export function describeAgentError(e: unknown, t: Translate): string {
  if (!isCardAgentError(e)) return describeError(e, t);
  switch (e.code) {
    case 'agent.unreachable':
      return t('cardAgent.unreachable');
    case 'origin.refused':
    case 'host.refused':
      return t('cardAgent.refused');
    case 'card.absent':
      return t('cardAgent.absent');
    case 'reader.unknown':
      return t('cardAgent.readerUnknown');
    case 'pin.wrong':
      return e.pinTriesLeft !== null && e.pinTriesLeft <= 0
        ? t('cardAgent.pinWrongLocked')
        : e.pinTriesLeft !== null
          ? t('cardAgent.pinWrong', { n: e.pinTriesLeft })
          : t('cardAgent.pinWrongNoCount');
    case 'card.locked':
      return t('cardAgent.locked');
    case 'pin.format':
      return t('cardAgent.pinFormat');
    case 'card.changed':
      return t('cardAgent.changed');
    default:
      return t('cardAgent.failed');
  }
}

/**
 * The problem of a card-proven request (422): fields.card, else the first field, in words; null
 * when the error has no field problems.
 */
export function cardProblem(err: unknown, lang: Lang): string | null {
  if (!isApiError(err) || !err.hasFields) return null;
  const p = err.fields.card ?? Object.values(err.fields)[0];
  return p.message ?? messageFor(p.code, lang);
}
