// The card agent as the applicant's PC runs it: a separate process over a folder of virtual cards,
// called over HTTP and WebSocket like the portal does (docs/card-agent.md).
import 'reflect-metadata'; // @peculiar/x509 needs it loaded first
import { expect } from 'chai';
import * as x509 from '@peculiar/x509';
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { AgentConfigError, loadAgentConfig } from '../../card-agent/config';
import { createVirtualCard, insertCard, listCards, removeCard } from '../../card-agent/virtualCards';

const ROOT = path.resolve(__dirname, '..', '..', '..'); // dist/test/cardAgent → repository
const AGENT_JS = path.join(ROOT, 'dist', 'card-agent', 'agent.js');
const PORTAL = 'http://portal.test';
const EVIL = 'http://evil.test';
const MAX_TRIES = 3; // lower than the cards' own counter (5): the agent's limit wins

// --- a throwaway certificate authority: the agent stores certificates, it does not verify them ---
x509.cryptoProvider.set(crypto.webcrypto as never);
const CA_ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
let caKeys: Promise<crypto.webcrypto.CryptoKeyPair> | undefined;
async function issue(publicKeySpkiPem: string): Promise<{ cardNo: string; certificate: string }> {
  caKeys ??= crypto.webcrypto.subtle.generateKey(CA_ALG, false, ['sign', 'verify']) as Promise<crypto.webcrypto.CryptoKeyPair>;
  const spki = crypto.createPublicKey(publicKeySpkiPem).export({ format: 'der', type: 'spki' });
  const cardNo = `T${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: crypto.randomBytes(8).toString('hex'),
    subject: `CN=${cardNo}`,
    issuer: 'CN=Throwaway test CA',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    publicKey: new Uint8Array(spki),
    signingKey: (await caKeys).privateKey as never,
    signingAlgorithm: CA_ALG,
  });
  return { cardNo, certificate: cert.toString('pem') };
}

// --- the agent process -------------------------------------------------------------------------
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function runAgent(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [AGENT_JS], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agent exited with ${code}:\n${output}`));
    });
  });
}

/** Runs the agent until it exits by itself (for configuration errors). */
function runAgentToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [AGENT_JS], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

function stopAgent(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// --- HTTP and WebSocket clients ------------------------------------------------------------------
type Reply = { status: number; headers: http.IncomingHttpHeaders; body: any };

function call(port: number, method: string, urlPath: string, opts: { origin?: string; json?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const payload = opts.raw ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json));
  const headers: Record<string, string> = { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  if (opts.origin) headers.origin = opts.origin;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Opens the event socket and records every message. */
function listen(port: number, origin: string): Promise<{ ws: WebSocket; events: any[]; next(pred: (e: any) => boolean): Promise<any> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/v1/events`, { origin });
  const events: any[] = [];
  const waiters: { pred: (e: any) => boolean; resolve: (e: any) => void }[] = [];
  ws.on('message', (data) => {
    const e = JSON.parse(String(data));
    events.push(e);
    for (const w of [...waiters]) if (w.pred(e)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  });
  const next = (pred: (e: any) => boolean) =>
    new Promise<any>((resolve, reject) => {
      const seen = events.find(pred);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no such event; got ${JSON.stringify(events)}`)), 4_000);
      waiters.push({ pred, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, events, next }));
    ws.once('error', reject);
  });
}

const challenge = () => crypto.randomBytes(32).toString('base64');

