// One sentence for a card-agent failure, in the user's language.
import { describeError } from '../api/errors';
import type { Translate } from '../i18n';
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
