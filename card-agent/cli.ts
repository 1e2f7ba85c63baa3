// Virtual-card CLI: `node dist/card-agent/cli.js <command>` (npm run card -- <command>).
// Exit codes: 0 done, 1 the command failed (back office, missing card, files), 2 wrong usage.
import path from 'node:path';
import { AgentConfigError, loadAgentConfig } from './config';
import { VirtualCardError, createVirtualCard, insertCard, listCards, removeCard } from './virtualCards';

const USAGE = `usage: card <command> [--dir <folder>]
  create --type legal|operator --uscc U --enterprise NAME --holder NAME --id-type resident --id-number N
         [--medium ic|ikey] [--pin 123456] [--back-office http://127.0.0.1:3000]
  list
  insert <cardNo> [--reader reader-1]
  remove [--reader reader-1]
The folder is --dir, else CARD_AGENT_DIR, else data/cards.`;

class UsageError extends Error {}

type Parsed = { command: string; positional: string[]; options: Map<string, string> };

/** `--name value` and `--name=value`; every option takes a value. */
function parse(argv: string[]): Parsed {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (!name || value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    options.set(name, value);
  }
  return { command, positional, options };
}

/** Reads the options a command allows; an unknown option or a missing required one is a usage error. */
function take(p: Parsed, allowed: Record<string, { required?: boolean; default?: string }>, positional = 0): Record<string, string> {
  for (const name of p.options.keys()) {
    if (name !== 'dir' && !(name in allowed)) throw new UsageError(`${p.command} has no option --${name}`);
  }
  if (p.positional.length > positional) throw new UsageError(`unexpected argument "${p.positional[positional]}"`);
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(allowed)) {
    const value = p.options.get(name) ?? spec.default;
    if (value === undefined || value === '') {
      if (spec.required) throw new UsageError(`${p.command} needs --${name}`);
    } else out[name] = value;
  }
  return out;
}

function oneOf(name: string, value: string, choices: string[]): void {
  if (!choices.includes(value)) throw new UsageError(`--${name} must be ${choices.join(' or ')} (got "${value}")`);
}

/** Terminal width of a string: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

async function create(p: Parsed, dir: string, pinMaxTries: number): Promise<void> {
  const o = take(p, {
    type: { required: true },
    uscc: { required: true },
    enterprise: { required: true },
    holder: { required: true },
    'id-type': { required: true },
    'id-number': { required: true },
    medium: { default: 'ic' },
    pin: { default: '123456' },
    'back-office': { default: 'http://127.0.0.1:3000' },
  });
  oneOf('type', o.type, ['legal', 'operator']);
  oneOf('medium', o.medium, ['ic', 'ikey']);
  if (!/^\d{4,16}$/.test(o.pin)) throw new UsageError('--pin must be 4 to 16 digits');
  let endpoint: URL;
  try {
    endpoint = new URL('/api/dev/cards', o['back-office']);
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new Error();
  } catch {
    throw new UsageError(`--back-office must be an http(s) URL (got "${o['back-office']}")`);
  }
  const card = await createVirtualCard({
    dir,
    cardType: o.type as 'legal' | 'operator',
    medium: o.medium as 'ic' | 'ikey',
    pin: o.pin,
    holderName: o.holder,
    enterpriseName: o.enterprise,
    uscc: o.uscc,
    pinMaxTries,
    issue: async (publicKey) => {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            publicKey,
            cardType: o.type,
            medium: o.medium,
            holderName: o.holder,
            holderIdType: o['id-type'],
            holderIdNumber: o['id-number'],
            uscc: o.uscc,
            enterpriseName: o.enterprise,
          }),
        });
      } catch (err) {
        throw new VirtualCardError(`cannot reach the back office at ${endpoint.origin} (is it running?): ${(err as Error).cause ?? (err as Error).message}`);
      }
      const text = await res.text();
      if (res.status === 404) throw new VirtualCardError(`${endpoint.href} answered 404: the developer endpoint exists only under npm start (NODE_ENV=development, simulators on) and answers this machine only (use a 127.0.0.1 or localhost URL). ${text.slice(0, 200)}`);
      if (!res.ok) throw new VirtualCardError(`the back office refused the card (${res.status}): ${text.slice(0, 500)}`);
      try {
        return JSON.parse(text) as { cardNo: string; certificate: string };
      } catch {
        throw new VirtualCardError(`the back office answered something that is not JSON: ${text.slice(0, 200)}`);
      }
    },
  });
  console.log(`created card ${card.cardNo} (${card.cardType}, ${card.medium}) for ${card.holderName}, ${card.enterpriseName}`);
  console.log(`certificate valid until ${card.notAfter}; PIN ${o.pin}; file ${path.join(dir, 'cards', `${card.cardNo}.json`)}`);
  console.log(`insert it with: npm run card -- insert ${card.cardNo}`);
}

function list(p: Parsed, dir: string): void {
  take(p, {});
  const cards = listCards(dir);
  if (cards.length === 0) {
    console.log(`no cards in ${dir}`);
    return;
  }
  const rows = [
    ['CARD NO', 'TYPE', 'MEDIUM', 'HOLDER', 'ENTERPRISE', 'USCC', 'READER', 'PIN'],
    ...cards.map((c) => [
      c.cardNo,
      c.cardType,
      c.medium,
      c.holderName,
      c.enterpriseName,
      c.uscc,
      c.readerId ?? '-',
      c.locked ? 'LOCKED' : `${c.pinTriesLeft} tries left`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  for (const r of rows) console.log(r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd());
}

function insert(p: Parsed, dir: string): void {
  const o = take(p, { reader: { default: 'reader-1' } }, 1);
  const cardNo = p.positional[0];
  if (!cardNo) throw new UsageError('insert needs a card number');
  insertCard(dir, cardNo, o.reader);
  console.log(`card ${cardNo} is in ${o.reader}`);
}

function remove(p: Parsed, dir: string): void {
  const o = take(p, { reader: { default: 'reader-1' } });
  const cardNo = removeCard(dir, o.reader);
  console.log(cardNo ? `card ${cardNo} removed from ${o.reader}` : `${o.reader} was empty`);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const p = parse(argv);
    if (!p.command || p.command === 'help' || p.command === '--help' || p.command === '-h') {
      console.log(USAGE);
      return p.command ? 0 : 2;
    }
    const config = loadAgentConfig();
    const dir = p.options.has('dir') ? path.resolve(process.cwd(), p.options.get('dir') as string) : config.dir;
    switch (p.command) {
      case 'create':
        await create(p, dir, config.pinMaxTries);
        break;
      case 'list':
        list(p, dir);
        break;
      case 'insert':
        insert(p, dir);
        break;
      case 'remove':
        remove(p, dir);
        break;
      default:
        throw new UsageError(`unknown command "${p.command}"`);
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`card: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof AgentConfigError) {
      console.error(err.message);
      return 2;
    }
    if (err instanceof VirtualCardError) {
      console.error(`card: ${err.message}`);
      return 1;
    }
    console.error(`card: ${(err as Error)?.stack ?? String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
