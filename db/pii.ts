// Personal data at rest: identity numbers are stored encrypted (AES-256-GCM) with a keyed
// hash (HMAC-SHA256) beside them, so uniqueness look-ups never need the plaintext.
import crypto from 'node:crypto';

export type PiiKeys = { secretKey: Buffer; hashKey: Buffer };

export function encryptText(keys: PiiKeys, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.secretKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decryptText(keys: PiiKeys, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== 'v1') throw new Error('unknown encryption version');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.secretKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** Keyed hash for look-ups: the same input always gives the same value under one key. */
export function keyedHash(keys: PiiKeys, purpose: string, value: string): string {
  return crypto.createHmac('sha256', keys.hashKey).update(`${purpose}\u0000${value}`).digest('hex');
}
