// Configuration of the card agent from environment variables, validated once at start.
// A wrong value stops the agent with a message naming the variable.
import path from 'node:path';

export type AgentConfig = {
  host: '127.0.0.1'; // fixed: the agent holds signing keys, so it must never be reachable from the network
  port: number; // 0 picks a free port (tests)
  origins: string[]; // browser origins allowed to call the agent
  dir: string; // folder of the virtual-card driver (absolute)
  pinMaxTries: number; // wrong PINs before a card locks
};

export const DEFAULT_PORT = 4455;
export const DEFAULT_ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000'];
export const DEFAULT_PIN_MAX_TRIES = 5;

export class AgentConfigError extends Error {}

type Env = Record<string, string | undefined>;

function intIn(problems: string[], name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max) {
    problems.push(`  ${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

/** An origin is exactly scheme://host[:port]: no path, no trailing slash, nothing that could match loosely. */
function parseOrigins(problems: string[], raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_ORIGINS];
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of origins) {
    let ok = false;
    try {
      const u = new URL(o);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === o;
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`  CARD_AGENT_ORIGINS: "${o}" is not an origin like http://127.0.0.1:3000 (scheme, host, optional port; no path or "*")`);
  }
  return origins;
}

export function loadAgentConfig(env: Env = process.env, cwd: string = process.cwd()): AgentConfig {
  const problems: string[] = [];
  const host = env.CARD_AGENT_HOST;
  if (host !== undefined && host !== '' && host !== '127.0.0.1') {
    problems.push(`  CARD_AGENT_HOST: must be 127.0.0.1; the card agent listens on the loopback interface only (got "${host}")`);
  }
  const port = intIn(problems, 'CARD_AGENT_PORT', env.CARD_AGENT_PORT, DEFAULT_PORT, 0, 65535);
  const pinMaxTries = intIn(problems, 'CARD_PIN_MAX_TRIES', env.CARD_PIN_MAX_TRIES, DEFAULT_PIN_MAX_TRIES, 1, 15);
  const origins = parseOrigins(problems, env.CARD_AGENT_ORIGINS);
  const dir = path.resolve(cwd, env.CARD_AGENT_DIR || path.join('data', 'cards'));
  if (problems.length) throw new AgentConfigError(`Invalid card agent configuration:\n${problems.join('\n')}`);
  return { host: '127.0.0.1', port, origins, dir, pinMaxTries };
}