describe('card agent (C2)', function () {
  let dir: string;
  let port: number;
  let agent: ChildProcess | undefined;
  let legal: { cardNo: string; certificate: string };
  let operator: { cardNo: string; certificate: string };
  const LEGAL_PIN = '271828';
  const OPERATOR_PIN = '97531864';
  const env = () => ({ CARD_AGENT_PORT: String(port), CARD_AGENT_DIR: dir, CARD_AGENT_ORIGINS: PORTAL, CARD_PIN_MAX_TRIES: String(MAX_TRIES) });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'card-agent-'));
    legal = await createVirtualCard({ dir, cardType: 'legal', medium: 'ic', pin: LEGAL_PIN, holderName: '张建国', enterpriseName: '河北远航国际贸易有限公司', uscc: '9113000034801880XB', issue });
    operator = await createVirtualCard({ dir, cardType: 'operator', medium: 'ikey', pin: OPERATOR_PIN, holderName: '李敏', enterpriseName: '河北远航国际贸易有限公司', uscc: '9113000034801880XB', issue });
    insertCard(dir, legal.cardNo, 'reader-1');
    insertCard(dir, operator.cardNo, 'reader-2');
    port = await freePort();
    agent = await runAgent(env());
  });

  after(async () => {
    await stopAgent(agent);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('configuration', () => {
    it('refuses to listen anywhere but the loopback, naming the variable', async () => {
      for (const host of ['0.0.0.0', '192.168.1.10', 'localhost', '::']) {
        expect(() => loadAgentConfig({ CARD_AGENT_HOST: host })).to.throw(AgentConfigError, /CARD_AGENT_HOST/);
      }
      expect(loadAgentConfig({ CARD_AGENT_HOST: '127.0.0.1' }).host).to.equal('127.0.0.1');
      const run = await runAgentToExit({ ...env(), CARD_AGENT_HOST: '0.0.0.0' });
      expect(run.code).to.equal(1);
      expect(run.output).to.match(/CARD_AGENT_HOST/);
    });

    it('validates port, origins and tries, and has the contract defaults', () => {
      expect(() => loadAgentConfig({ CARD_AGENT_PORT: 'abc' })).to.throw(/CARD_AGENT_PORT/);
      expect(() => loadAgentConfig({ CARD_AGENT_PORT: '70000' })).to.throw(/CARD_AGENT_PORT/);
      expect(() => loadAgentConfig({ CARD_AGENT_ORIGINS: '*' })).to.throw(/CARD_AGENT_ORIGINS/);
      expect(() => loadAgentConfig({ CARD_AGENT_ORIGINS: 'http://portal.test/' })).to.throw(/CARD_AGENT_ORIGINS/);
      expect(() => loadAgentConfig({ CARD_PIN_MAX_TRIES: '0' })).to.throw(/CARD_PIN_MAX_TRIES/);
      const c = loadAgentConfig({}, '/srv/app');
      expect(c).to.deep.equal({
        host: '127.0.0.1',
        port: 4455,
        origins: ['http://127.0.0.1:3000', 'http://localhost:3000'],
        dir: path.resolve('/srv/app', 'data', 'cards'),
        pinMaxTries: 5,
      });
      expect(loadAgentConfig({ CARD_AGENT_ORIGINS: ' http://a.test , https://b.test:8443' }).origins).to.deep.equal(['http://a.test', 'https://b.test:8443']);
    });
  });

  describe('HTTP', () => {
    it('status lists the readers and the inserted cards', async () => {
      const r = await call(port, 'GET', '/v1/status');
      expect(r.status).to.equal(200);
      expect(r.body.agent).to.equal('sw-card-agent');
      expect(r.body.version).to.be.a('string');
      expect(r.body.readers.map((x: any) => x.id)).to.deep.equal(['reader-1', 'reader-2']);
      const [one, two] = r.body.readers;
      expect(one.driver).to.equal('virtual');
      expect(one.card).to.deep.equal({
        cardNo: legal.cardNo,
        cardType: 'legal',
        medium: 'ic',
        holderName: '张建国',
        enterpriseName: '河北远航国际贸易有限公司',
        uscc: '9113000034801880XB',
        notAfter: new Date(new crypto.X509Certificate(legal.certificate).validTo).toISOString(),
        locked: false,
        pinTriesLeft: MAX_TRIES,
      });
      expect(two.card).to.include({ cardNo: operator.cardNo, cardType: 'operator', medium: 'ikey' });
    });

    it('returns the certificate without a PIN', async () => {
      const r = await call(port, 'GET', '/v1/readers/reader-1/certificate');
      expect(r.status).to.equal(200);
      expect(r.body).to.deep.equal({ cardNo: legal.cardNo, certificate: legal.certificate });
    });

    it('refuses a page from another origin, without CORS headers, and its PIN does not count', async () => {
      const get = await call(port, 'GET', '/v1/status', { origin: EVIL });
      expect(get.status).to.equal(403);
      expect(get.body).to.deep.equal({ error: 'origin.refused' });
      expect(get.headers).not.to.have.property('access-control-allow-origin');
      const sign = await call(port, 'POST', '/v1/readers/reader-1/sign', { origin: EVIL, json: { pin: '000000', challenge: challenge() } });
      expect(sign.status).to.equal(403);
      expect(sign.body).to.deep.equal({ error: 'origin.refused' });
      const status = await call(port, 'GET', '/v1/status');
      expect(status.body.readers[0].card.pinTriesLeft).to.equal(MAX_TRIES);
    });

    it('refuses a Host that is not the loopback (DNS rebinding)', async () => {
      const r = await call(port, 'GET', '/v1/status', { headers: { host: `evil.test:${port}` } });
      expect(r.status).to.equal(403);
      expect(r.body).to.deep.equal({ error: 'host.refused' });
    });

    it('answers the preflight of the allowed origin with the CORS headers, and refuses others', async () => {
      const ok = await call(port, 'OPTIONS', '/v1/readers/reader-1/sign', {
        origin: PORTAL,
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'access-control-request-private-network': 'true' },
      });
      expect(ok.status).to.equal(204);
      expect(ok.headers['access-control-allow-origin']).to.equal(PORTAL);
      expect(ok.headers['access-control-allow-methods']).to.equal('GET, POST');
      expect(ok.headers['access-control-allow-headers']).to.equal('content-type');
      expect(ok.headers['access-control-allow-private-network']).to.equal('true');
      const bad = await call(port, 'OPTIONS', '/v1/readers/reader-1/sign', { origin: EVIL, headers: { 'access-control-request-method': 'POST' } });
      expect(bad.status).to.equal(403);
      expect(bad.headers).not.to.have.property('access-control-allow-origin');
      const get = await call(port, 'GET', '/v1/status', { origin: PORTAL });
      expect(get.status).to.equal(200);
      expect(get.headers['access-control-allow-origin']).to.equal(PORTAL);
    });

    it('signs with the right PIN: an ECDSA P-256 signature over the challenge that the certificate verifies', async () => {
      const c = challenge();
      const r = await call(port, 'POST', '/v1/readers/reader-1/sign', { origin: PORTAL, json: { pin: LEGAL_PIN, challenge: c } });
      expect(r.status).to.equal(200);
      expect(r.body.cardNo).to.equal(legal.cardNo);
      expect(r.body.certificate).to.equal(legal.certificate);
      const publicKey = new crypto.X509Certificate(r.body.certificate).publicKey;
      expect(crypto.verify('sha256', Buffer.from(c, 'base64'), publicKey, Buffer.from(r.body.signature, 'base64'))).to.equal(true);
      expect(crypto.verify('sha256', crypto.randomBytes(32), publicKey, Buffer.from(r.body.signature, 'base64'))).to.equal(false);
    });

    it('does not sign with a wrong PIN and counts it; two at once cost two tries; the right PIN resets', async () => {
      const wrong = await call(port, 'POST', '/v1/readers/reader-1/sign', { json: { pin: '000000', challenge: challenge() } });
      expect(wrong.status).to.equal(403);
      expect(wrong.body).to.deep.equal({ error: 'pin.wrong', pinTriesLeft: MAX_TRIES - 1 });
      const status = await call(port, 'GET', '/v1/status');
      expect(status.body.readers[0].card.pinTriesLeft).to.equal(MAX_TRIES - 1);
      const verified = await call(port, 'POST', '/v1/readers/reader-1/verify-pin', { json: { pin: LEGAL_PIN } });
      expect(verified.status).to.equal(200);
      expect(verified.body).to.deep.equal({ ok: true, pinTriesLeft: MAX_TRIES });
      const both = await Promise.all([1, 2].map(() => call(port, 'POST', '/v1/readers/reader-1/verify-pin', { json: { pin: '1111' } })));
      expect(both.map((r) => r.body.pinTriesLeft).sort()).to.deep.equal([MAX_TRIES - 2, MAX_TRIES - 1]);
      expect((await call(port, 'POST', '/v1/readers/reader-1/verify-pin', { json: { pin: LEGAL_PIN } })).body.pinTriesLeft).to.equal(MAX_TRIES);
    });

    it('checks the input: PIN and challenge formats, body size and type, unknown readers and paths', async () => {
      const sign = (json: unknown) => call(port, 'POST', '/v1/readers/reader-1/sign', { json });
      for (const pin of ['123', '12345678901234567', '12a456', 123456, undefined]) {
        expect((await sign({ pin, challenge: challenge() })).body).to.deep.equal({ error: 'pin.format' });
      }
      for (const c of [crypto.randomBytes(15).toString('base64'), crypto.randomBytes(1025).toString('base64'), 'not base64!!', 42]) {
        const r = await sign({ pin: LEGAL_PIN, challenge: c });
        expect(r.status).to.equal(400);
        expect(r.body).to.deep.equal({ error: 'challenge.format' });
      }
      expect((await sign({ pin: LEGAL_PIN, challenge: crypto.randomBytes(1024).toString('base64') })).status).to.equal(200);
      const big = await call(port, 'POST', '/v1/readers/reader-1/sign', { raw: JSON.stringify({ pin: LEGAL_PIN, challenge: 'A'.repeat(17 * 1024) }) });
      expect(big.status).to.equal(413);
      expect((await call(port, 'POST', '/v1/readers/reader-1/verify-pin', { raw: '{', headers: {} })).body).to.deep.equal({ error: 'body.json' });
      const text = await call(port, 'POST', '/v1/readers/reader-1/verify-pin', { raw: 'pin=1234', headers: { 'content-type': 'text/plain' } });
      expect(text.status).to.equal(415);
      const unknown = await call(port, 'POST', '/v1/readers/reader-9/verify-pin', { json: { pin: '1234' } });
      expect(unknown.status).to.equal(404);
      expect(unknown.body).to.deep.equal({ error: 'reader.unknown' });
      expect((await call(port, 'GET', '/v1/nothing')).status).to.equal(404);
      expect((await call(port, 'GET', '/v1/status')).body.readers[0].card.pinTriesLeft).to.equal(MAX_TRIES); // none of these counted
    });
  });

  describe('events', () => {
    it('refuses a WebSocket upgrade from another origin', async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/v1/events`, { origin: EVIL });
      const err = await new Promise<Error>((resolve) => {
        ws.once('error', resolve);
        ws.once('open', () => resolve(new Error('opened')));
      });
      expect(err.message).to.match(/403/);
    });

    it('pushes removed and inserted when the CLI library moves cards', async () => {
      const { ws, next } = await listen(port, PORTAL);
      try {
        expect(removeCard(dir, 'reader-1')).to.equal(legal.cardNo);
        expect(await next((e) => e.type === 'removed')).to.deep.equal({ type: 'removed', readerId: 'reader-1' });
        const absent = await call(port, 'POST', '/v1/readers/reader-1/sign', { json: { pin: LEGAL_PIN, challenge: challenge() } });
        expect(absent.status).to.equal(404);
        expect(absent.body).to.deep.equal({ error: 'card.absent' });
        insertCard(dir, legal.cardNo, 'reader-1');
        const inserted = await next((e) => e.type === 'inserted');
        expect(inserted.readerId).to.equal('reader-1');
        expect(inserted.card).to.include({ cardNo: legal.cardNo, holderName: '张建国', locked: false });
      } finally {
        ws.close();
      }
    });
  });

  describe('retry counter and lock', () => {
    it(`locks the card after ${MAX_TRIES} wrong PINs: then even the right PIN gets 423`, async () => {
      const { ws, next } = await listen(port, PORTAL);
      try {
        for (let left = MAX_TRIES - 1; left >= 0; left--) {
          const r = await call(port, 'POST', '/v1/readers/reader-2/verify-pin', { origin: PORTAL, json: { pin: '0000' } });
          expect(r.status).to.equal(403);
          expect(r.body).to.deep.equal({ error: 'pin.wrong', pinTriesLeft: left });
        }
        expect(await next((e) => e.type === 'locked')).to.deep.equal({ type: 'locked', readerId: 'reader-2', cardNo: operator.cardNo });
        const verify = await call(port, 'POST', '/v1/readers/reader-2/verify-pin', { json: { pin: OPERATOR_PIN } });
        expect(verify.status).to.equal(423);
        expect(verify.body).to.deep.equal({ error: 'card.locked' });
        const sign = await call(port, 'POST', '/v1/readers/reader-2/sign', { json: { pin: OPERATOR_PIN, challenge: challenge() } });
        expect(sign.status).to.equal(423);
        expect(sign.body).to.deep.equal({ error: 'card.locked' });
        const status = await call(port, 'GET', '/v1/status');
        expect(status.body.readers[1].card).to.include({ locked: true, pinTriesLeft: 0 });
      } finally {
        ws.close();
      }
    });

    it('stays locked after the agent restarts (the counter lives in the card file)', async () => {
      await stopAgent(agent);
      agent = await runAgent(env());
      const verify = await call(port, 'POST', '/v1/readers/reader-2/verify-pin', { json: { pin: OPERATOR_PIN } });
      expect(verify.status).to.equal(423);
      const status = await call(port, 'GET', '/v1/status');
      expect(status.body.readers[1].card).to.include({ cardNo: operator.cardNo, locked: true });
      expect(status.body.readers[0].card).to.include({ cardNo: legal.cardNo, locked: false }); // the other card is fine
      expect(listCards(dir).find((c) => c.cardNo === operator.cardNo)).to.include({ locked: true, readerId: 'reader-2' });
    });
  });

  describe('card files', () => {
    it('hold neither the PIN nor an unencrypted private key; the key opens only with the PIN', () => {
      for (const [card, pin] of [[legal, LEGAL_PIN], [operator, OPERATOR_PIN]] as const) {
        const text = fs.readFileSync(path.join(dir, 'cards', `${card.cardNo}.json`), 'utf8');
        expect(text).not.to.include(pin);
        expect(text).not.to.include('BEGIN PRIVATE KEY');
        expect(text).not.to.include('BEGIN EC PRIVATE KEY');
        const file = JSON.parse(text);
        expect(Object.keys(file).sort()).to.deep.equal(
          ['cardNo', 'cardType', 'medium', 'holderName', 'enterpriseName', 'uscc', 'notAfter', 'certificate', 'privateKey', 'pinHash', 'pinTriesLeft', 'locked'].sort(),
        );
        expect(file.privateKey).to.match(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
        expect(file.pinHash).to.match(/^scrypt\$/);
        const key = crypto.createPrivateKey({ key: file.privateKey, format: 'pem', passphrase: pin });
        const publicOfKey = crypto.createPublicKey(key).export({ format: 'der', type: 'spki' });
        expect(publicOfKey.equals(new crypto.X509Certificate(card.certificate).publicKey.export({ format: 'der', type: 'spki' }))).to.equal(true);
        expect(() => crypto.createPrivateKey({ key: file.privateKey, format: 'pem', passphrase: '000000' })).to.throw();
      }
      expect(fs.readdirSync(path.join(dir, 'cards')).filter((n) => n.endsWith('.tmp'))).to.deep.equal([]); // atomic writes left nothing behind
    });
  });
});
