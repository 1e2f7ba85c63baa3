// The card registry: every card the CA issued, its status and every operation on it.
import crypto from 'node:crypto';
import type { Transaction } from 'sequelize';
import { maskIdNumber } from '../../domain/masking';
import type { CardRow } from '../../db';
import { idNumberHash } from '../identity';
import type { Services } from '../services';
import { CardMedium, CardProfile, CardType, issueCardCertificate } from './authority';

export interface IssueCardInput {
  publicKeyPem: string;
  cardType: CardType;
  medium: CardMedium;
  holderName: string;
  holderIdType: string;
  holderIdNumber: string;
  uscc: string;
  enterpriseName: string;
  validityDays?: number;
}

/** Card numbers: 12 digits, unique, so `<cardNo>_ADMIN` stays a short username. */
async function newCardNo(services: Services): Promise<string> {
  for (;;) {
    const cardNo = `21${String(crypto.randomInt(0, 1e10)).padStart(10, '0')}`;
    if (!(await services.db.models.Card.findOne({ where: { cardNo } }))) return cardNo;
  }
}

/** Issues a certificate for a key pair made on a card, and registers the card as active. */
export async function issueCard(services: Services, input: IssueCardInput, actor = { type: 'system', id: 'ca' }) {
  const ca = await services.ca();
  const idNumber = input.holderIdNumber.trim().toUpperCase();
  const profile: CardProfile = {
    cardNo: await newCardNo(services),
    cardType: input.cardType,
    medium: input.medium,
    holderName: input.holderName,
    holderIdType: input.holderIdType,
    holderIdHash: idNumberHash(services.keys, input.holderIdType, idNumber),
    holderIdMasked: maskIdNumber(idNumber),
    uscc: input.uscc,
    enterpriseName: input.enterpriseName,
  };
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + (input.validityDays ?? services.cardValidityDays) * 86400_000);
  const cert = await issueCardCertificate(ca, { publicKeyPem: input.publicKeyPem, profile, notBefore, notAfter });
  const card = await services.db.sequelize.transaction(async (transaction) => {
    const row = await services.db.models.Card.create({
      ...profile, certSerial: cert.serial, certificate: cert.pem, notBefore, notAfter, status: 'active',
    }, { transaction });
    await recordCardOperation(services, { card: row, operation: 'issued', actorType: actor.type, actorId: actor.id }, transaction);
    return row;
  });
  return { cardNo: card.cardNo, certificate: cert.pem, card };
}

export async function recordCardOperation(
  services: Services,
  op: { card: CardRow; operation: string; actorType: string; actorId: string | number; accountId?: number | null; details?: object; opKey?: string },
  transaction?: Transaction,
) {
  await services.db.models.CardOperation.create({
    cardId: op.card.id,
    operation: op.operation,
    actorType: op.actorType,
    actorId: String(op.actorId),
    accountId: op.accountId ?? null,
    details: JSON.stringify(op.details ?? {}),
    opKey: op.opKey ?? `${op.card.id}:${op.operation}:${crypto.randomUUID()}`,
    at: new Date(),
  }, { transaction });
}

/** A card as its owner and staff see it: no certificate internals beyond the serial. */
export function cardView(card: CardRow) {
  return {
    id: card.id,
    cardNo: card.cardNo,
    cardType: card.cardType,
    medium: card.medium,
    holderName: card.holderName,
    holderIdType: card.holderIdType,
    holderIdMasked: card.holderIdMasked,
    uscc: card.uscc,
    enterpriseName: card.enterpriseName,
    certSerial: card.certSerial,
    notBefore: card.notBefore,
    notAfter: card.notAfter,
    status: card.status,
    accountId: card.accountId,
    boundAt: card.boundAt,
  };
}
