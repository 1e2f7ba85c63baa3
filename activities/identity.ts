// How identity numbers are written: encrypted, keyed hash for look-ups, masked copy for views.
import { maskIdNumber } from '../domain/masking';
import { encryptText, keyedHash, PiiKeys } from '../db/pii';

export function idNumberHash(keys: PiiKeys, idType: string, idNumber: string): string {
  return keyedHash(keys, `id:${idType}`, idNumber.trim().toUpperCase());
}

export function sealIdNumber(keys: PiiKeys, idType: string, idNumber: string) {
  const normalized = idNumber.trim().toUpperCase();
  return {
    enc: encryptText(keys, normalized),
    hash: idNumberHash(keys, idType, normalized),
    masked: maskIdNumber(normalized),
  };
}
