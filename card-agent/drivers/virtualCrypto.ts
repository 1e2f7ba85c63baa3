// Secrets of a virtual card file: the PIN only as a scrypt hash, the private key only as an
// encrypted PKCS#8 whose key is derived from the PIN with scrypt (PBES2, RFC 8018 + RFC 7914).
// A copied card file is useless without the PIN; what stops guessing is the retry counter,
// which only the agent enforces (a real card enforces it in hardware).
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
// Same figures as the back office's passwords; 16 MiB fits OpenSSL's default limit when it decrypts.
const PARAMS = { N: 16384, r: 8, p: 1 };
const MAXMEM = 64 * 1024 * 1024;

export const PIN_PATTERN = /^\d{4,16}$/;

export function isPinFormat(pin: unknown): pin is string {
  return typeof pin === 'string' && PIN_PATTERN.test(pin);
}

/** `scrypt$N$r$p$salt$hash`, the back office's format, so parameters can be raised later. */
export async function hashPin(pin: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(pin, salt, 32, { ...PARAMS, maxmem: MAXMEM });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function checkPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

// --- a minimal DER writer, enough for EncryptedPrivateKeyInfo -------------------------------

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, body: Buffer) => Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const octets = (b: Buffer) => tlv(0x04, b);
function integer(n: number): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let b = Buffer.from(hex, 'hex');
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}
function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) chunk.unshift((x & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}
const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_SCRYPT = '1.3.6.1.4.1.11591.4.11';
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

/**
 * "ENCRYPTED PRIVATE KEY" PEM: PBES2 with scrypt and AES-256-CBC. Node's own export only offers
 * PBKDF2, so the structure is written here; OpenSSL (and so Node) reads it back with the PIN.
 */
export async function encryptPrivateKey(key: crypto.KeyObject, pin: string): Promise<string> {
  const plain = key.export({ format: 'der', type: 'pkcs8' });
  const salt = crypto.randomBytes(16); // independent of the PIN hash's salt: the hash must not be the key
  const iv = crypto.randomBytes(16);
  const aesKey = await scrypt(pin, salt, 32, { ...PARAMS, maxmem: MAXMEM });
  const cipher = crypto.createCipheriv('aes-256-cbc', aesKey, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const der = seq(
    seq(
      oid(OID_PBES2),
      seq(
        seq(oid(OID_SCRYPT), seq(octets(salt), integer(PARAMS.N), integer(PARAMS.r), integer(PARAMS.p), integer(32))),
        seq(oid(OID_AES256_CBC), octets(iv)),
      ),
    ),
    octets(encrypted),
  );
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${lines.join('\n')}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
}

/** The card's private key; throws when the PIN does not decrypt it. Blocks ~50 ms (OpenSSL's scrypt). */
export function decryptPrivateKey(pem: string, pin: string): crypto.KeyObject {
  return crypto.createPrivateKey({ key: pem, format: 'pem', passphrase: pin });
}
