// Making and handling virtual cards from outside the agent: the CLI and `npm start` (in-process)
// use these. The agent notices inserts and removals through its file watch.
import crypto from 'node:crypto';
import type { CardInfo, CardMedium, CardType } from './drivers/driver';
import { isPinFormat, encryptPrivateKey, hashPin } from './drivers/virtualCrypto';
import {
  VirtualCardError,
  cardInfo,
  ensureLayout,
  isCardNo,
  listCardNos,
  readCardFile,
  readReaders,
  writeCardFile,
  writeReaders,
} from './drivers/virtualStore';
import { DEFAULT_PIN_MAX_TRIES } from './config';

export { VirtualCardError };

/** The back office's certificate authority, seen from the card: a public key in, a certificate out. */
export type IssueCertificate = (publicKeySpkiPem: string) => Promise<{ cardNo: string; certificate: string }>;

export type CreateVirtualCardOptions = {
  dir: string;
  cardType: CardType;
  medium: CardMedium;
  pin: string; // 4–16 digits
  holderName: string;
  enterpriseName: string;
  uscc: string;
  issue: IssueCertificate;
  pinMaxTries?: number; // the card's retry counter when new (default 5)
};

export type VirtualCardPublic = CardInfo & { certificate: string };
export type VirtualCardListing = CardInfo & { readerId: string | null };

function requireText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new VirtualCardError(`${name} is required`);
  return value.trim();
}

/**
 * Issues a virtual card the way a card agency personalises a real one: the key pair is made
 * "on the card" (here), only the public key goes to the certificate authority, and the private
 * key is stored encrypted under the PIN. Returns the card's public information.
 */
export async function createVirtualCard(opts: CreateVirtualCardOptions): Promise<VirtualCardPublic> {
  if (opts.cardType !== 'legal' && opts.cardType !== 'operator') throw new VirtualCardError('cardType must be legal or operator');
  if (opts.medium !== 'ic' && opts.medium !== 'ikey') throw new VirtualCardError('medium must be ic or ikey');
  if (!isPinFormat(opts.pin)) throw new VirtualCardError('the PIN must be 4 to 16 digits');
  const holderName = requireText('holderName', opts.holderName);
  const enterpriseName = requireText('enterpriseName', opts.enterpriseName);
  const uscc = requireText('uscc', opts.uscc);
  const pinMaxTries = opts.pinMaxTries ?? DEFAULT_PIN_MAX_TRIES;

  ensureLayout(opts.dir);
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spkiPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const issued = await opts.issue(spkiPem);

  if (!issued || !isCardNo(issued.cardNo)) throw new VirtualCardError(`the issuer returned an unusable card number: ${JSON.stringify(issued?.cardNo)}`);
  let cert: crypto.X509Certificate;
  try {
    cert = new crypto.X509Certificate(issued.certificate);
  } catch (err) {
    throw new VirtualCardError(`the issuer returned an unreadable certificate: ${(err as Error).message}`);
  }
  // A certificate for another key would make every signature of this card fail later; refuse it now.
  const spkiDer = (k: crypto.KeyObject) => k.export({ format: 'der', type: 'spki' });
  if (!spkiDer(cert.publicKey).equals(spkiDer(publicKey))) throw new VirtualCardError('the issued certificate is not for this card\'s public key');

  const card = {
    cardNo: issued.cardNo,
    cardType: opts.cardType,
    medium: opts.medium,
    holderName,
    enterpriseName,
    uscc,
    notAfter: new Date(cert.validTo).toISOString(),
    certificate: cert.toString(),
    privateKey: await encryptPrivateKey(privateKey, opts.pin),
    pinHash: await hashPin(opts.pin),
    pinTriesLeft: pinMaxTries,
    locked: false,
  };
  writeCardFile(opts.dir, card, { create: true });
  return { ...cardInfo(card), certificate: card.certificate };
}

function slotOf(dir: string, readerId: string) {
  const file = readReaders(dir);
  const slot = file.readers.find((r) => r.id === readerId);
  if (!slot) throw new VirtualCardError(`no reader "${readerId}" (readers: ${file.readers.map((r) => r.id).join(', ')})`);
  return { file, slot };
}

/** Puts a card into a reader (default reader-1). Inserting it where it already is does nothing. */
export function insertCard(dir: string, cardNo: string, readerId = 'reader-1'): { readerId: string; cardNo: string } {
  ensureLayout(dir);
  if (!readCardFile(dir, cardNo)) throw new VirtualCardError(`no card ${cardNo} in ${dir}`);
  const { file, slot } = slotOf(dir, readerId);
  if (slot.cardNo === cardNo) return { readerId, cardNo };
  if (slot.cardNo) throw new VirtualCardError(`${readerId} already holds card ${slot.cardNo}; remove it first`);
  const elsewhere = file.readers.find((r) => r.cardNo === cardNo);
  if (elsewhere) throw new VirtualCardError(`card ${cardNo} is in ${elsewhere.id}; remove it first`);
  slot.cardNo = cardNo;
  writeReaders(dir, file);
  return { readerId, cardNo };
}

/** Takes the card out of a reader (default reader-1); returns its number, or null when the reader was empty. */
export function removeCard(dir: string, readerId = 'reader-1'): string | null {
  ensureLayout(dir);
  const { file, slot } = slotOf(dir, readerId);
  const cardNo = slot.cardNo;
  if (!cardNo) return null;
  slot.cardNo = null;
  writeReaders(dir, file);
  return cardNo;
}

/** Every card file with its public information and the reader it is in. */
export function listCards(dir: string): VirtualCardListing[] {
  const readers = readReaders(dir).readers;
  return listCardNos(dir).flatMap((cardNo) => {
    const card = readCardFile(dir, cardNo);
    if (!card) return []; // removed between the listing and the read
    return [{ ...cardInfo(card), readerId: readers.find((r) => r.cardNo === cardNo)?.id ?? null }];
  });
}
