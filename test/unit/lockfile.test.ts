// `npm ci` installs exactly what package-lock.json lists. A lock written on one platform without
// the other platforms' optional packages (@swc/core-linux-x64-gnu, @esbuild/…, sharp's @img/…)
// makes `npm ci` fail or skip the native binary on another machine: every optional dependency of
// every locked package must have its own entry in the lock.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

type Lock = { packages: Record<string, { optionalDependencies?: Record<string, string> }> };

/** Where node would find `dep` from the package at `from` (node_modules/a/node_modules/b ...). */
function resolves(lock: Lock, from: string, dep: string): boolean {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${dep}`]) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

/** "package -> optional dependency" for every optional dependency the lock has no entry for. */
export function missingOptionals(lock: Lock): string[] {
  const missing: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
      if (!resolves(lock, where, dep)) missing.push(`${where || '(root)'} -> ${dep}`);
    }
  }
  return missing;
}

describe('package-lock.json', () => {
  const root = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'package-lock.json')));

  it('lists every optional platform package of every locked package (npm ci on any platform)', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root as string, 'package-lock.json'), 'utf8')) as Lock;
    expect(missingOptionals(lock)).to.deep.equal([]);
  });

  it('the check finds a missing platform package, at the top level and nested', () => {
    const lock: Lock = {
      packages: {
        '': {},
        'node_modules/@swc/core': { optionalDependencies: { '@swc/core-linux-x64-gnu': '1.0.0', '@swc/core-darwin-arm64': '1.0.0' } },
        'node_modules/@swc/core-linux-x64-gnu': {},
        'node_modules/a/node_modules/b': { optionalDependencies: { c: '1', d: '1' } },
        'node_modules/a/node_modules/c': {},
      },
    };
    expect(missingOptionals(lock)).to.deep.equal(['node_modules/@swc/core -> @swc/core-darwin-arm64', 'node_modules/a/node_modules/b -> d']);
  });
});
