// A proof of card possession (docs/api.md, Cards): a fresh single-use challenge from the portal
// API, signed by the card through the agent. Every card-proven request needs a new one.
import { cardsApi } from '../api/endpoints';
import type { CardProof, CardPurpose } from '../api/types';
import { CardAgentError, cardAgent } from './client';

/**
 * `expectCardNo`: the card the PIN was typed for. When another card sits in the reader now, the
 * PIN is not tried on it (a wrong PIN would count against that card).
 */
export async function createCardProof(purpose: CardPurpose, readerId: string, pin: string, expectCardNo?: string): Promise<CardProof> {
  if (expectCardNo) {
    const status = await cardAgent.status();
    const card = status.readers.find((r) => r.id === readerId)?.card ?? null;
    if (!card) throw new CardAgentError('card.absent');
    if (card.cardNo !== expectCardNo) throw new CardAgentError('card.changed');
  }
  const { challengeId, challenge } = await cardsApi.challenge(purpose);
  const signed = await cardAgent.sign(readerId, pin, challenge);
  if (expectCardNo && signed.cardNo !== expectCardNo) throw new CardAgentError('card.changed');
  return { challengeId, certificate: signed.certificate, signature: signed.signature };
}
