// The back office's certificate authority for cards (C3): a root and an issuing key pair made on
// first start (kept under CA_DIR), or external key files given by configuration. Card
// certificates carry the card's profile in a private extension; every use of a card checks the
// chain, the validity and (elsewhere) the card's status in the registry.
import 'reflect-metadata';
import crypto, { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(crypto.webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
/** Private enterprise arc of this back office: the card profile extension. */
export const CARD_PROFILE_OID = '1.3.6.1.4.1.55555.1.1';

export type CardType = 'legal' | 'operator';
export type CardMedium = 'ic' | 'ikey';

/** What a card certificate says about its card and holder. */
export interface CardProfile {
  cardNo: string;
  cardType: CardType;
  medium: CardMedium;
  holderName: string;
  holderIdType: string;
  holderIdHash: string; // keyed hash of the holder's ID number: matches accounts.idNumberHash
  holderIdMasked: string;
  uscc: string;
  enterpriseName: string;
}

export interface Authority {
  root: x509.X509Certificate;
  issuing: x509.X509Certificate;
  issuingKey: webcrypto.CryptoKey;
}

export interface AuthorityFiles {
  dir: string;
  rootCert?: string; // external files (all three or none)
  issuingCert?: string;
  issuingKey?: string;
}

const subtle = crypto.webcrypto.subtle;
const serial = () => crypto.randomBytes(16).toString('hex').replace(/^[89a-f]/, '1');

async function exportKey(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importPrivateKey(pem: string): Promise<webcrypto.CryptoKey> {
  const der = crypto.createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  return subtle.importKey('pkcs8', der, ALG, false, ['sign']);
}

/** Loads the CA, creating root and issuing keys on first start when no external files are given. */
export async function loadAuthority(files: AuthorityFiles): Promise<Authority> {
  const external = files.rootCert && files.issuingCert && files.issuingKey;
  const p = external
    ? { root: files.rootCert!, issuing: files.issuingCert!, key: files.issuingKey! }
    : { root: path.join(files.dir, 'root.crt.pem'), issuing: path.join(files.dir, 'issuing.crt.pem'), key: path.join(files.dir, 'issuing.key.pem') };
  if (!fs.existsSync(p.root) || !fs.existsSync(p.issuing) || !fs.existsSync(p.key)) {
    if (external) throw new Error(`CA files not found: ${[p.root, p.issuing, p.key].filter((f) => !fs.existsSync(f)).join(', ')}`);
    await createAuthority(files.dir);
  }
  const root = new x509.X509Certificate(fs.readFileSync(p.root, 'utf8'));
  const issuing = new x509.X509Certificate(fs.readFileSync(p.issuing, 'utf8'));
  if (!(await issuing.verify({ publicKey: root.publicKey, signatureOnly: true }))) throw new Error('the issuing certificate is not signed by the root');
  return { root, issuing, issuingKey: await importPrivateKey(fs.readFileSync(p.key, 'utf8')) };
}

async function createAuthority(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = Date.now();
  const rootKeys = (await subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: new x509.Name([{ CN: ['单一窗口身份认证根CA (开发)'] }, { O: ['Single Window Identity Back Office'] }, { C: ['CN'] }]),
    keys: rootKeys,
    signingAlgorithm: ALG,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 20 * 365 * 86400_000),
    extensions: [new x509.BasicConstraintsExtension(true, 1, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const issuingKeys = (await subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: new x509.Name([{ CN: ['单一窗口卡证书签发CA (开发)'] }, { O: ['Single Window Identity Back Office'] }, { C: ['CN'] }]),
    issuer: root.subject,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 10 * 365 * 86400_000),
    signingAlgorithm: ALG,
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  // The root's private key is not kept: the issuing CA is all a running back office needs.
  fs.writeFileSync(path.join(dir, 'root.crt.pem'), root.toString('pem'));
  fs.writeFileSync(path.join(dir, 'issuing.crt.pem'), issuing.toString('pem'));
  fs.writeFileSync(path.join(dir, 'issuing.key.pem'), await exportKey(issuingKeys.privateKey), { mode: 0o600 });
}

export async function issueCardCertificate(
  ca: Authority,
  input: { publicKeyPem: string; profile: CardProfile; notBefore: Date; notAfter: Date },
): Promise<{ pem: string; serial: string }> {
  const spki = crypto.createPublicKey(input.publicKeyPem).export({ format: 'der', type: 'spki' });
  const publicKey = await subtle.importKey('spki', spki, ALG, true, ['verify']);
  const p = input.profile;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: new x509.Name([{ CN: [p.holderName] }, { '2.5.4.5': [p.cardNo] } /* serialNumber */, { O: [p.enterpriseName] }, { OU: [p.cardType === 'legal' ? '法人卡' : '操作员卡'] }, { C: ['CN'] }]),
    issuer: ca.issuing.subject,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    signingAlgorithm: ALG,
    publicKey,
    signingKey: ca.issuingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.Extension(CARD_PROFILE_OID, false, Buffer.from(JSON.stringify(p), 'utf8')),
    ],
  });
  return { pem: cert.toString('pem'), serial: cert.serialNumber };
}

export type CertificateCheck =
  | { ok: true; profile: CardProfile; serial: string; notBefore: Date; notAfter: Date; publicKey: crypto.KeyObject }
  | { ok: false; code: 'card.certInvalid' | 'card.certExpired' };

/** Chain (issuing CA, then root), validity period and the card profile of a certificate. */
export async function checkCardCertificate(ca: Authority, pem: string, now = new Date()): Promise<CertificateCheck> {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(pem);
  } catch {
    return { ok: false, code: 'card.certInvalid' };
  }
  if (cert.issuer !== ca.issuing.subject) return { ok: false, code: 'card.certInvalid' };
  const signed = await cert.verify({ publicKey: ca.issuing.publicKey, signatureOnly: true }).catch(() => false);
  const chain = await ca.issuing.verify({ publicKey: ca.root.publicKey, signatureOnly: true }).catch(() => false);
  if (!signed || !chain) return { ok: false, code: 'card.certInvalid' };
  const extension = cert.getExtension(CARD_PROFILE_OID);
  if (!extension) return { ok: false, code: 'card.certInvalid' };
  if (now < cert.notBefore || now > cert.notAfter || now > ca.issuing.notAfter) return { ok: false, code: 'card.certExpired' };
  const profile = JSON.parse(Buffer.from(extension.value).toString('utf8')) as CardProfile;
  return { ok: true, profile, serial: cert.serialNumber, notBefore: cert.notBefore, notAfter: cert.notAfter, publicKey: crypto.createPublicKey(pem) };
}
