// Bank-card four-element verification (银行卡四要素: name, ID number, card number, the mobile the bank
// keeps for the card), used by operator and personal real-name (U4, U5). The simulated banks know
// the documented cards of bank-card-seed.json (people of the identity seed, listed on the portal's
// developer page /dev/simulators), and, for tests, one derived debit card per person and mobile:
// its number is a keyed hash under the back office's hash key (19 digits, Luhn check digit), which
// `cardFor` tells.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyedHash, PiiKeys } from '../../db/pii';

/** A card the simulated banks issued, as the seed file documents it. */
export interface SeededBankCard {
  name: string;
  idNumber: string;
  cardNo: string;
  mobile: string; // the mobile the bank keeps for the card (预留手机号)
  bank: string;
  note?: string;
}

export const BANK_CARD_SEED_FILE = path.join(__dirname, 'simulators', 'bank-card-seed.json');

export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The seeded cards (read once per process; the file sits beside the sources, not in dist/). */
let seeded: SeededBankCard[] | undefined;
export function seededBankCards(file = BANK_CARD_SEED_FILE): SeededBankCard[] {
  if (file === BANK_CARD_SEED_FILE && seeded) return seeded;
  const source = fs.existsSync(file) ? file : file.replace(`${path.sep}dist${path.sep}`, path.sep);
  const cards = (JSON.parse(fs.readFileSync(source, 'utf8')).cards as SeededBankCard[]).map((c) => ({
    ...c, name: c.name.trim(), idNumber: c.idNumber.trim().toUpperCase(), cardNo: c.cardNo.replace(/\s/g, ''), mobile: c.mobile.trim(),
  }));
  if (file === BANK_CARD_SEED_FILE) seeded = cards;
  return cards;
}

const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class SimulatedBankCard {
  constructor(private readonly keys: PiiKeys) {}

  /** The derived card of this person with this reserved mobile (tests make people at run time). */
  cardFor(name: string, idNumber: string, mobile: string): string {
    const h = keyedHash(this.keys, 'bank-card', JSON.stringify([name.trim(), idNumber.trim().toUpperCase(), mobile.trim()]));
    const digits = BigInt(`0x${h.slice(0, 24)}`).toString().padStart(14, '0').slice(-14);
    const body = `6217${digits}`;
    return body + luhnDigit(body);
  }

  /** All four elements match one card of the banks: a seeded card, or the person's derived card. */
  verify(input: { name: string; idNumber: string; cardNo: string; mobile: string }): boolean {
    const given = String(input.cardNo ?? '').replace(/\s/g, '');
    const name = String(input.name ?? '').trim();
    const idNumber = String(input.idNumber ?? '').trim().toUpperCase();
    const mobile = String(input.mobile ?? '').trim();
    const seededMatch = seededBankCards().some((c) => c.name === name && c.idNumber === idNumber && c.mobile === mobile && same(c.cardNo, given));
    return seededMatch || same(given, this.cardFor(name, idNumber, mobile));
  }
}
