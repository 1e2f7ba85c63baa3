// Simulators (card minting, demo passwords, /api/dev) exist only in development (item 5 of issue 8).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../scripts/config';

describe('configuration: simulators are development only', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-config-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });

  it('are off by default outside development (npm run api / npm run worker, unconfigured)', () => {
    expect(load({}).simulators).to.equal(false);
    expect(load({ NODE_ENV: 'production' }).simulators).to.equal(false);
    expect(load({ NODE_ENV: 'test' }).simulators).to.equal(false);
  });

  it('are on by default in development (npm start), and can be turned off there', () => {
    expect(load({ NODE_ENV: 'development' }).simulators).to.equal(true);
    expect(load({ NODE_ENV: 'development', SIMULATORS: 'on' }).simulators).to.equal(true);
    expect(load({ NODE_ENV: 'development', SIMULATORS: 'off' }).simulators).to.equal(false);
  });

  it('refuses to start with SIMULATORS=on when NODE_ENV=production', () => {
    expect(() => load({ NODE_ENV: 'production', SIMULATORS: 'on' })).to.throw(ConfigError, /SIMULATORS.*NODE_ENV=production/);
  });

  it('refuses SIMULATORS=on outside development', () => {
    expect(() => load({ SIMULATORS: 'on' })).to.throw(ConfigError, /NODE_ENV=development/);
    expect(() => load({ NODE_ENV: 'staging', SIMULATORS: 'on' })).to.throw(ConfigError, /NODE_ENV=development/);
  });
});
