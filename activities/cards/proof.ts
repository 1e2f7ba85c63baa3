// Proof of card possession: a single-use random challenge (256 bits, one minute, bound to the
// browser that asked) signed by the card after its PIN; the back office checks the challenge,
// the certificate chain and validity, the signature, and the card's status in the registry.
import crypto from 'node:crypto';
import { Op } from 'sequelize';
import type { CardAttrs, CardChallengeAttrs } from '../../db';
import type { Services } from '../services';
import { checkCardCertificate } from './authority';

export const CHALLENGE_TTL_MS = 60_000;

export async function createChallenge(services: Services, purpose: CardChallengeAttrs['purpose'], owner: string) {
  const challengeId = crypto.randomBytes(18).toString('base64url');
  const challenge = crypto.randomBytes(32).toString('base64');
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  await services.db.models.CardChallenge.create({ id: challengeId, challenge, purpose, owner, expiresAt });
  return { challengeId, challenge, expiresAt: expiresAt.toISOString() };
}

export interface CardProofInput {
  challengeId: string;
  owner: string;
  purpose: CardChallengeAttrs['purpose'];
  certificate: string;
  signature: string; // base64 DER ECDSA over SHA-256 of the challenge bytes
}

export type CardProofResult = { ok: true; card: CardAttrs } | { ok: false; code: string };

export async function verifyCardProof(services: Services, input: CardProofInput): Promise<CardProofResult> {
  const { CardChallenge, Card } = services.db.models;
  const challenge = typeof input.challengeId === 'string' ? await CardChallenge.findByPk(input.challengeId) : null;
  if (!challenge) return { ok: false, code: 'card.challengeExpired' };
  if (challenge.owner !== input.owner || challenge.purpose !== input.purpose) return { ok: false, code: 'card.challengeForeign' };
  if (challenge.usedAt) return { ok: false, code: 'card.challengeUsed' };
  if (challenge.expiresAt.getTime() < Date.now()) return { ok: false, code: 'card.challengeExpired' };
  // Used up by this attempt, whatever its outcome: a challenge is never signed twice.
  const [taken] = await CardChallenge.update({ usedAt: new Date() }, { where: { id: challenge.id, usedAt: { [Op.is]: null } } });
  if (taken !== 1) return { ok: false, code: 'card.challengeUsed' };

  const cert = await checkCardCertificate(await services.ca(), String(input.certificate ?? ''));
  if (!cert.ok) return { ok: false, code: cert.code };
  let signed = false;
  try {
    signed = crypto.verify('sha256', Buffer.from(challenge.challenge, 'base64'), { key: cert.publicKey, dsaEncoding: 'der' }, Buffer.from(String(input.signature ?? ''), 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, code: 'card.badSignature' };

  const card = await Card.findOne({ where: { certSerial: cert.serial } });
  if (!card || card.cardNo !== cert.profile.cardNo) return { ok: false, code: 'card.unknown' };
  if (card.status === 'active' && card.notAfter.getTime() < Date.now()) await card.update({ status: 'expired' });
  if (card.status !== 'active') return { ok: false, code: `card.${card.status}` };
  return { ok: true, card: card.get({ plain: true }) };
}

export async function purgeChallenges(services: Services): Promise<number> {
  return services.db.models.CardChallenge.destroy({ where: { expiresAt: { [Op.lt]: new Date(Date.now() - CHALLENGE_TTL_MS) } } });
}
