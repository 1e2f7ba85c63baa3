// Password hashing with scrypt (memory-hard, in Node's standard library). The stored form names
// its parameters so they can be raised later without breaking old hashes.
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LEN = 32;

export async function hashPassword(plain: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(plain, salt, KEY_LEN, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * The stored password of an account that has none (card-created until A4 activation, or taken
 * over by a legal-person card): no password matches it.
 */
export const UNUSABLE_PASSWORD_HASH = '!none';

export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  // No usable hash: the same scrypt work as a real check, so timing tells nothing either.
  if (scheme !== 'scrypt' || !key) return burnPasswordCheck(plain);
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(plain, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024,
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash to compare against when the account does not exist: the same work, always false. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(plain: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password');
  await verifyPassword(plain, await dummyHash);
  return false;
}
