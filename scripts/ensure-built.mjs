// Runs `npm run build` when the build is missing or older than any source file, so that
// `npm start` and `npm test` on a fresh clone or after an edit always run current code.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sources = ['domain', 'workflows', 'activities', 'api', 'db', 'scripts', 'card-agent', 'test', 'web-portal', 'admin-ui', 'package.json', 'tsconfig.json'];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (changed > built) {
  console.log(built ? 'sources changed since the last build: building ...' : 'first start: building ...');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
