// The agent's HTTP + WebSocket server (docs/card-agent.md). Trust model: it listens on loopback
// only; browsers may call it only from the configured origins (checked on every request and on
// the WebSocket upgrade); local programs send no Origin and are served. The Host header must
// name the loopback too, so a page on a DNS-rebound name cannot reach it as "same origin".
// PINs arrive here and go to the card; private keys never leave the driver.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { AgentConfig } from './config';
import { CardDriver, CardError } from './drivers/driver';
import { VirtualCardDriver } from './drivers/virtual';
import { isPinFormat } from './drivers/virtualCrypto';

export const AGENT_NAME = 'sw-card-agent';
export const AGENT_VERSION = '0.1.0';
const BODY_LIMIT = 16 * 1024;
const CHALLENGE_MIN = 16;
const CHALLENGE_MAX = 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type AgentHandle = { port: number; url: string; close(): Promise<void> };
export type StartAgentOptions = { driver?: CardDriver; log?: (message: string) => void };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

const CARD_ERROR_STATUS: Record<CardError['code'], number> = {
  'reader.unknown': 404,
  'card.absent': 404,
  'card.locked': 423,
  'pin.wrong': 403,
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/** The JSON object in the body; 415 / 413 / 400 otherwise. The limit is checked while reading. */
function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return Promise.reject(new HttpError(415, { error: 'body.content_type' }));
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) return Promise.reject(new HttpError(413, { error: 'body.too_large' }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        req.removeAllListeners('data');
        req.resume(); // drain without keeping anything
        reject(new HttpError(413, { error: 'body.too_large' }));
      } else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > BODY_LIMIT) return;
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        resolve(parsed as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, { error: 'body.json' }));
      }
    });
  });
}

function pinOf(body: Record<string, unknown>): string {
  if (!isPinFormat(body.pin)) throw new HttpError(400, { error: 'pin.format' });
  return body.pin;
}

function challengeOf(body: Record<string, unknown>): Buffer {
  const c = body.challenge;
  if (typeof c !== 'string' || !BASE64.test(c)) throw new HttpError(400, { error: 'challenge.format' });
  const bytes = Buffer.from(c, 'base64');
  if (bytes.length < CHALLENGE_MIN || bytes.length > CHALLENGE_MAX) throw new HttpError(400, { error: 'challenge.format' });
  return bytes;
}

export async function startAgent(config: AgentConfig, opts: StartAgentOptions = {}): Promise<AgentHandle> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const ownDriver = !opts.driver;
  const driver = opts.driver ?? new VirtualCardDriver({ dir: config.dir, pinMaxTries: config.pinMaxTries, log });
  const allowedOrigins = new Set(config.origins);
  let port = config.port;

  /** Host header names the loopback (or is absent, as from old local tools): no DNS rebinding. */
  const hostAllowed = (host: string | undefined): boolean => {
    if (host === undefined) return true;
    const m = /^(127\.0\.0\.1|localhost)(?::(\d+))?$/i.exec(host);
    return !!m && (m[2] === undefined || Number(m[2]) === port);
  };
  /** null when allowed, else the refusal. */
  const refusal = (req: http.IncomingMessage): HttpError | null => {
    if (!hostAllowed(req.headers.host)) return new HttpError(403, { error: 'host.refused' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return new HttpError(403, { error: 'origin.refused' });
    return null;
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse, cors: http.OutgoingHttpHeaders): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const allow = (m: string) => {
      if (method !== m) throw new HttpError(405, { error: 'method.not_allowed' });
    };
    if (pathname === '/v1/status') {
      allow('GET');
      return sendJson(res, 200, { agent: AGENT_NAME, version: AGENT_VERSION, readers: await driver.listReaders() }, cors);
    }
    if (pathname === '/v1/events') throw new HttpError(426, { error: 'upgrade.required' });
    const m = /^\/v1\/readers\/([^/]+)\/(certificate|verify-pin|sign)$/.exec(pathname);
    if (!m) throw new HttpError(404, { error: 'not.found' });
    let readerId: string;
    try {
      readerId = decodeURIComponent(m[1]);
    } catch {
      throw new CardError('reader.unknown');
    }
    if (m[2] === 'certificate') {
      allow('GET');
      return sendJson(res, 200, await driver.certificate(readerId), cors);
    }
    allow('POST');
    const body = await readJson(req);
    const pin = pinOf(body);
    if (m[2] === 'verify-pin') {
      const { pinTriesLeft } = await driver.verifyPin(readerId, pin);
      return sendJson(res, 200, { ok: true, pinTriesLeft }, cors);
    }
    const challenge = challengeOf(body);
    const signed = await driver.sign(readerId, pin, challenge);
    return sendJson(res, 200, { cardNo: signed.cardNo, certificate: signed.certificate, signature: signed.signature.toString('base64') }, cors);
  }

  const server = http.createServer((req, res) => {
    const refused = refusal(req);
    if (refused) return sendJson(res, refused.status, refused.body, { Vary: 'Origin' }); // and no CORS headers
    const origin = req.headers.origin;
    const cors: http.OutgoingHttpHeaders = origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        ...(origin
          ? {
              'Access-Control-Allow-Methods': 'GET, POST',
              'Access-Control-Allow-Headers': 'content-type',
              'Access-Control-Allow-Private-Network': 'true', // Chrome's Private Network Access preflight
              'Access-Control-Max-Age': '600',
            }
          : {}),
      });
      return res.end();
    }
    route(req, res, cors).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof CardError) {
        const body = err.code === 'pin.wrong' ? { error: err.code, pinTriesLeft: err.pinTriesLeft } : { error: err.code };
        return sendJson(res, CARD_ERROR_STATUS[err.code], body, cors);
      }
      if (err instanceof HttpError) {
        // after a refused body the rest of the upload is not worth reading: close the connection
        return sendJson(res, err.status, err.body, err.status === 413 ? { ...cors, Connection: 'close' } : cors);
      }
      log(`card agent: ${req.method} ${req.url} failed: ${(err as Error)?.stack ?? String(err)}`);
      sendJson(res, 500, { error: 'internal' }, cors);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  // --- WebSocket events ----------------------------------------------------------------------
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 }); // clients only listen
  const alive = new WeakMap<WebSocket, boolean>();
  const refuseUpgrade = (socket: Duplex, status: number, body: Record<string, unknown>) => {
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  };
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refused = refusal(req);
    if (refused) return refuseUpgrade(socket, refused.status, refused.body);
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/v1/events') return refuseUpgrade(socket, 404, { error: 'not.found' });
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('error', () => ws.terminate());
    });
  });
  const unsubscribe = driver.onChange((event) => {
    const text = JSON.stringify(event);
    for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  });
  // A browser tab that vanished without closing leaves a dead socket; ping to notice and drop it.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) ws.terminate();
      else {
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, 30_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err) => {
    clearInterval(heartbeat);
    unsubscribe();
    if (ownDriver) await driver.close();
    throw err;
  });
  port = (server.address() as { port: number }).port;

  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${config.host}:${port}`,
    close() {
      closing ??= (async () => {
        clearInterval(heartbeat);
        unsubscribe();
        // say goodbye to event listeners, but do not wait long for their answer
        const goodbyes = [...wss.clients].map((ws) => new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(1001, 'agent stopping');
        }));
        await Promise.race([Promise.all(goodbyes), new Promise((resolve) => setTimeout(resolve, 300).unref())]);
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (ownDriver) await driver.close();
      })();
      return closing;
    },
  };
}
