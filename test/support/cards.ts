// Cards for API tests: a key pair made here (as a card would), a certificate from the real CA,
// and signatures over the API's challenges — what the card agent does, without the agent.
import crypto from 'node:crypto';
import { expect } from 'chai';
import { issueCard } from '../../activities/cards/registry';
import type { Services } from '../../activities/services';
import type { ApiClient } from './apiClient';

export interface TestCard {
  cardNo: string;
  certificate: string;
  privateKey: crypto.KeyObject;
  id: number;
}

export async function makeCard(
  services: Services,
  c: { cardType: 'legal' | 'operator'; uscc: string; enterpriseName: string; holderName: string; holderIdNumber: string; holderIdType?: string; validityDays?: number },
): Promise<TestCard> {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const issued = await issueCard(services, {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    cardType: c.cardType, medium: 'ic', holderName: c.holderName, holderIdType: c.holderIdType ?? 'resident',
    holderIdNumber: c.holderIdNumber, uscc: c.uscc, enterpriseName: c.enterpriseName, validityDays: c.validityDays,
  });
  return { cardNo: issued.cardNo, certificate: issued.certificate, privateKey, id: issued.card.id };
}

export function sign(card: TestCard, challenge: string): string {
  return crypto.sign('sha256', Buffer.from(challenge, 'base64'), { key: card.privateKey, dsaEncoding: 'der' }).toString('base64');
}

/** A fresh challenge of the API signed by the card: the body of any card-proven request. */
export async function proof(api: ApiClient, card: TestCard, purpose: 'login' | 'bind' | 'addOperator' | 'unbind') {
  const c = await api.post('/api/card-challenges', { purpose });
  expect(c.status).to.equal(201);
  return { challengeId: c.body.challengeId as string, certificate: card.certificate, signature: sign(card, c.body.challenge) };
}

/** Starts a card-login flow and presents the card; returns the flow view after `present`. */
export async function presentCard(api: ApiClient, card: TestCard) {
  const flow = await api.post('/api/flows', { type: 'cardLogin' });
  expect(flow.status).to.equal(201);
  const res = await api.step(flow.body.flowId, 'present', await proof(api, card, 'login'));
  return { flowId: flow.body.flowId as string, res };
}
