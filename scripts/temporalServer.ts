// The embedded Temporal dev server used when TEMPORAL_ADDRESS is empty: persistent SQLite file
// under the data folder (WAL), its web UI, and the flows' search attributes.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';

export interface DevServerOptions {
  cli: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  headless?: boolean;
  dbFile?: string; // default <dataDir>/temporal.sqlite; ':memory:' for none
}

export function searchAttributeArgs(): string[] {
  return Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
}

export async function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing answered on ${host}:${port} within ${timeoutMs} ms`);
}

export async function startDevServer(opts: DevServerOptions): Promise<ChildProcess> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = opts.dbFile ?? path.join(opts.dataDir, 'temporal.sqlite');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    '--namespace', opts.namespace,
    '--log-level', 'error',
    ...(dbFile === ':memory:' ? [] : ['--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal']),
    ...(opts.headless ? ['--headless'] : ['--ui-port', String(opts.uiPort)]),
    ...searchAttributeArgs(),
  ];
  const child = spawn(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = fs.createWriteStream(path.join(opts.dataDir, 'temporal.log'), { flags: 'a' });
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`temporal server exited with code ${code}; see ${path.join(opts.dataDir, 'temporal.log')}`))),
  );
  await Promise.race([waitForPort(opts.port, 60_000), exited]);
  return child;
}
