// `npm test`: unit tests, then the integration suites (workflows, API) against each database,
// then the browser tests. Each phase is its own mocha process with its own real system.
// Databases: TEST_DATABASES (default "sqlite,mysql"); MySQL/MariaDB is TEST_MYSQL_URL
// (default mysql://root@127.0.0.1:3306/test). Outside CI an unreachable MariaDB is skipped
// with a warning; in CI (CI=true) it is a failure.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { MYSQL_URL } from '../test/support/harness';

const root = path.resolve(__dirname, '..', '..'); // dist/scripts → the repository
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const T = (p: string) => path.join(root, 'dist', 'test', p);

interface Phase {
  name: string;
  specs: string[];
  env?: Record<string, string>;
  harness: boolean;
  timeout: number;
}

async function mysqlReachable(): Promise<string | null> {
  const s = new Sequelize(MYSQL_URL, { logging: false, dialect: 'mysql' });
  try {
    await s.authenticate();
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await s.close().catch(() => undefined);
  }
}

function run(phase: Phase): Promise<{ passed: number; failed: number; pending: number; code: number }> {
  const args = [mocha, '--reporter', 'spec', '--timeout', String(phase.timeout), '--exit'];
  if (phase.harness) args.push('--require', T('support/harness.js'));
  args.push(...phase.specs);
  console.log(`\n=== ${phase.name} ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...phase.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      const count = (word: string) => Number(out.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
      resolve({ passed: count('passing'), failed: count('failing'), pending: count('pending'), code: code ?? 1 });
    });
  });
}

async function main() {
  const started = Date.now();
  const only = process.argv[2]; // e.g. `node dist/scripts/test.js api` runs the phases whose name contains it
  const databases = (process.env.TEST_DATABASES || 'sqlite,mysql').split(',').map((d) => d.trim()).filter(Boolean);
  const phases: Phase[] = [{ name: 'unit and card agent', specs: [T('unit/**/*.test.js'), T('cardAgent/**/*.test.js')], harness: false, timeout: 20_000 }];
  for (const db of databases) {
    if (db === 'mysql') {
      const problem = await mysqlReachable();
      if (problem) {
        if (process.env.CI) {
          console.error(`MariaDB/MySQL at ${MYSQL_URL} is not reachable: ${problem}`);
          process.exit(1);
        }
        console.warn(`\n(skipping the MySQL/MariaDB phase: ${MYSQL_URL} is not reachable: ${problem})`);
        continue;
      }
    }
    phases.push({ name: `integration on ${db}`, specs: [T('workflows/**/*.test.js'), T('api/**/*.test.js')], env: { TEST_DATABASE: db }, harness: true, timeout: 60_000 });
  }
  if (!process.env.SKIP_BROWSER_TESTS) {
    phases.push({ name: 'browser', specs: [T('browser/**/*.test.js')], env: { TEST_DATABASE: 'sqlite' }, harness: true, timeout: 120_000 });
  }

  const totals = { passed: 0, failed: 0, pending: 0 };
  let exitCode = 0;
  if (!only || 'lint'.includes(only)) {
    console.log('\n=== lint (eslint: sandbox rules for workflows/) ===');
    const lint = await new Promise<number>((resolve) =>
      spawn(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], { cwd: root, stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1)),
    );
    if (lint !== 0) {
      exitCode = 1;
      totals.failed += 1;
    } else console.log('lint clean');
  }
  for (const phase of phases.filter((p) => !only || p.name.includes(only))) {
    const result = await run(phase);
    totals.passed += result.passed;
    totals.failed += result.failed;
    totals.pending += result.pending;
    if (result.code !== 0) {
      exitCode = 1;
      if (result.failed === 0) totals.failed += 1; // a phase that crashed counts as a failure
    }
  }
  console.log(`\nall phases done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.pending} skipped`);
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
