// The files of the virtual-card driver (docs/card-agent.md): <dir>/readers.json and
// <dir>/cards/<cardNo>.json. Shared by the driver (inside the agent) and the CLI/library (outside
// it), so every write is atomic (temp file + rename): a reader of the file never sees half of it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CardInfo, CardMedium, CardType } from './driver';

export type CardFile = {
  cardNo: string;
  cardType: CardType;
  medium: CardMedium;
  holderName: string;
  enterpriseName: string;
  uscc: string;
  notAfter: string;
  certificate: string; // PEM
  privateKey: string; // PKCS#8 PEM encrypted with a key derived from the PIN (scrypt)
  pinHash: string; // scrypt$N$r$p$salt$hash
  pinTriesLeft: number;
  locked: boolean;
};

export type ReaderSlot = { id: string; name: string; cardNo: string | null };
export type ReadersFile = { readers: ReaderSlot[] };

export const DEFAULT_READERS: ReaderSlot[] = [
  { id: 'reader-1', name: 'Virtual card reader 1', cardNo: null },
  { id: 'reader-2', name: 'Virtual card reader 2', cardNo: null },
];

// Card numbers become file names: keep them to a safe alphabet so none can point outside cards/.
const CARD_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class VirtualCardError extends Error {}

export function isCardNo(cardNo: unknown): cardNo is string {
  return typeof cardNo === 'string' && CARD_NO.test(cardNo);
}

export const readersPath = (dir: string) => path.join(dir, 'readers.json');
export const cardsDir = (dir: string) => path.join(dir, 'cards');

export function cardPath(dir: string, cardNo: string): string {
  if (!isCardNo(cardNo)) throw new VirtualCardError(`"${cardNo}" is not a valid card number (letters, digits, - and _, at most 64)`);
  return path.join(cardsDir(dir), `${cardNo}.json`);
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
}

/** Writes the whole file or nothing. Card files hold key material: owner-only permissions. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = tempName(file);
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Like writeFileAtomic but fails when the file exists (link does not replace, rename would). */
function createFileAtomic(file: string, text: string): void {
  const tmp = tempName(file);
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Creates the folder, cards/ and a readers.json with reader-1 and reader-2 when missing. */
export function ensureLayout(dir: string): void {
  fs.mkdirSync(cardsDir(dir), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(readersPath(dir))) {
    try {
      createFileAtomic(readersPath(dir), `${JSON.stringify({ readers: DEFAULT_READERS }, null, 2)}\n`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
    }
  }
}

export function readReaders(dir: string): ReadersFile {
  const file = readersPath(dir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { readers: DEFAULT_READERS.map((r) => ({ ...r })) };
    throw new VirtualCardError(`${file} is not readable JSON: ${(err as Error).message}`);
  }
  const readers = (parsed as ReadersFile)?.readers;
  const ok =
    Array.isArray(readers) &&
    readers.every((r) => r && typeof r.id === 'string' && typeof r.name === 'string' && (r.cardNo === null || isCardNo(r.cardNo)));
  if (!ok) throw new VirtualCardError(`${file} should look like {"readers":[{"id":"reader-1","name":"…","cardNo":null}]}`);
  return { readers: readers.map((r) => ({ id: r.id, name: r.name, cardNo: r.cardNo })) };
}

export function writeReaders(dir: string, readers: ReadersFile): void {
  writeFileAtomic(readersPath(dir), `${JSON.stringify(readers, null, 2)}\n`);
}

function isCardFile(c: unknown): c is CardFile {
  const f = c as CardFile;
  return (
    !!f &&
    isCardNo(f.cardNo) &&
    (f.cardType === 'legal' || f.cardType === 'operator') &&
    (f.medium === 'ic' || f.medium === 'ikey') &&
    ['holderName', 'enterpriseName', 'uscc', 'notAfter', 'certificate', 'privateKey', 'pinHash'].every((k) => typeof f[k as keyof CardFile] === 'string') &&
    Number.isInteger(f.pinTriesLeft) &&
    typeof f.locked === 'boolean'
  );
}

/** The card file, or null when there is none; a damaged file is an error naming it. */
export function readCardFile(dir: string, cardNo: string): CardFile | null {
  const file = cardPath(dir, cardNo);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new VirtualCardError(`${file} is not readable JSON: ${(err as Error).message}`);
  }
  if (!isCardFile(parsed) || parsed.cardNo !== cardNo) throw new VirtualCardError(`${file} is not a valid card file`);
  return parsed;
}

export function writeCardFile(dir: string, card: CardFile, opts: { create?: boolean } = {}): void {
  const text = `${JSON.stringify(card, null, 2)}\n`;
  if (!opts.create) return writeFileAtomic(cardPath(dir, card.cardNo), text);
  try {
    createFileAtomic(cardPath(dir, card.cardNo), text);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new VirtualCardError(`card ${card.cardNo} already exists in ${cardsDir(dir)}`);
    throw err;
  }
}

/** Card numbers of every card file in cards/ (temp files and other names are ignored). */
export function listCardNos(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(cardsDir(dir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter(isCardNo)
    .sort();
}

/** The public part of a card file; tries left never shows more than the agent's current limit. */
export function cardInfo(card: CardFile, pinMaxTries?: number): CardInfo {
  const pinTriesLeft = card.locked ? 0 : Math.max(0, pinMaxTries === undefined ? card.pinTriesLeft : Math.min(card.pinTriesLeft, pinMaxTries));
  return {
    cardNo: card.cardNo,
    cardType: card.cardType,
    medium: card.medium,
    holderName: card.holderName,
    enterpriseName: card.enterpriseName,
    uscc: card.uscc,
    notAfter: card.notAfter,
    locked: card.locked,
    pinTriesLeft,
  };
}
