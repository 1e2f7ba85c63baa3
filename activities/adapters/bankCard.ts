// Bank-card four-element verification (银行卡四要素: name, ID number, card number, the mobile the bank
// keeps for the card), used by operator and personal real-name (U4, U5). The simulated bank issues
// every person exactly one debit card, whose number is derived from the person (keyed hash under the
// back office's hash key, 19 digits with a Luhn check digit): the seeded data needs no table, and
// `cardFor` tells a developer or a test which card a person holds.
import crypto from 'node:crypto';
import { keyedHash, PiiKeys } from '../../db/pii';

function luhnDigit(body: string): string {
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

export class SimulatedBankCard {
  constructor(private readonly keys: PiiKeys) {}

  /** The card the simulated bank issued to this person, reserved mobile included. */
  cardFor(name: string, idNumber: string, mobile: string): string {
    const h = keyedHash(this.keys, 'bank-card', JSON.stringify([name.trim(), idNumber.trim().toUpperCase(), mobile.trim()]));
    const digits = BigInt(`0x${h.slice(0, 24)}`).toString().padStart(14, '0').slice(-14);
    const body = `6217${digits}`;
    return body + luhnDigit(body);
  }

  /** All four elements match one card of the bank. */
  verify(input: { name: string; idNumber: string; cardNo: string; mobile: string }): boolean {
    const expected = this.cardFor(input.name, input.idNumber, input.mobile);
    const given = String(input.cardNo ?? '').replace(/\s/g, '');
    return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  }
}
