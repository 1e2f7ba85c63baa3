// The browser's calls to the local card agent (docs/card-agent.md). Its address comes from the
// portal's GET /api/config (cardAgentUrl). PINs go to the agent only, never to the portal API.
import { configApi } from '../api/endpoints';
import type { AgentStatus, SignResult } from './types';

/**
 * What went wrong with the agent or the card:
 * agent.unreachable (no agent listening), origin.refused (this site is not allowed),
 * card.absent, reader.unknown, pin.wrong (with pinTriesLeft), card.locked, pin.format,
 * card.changed (another card than the one the PIN was given for), agent.error (anything else).
 */
export class CardAgentError extends Error {
  readonly code: string;
  readonly status: number;
  readonly pinTriesLeft: number | null;

  constructor(code: string, status = 0, pinTriesLeft: number | null = null) {
    super(code);
    this.name = 'CardAgentError';
    this.code = code;
    this.status = status;
    this.pinTriesLeft = pinTriesLeft;
  }
}

export function isCardAgentError(e: unknown): e is CardAgentError {
  return e instanceof CardAgentError;
}

const STATUS_TIMEOUT_MS = 4000;
const SIGN_TIMEOUT_MS = 30_000;

let urlPromise: Promise<string> | null = null;

/** The agent's base URL (no trailing slash), fetched once per page. */
export function agentUrl(): Promise<string> {
  if (!urlPromise) {
    urlPromise = configApi.get().then(
      (c) => String(c.cardAgentUrl || '').replace(/\/+$/, ''),
      (e: unknown) => {
        urlPromise = null; // try again next time
        throw e;
      },
    );
  }
  return urlPromise;
}

/** ws://… of the event stream for an http(s) base URL. */
export function eventsUrl(base: string): string {
  return `${base.replace(/^http/i, 'ws')}/v1/events`;
}

async function call<T>(method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<T> {
  let base: string;
  try {
    base = await agentUrl();
  } catch {
    throw new CardAgentError('agent.unreachable');
  }
  if (!base) throw new CardAgentError('agent.unreachable');
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    // Connection refused, CORS refusal without headers, timeout: the browser cannot tell them apart.
    throw new CardAgentError('agent.unreachable');
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (await res.json()) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  if (!res.ok) {
    const code = typeof parsed.error === 'string' ? parsed.error : 'agent.error';
    const tries = typeof parsed.pinTriesLeft === 'number' ? parsed.pinTriesLeft : null;
    throw new CardAgentError(code, res.status, tries);
  }
  return parsed as T;
}

const readerPath = (readerId: string, what: string) => `/v1/readers/${encodeURIComponent(readerId)}/${what}`;

export const cardAgent = {
  status: () => call<AgentStatus>('GET', '/v1/status', undefined, STATUS_TIMEOUT_MS),
  verifyPin: (readerId: string, pin: string) =>
    call<{ ok: true; pinTriesLeft: number }>('POST', readerPath(readerId, 'verify-pin'), { pin }, SIGN_TIMEOUT_MS),
  /** Signs a challenge (base64) with the card in the reader, after its PIN. */
  sign: (readerId: string, pin: string, challengeBase64: string) =>
    call<SignResult>('POST', readerPath(readerId, 'sign'), { pin, challenge: challengeBase64 }, SIGN_TIMEOUT_MS),
};
