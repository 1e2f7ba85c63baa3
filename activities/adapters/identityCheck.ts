// Identity check (身份核验, CTID-like: 公安部公民网络身份识别系统). Recovery methods that prove a person
// (account owner, legal representative, U4/U5 identity) ask it in addition to comparing with the
// account's keyed hash. The simulator knows the people of identity-seed.json (readable, extendable
// like the registry seed) plus those added at run time (tests, developers).
import fs from 'node:fs';
import path from 'node:path';

export interface IdentityRecord {
  name: string;
  idType: string;
  idNumber: string;
  validFrom: string; // YYYYMMDD
  validTo: string; // YYYYMMDD, 00000000 = 长期 (no end)
  note?: string; // who this is (the seed file's remark, shown on the developer page)
}

export interface IdentityQuery {
  name: string;
  idType: string;
  idNumber: string;
  validFrom?: string; // when the applicant typed the validity, it must match the record
  validTo?: string;
}

export type IdentityResult = 'ok' | 'mismatch' | 'expired';

export interface IdentityCheck {
  check(q: IdentityQuery, now?: Date): IdentityResult;
}

export const IDENTITY_SEED_FILE = path.join(__dirname, 'simulators', 'identity-seed.json');

export class SimulatedIdentityCheck implements IdentityCheck {
  private readonly people: IdentityRecord[];

  constructor(file = IDENTITY_SEED_FILE) {
    const source = fs.existsSync(file) ? file : file.replace(`${path.sep}dist${path.sep}`, path.sep);
    this.people = (JSON.parse(fs.readFileSync(source, 'utf8')).people as IdentityRecord[]).map(normalize);
  }

  /** A person the simulated system knows from now on (tests, developers). */
  add(person: IdentityRecord): void {
    this.people.push(normalize(person));
  }

  /** Everyone the simulator knows, for the developer page /dev/simulators. */
  list(): IdentityRecord[] {
    return this.people.map((p) => ({ ...p }));
  }

  check(q: IdentityQuery, now = new Date()): IdentityResult {
    const name = String(q.name ?? '').trim();
    const number = String(q.idNumber ?? '').trim().toUpperCase();
    const typed = (v?: string) => String(v ?? '').trim();
    const matches = this.people.filter(
      (p) =>
        p.name === name && p.idType === q.idType && p.idNumber === number &&
        (!typed(q.validFrom) || typed(q.validFrom) === p.validFrom) &&
        (!typed(q.validTo) || typed(q.validTo) === p.validTo),
    );
    if (!matches.length) return 'mismatch';
    const d = new Date(now.getTime() + 8 * 3600_000); // the date in China
    const today = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
    return matches.some((p) => p.validTo === '00000000' || p.validTo >= today) ? 'ok' : 'expired';
  }
}

const normalize = (p: IdentityRecord): IdentityRecord => ({
  name: String(p.name).trim(),
  idType: String(p.idType),
  idNumber: String(p.idNumber).trim().toUpperCase(),
  validFrom: String(p.validFrom ?? ''),
  validTo: String(p.validTo ?? ''),
  ...(p.note ? { note: String(p.note) } : {}),
});
