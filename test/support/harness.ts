// The real system for integration tests: a Temporal dev server (the installed CLI, no download),
// a fresh database (SQLite file, or MySQL/MariaDB when TEST_DATABASE=mysql), a worker running
// the prebuilt workflow bundle with the real activities, and the API on a free port.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { openDb, migrate, Db } from '../../db';
import { createActivities } from '../../activities';
import { dataConverterFor } from '../../activities/codec';
import { createServices, Services } from '../../activities/services';
import { quietRuntime, WORKFLOW_BUNDLE } from '../../activities/worker';
import { createApp } from '../../api/app';
import { FlowRuntime } from '../../api/flows';
import { loadConfig, Config } from '../../scripts/config';
import { findTemporalCli } from '../../scripts/temporalCli';
import { seedDemoData } from '../../scripts/demoData';
import { ApplicantKey, EnterpriseUsccKey, FlowStatusKey, FlowStepKey, FlowTypeKey } from '../../workflows/searchAttributes';

export const MYSQL_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';

export interface Harness {
  config: Config;
  db: Db;
  services: Services;
  client: Client;
  rt: FlowRuntime;
  baseUrl: string;
  env: TestWorkflowEnvironment;
  startWorker(): Promise<void>;
  setCardAgentUrl(url: string): void; // what GET /api/config tells the portal
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** A database of its own for this test process: parallel runs never touch each other's tables. */
async function freshDatabase(): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  if (process.env.TEST_DATABASE === 'mysql') {
    const name = `sw_test_${process.pid}`;
    const admin = openDb(MYSQL_URL);
    await admin.sequelize.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.sequelize.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    const url = MYSQL_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
    const db = openDb(url);
    await migrate(db.sequelize);
    return {
      url, db,
      async drop() {
        await admin.sequelize.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.sequelize.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-test-'));
  const url = `sqlite:${path.join(dir, 'app.sqlite')}`;
  const db = openDb(url);
  await migrate(db.sequelize);
  return { url, db, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let current: Promise<Harness> | undefined;

/** One harness per test process, started on first use. */
export function harness(): Promise<Harness> {
  current ??= startHarness();
  return current;
}

async function startHarness(): Promise<Harness> {
  quietRuntime('ERROR');
  const { url, db, drop } = await freshDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-test-data-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: url, NODE_ENV: 'development', SIMULATORS: 'on', TEMPORAL_TASK_QUEUE: `test-${process.pid}`, FLOW_EXPIRY_MINUTES: '30' });

  const searchAttributes = [FlowTypeKey, FlowStatusKey, FlowStepKey, EnterpriseUsccKey, ApplicantKey];
  const env = process.env.TEMPORAL_ADDRESS
    ? await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS, namespace: config.temporalNamespace })
    : await TestWorkflowEnvironment.createLocal({
        server: { executable: { type: 'existing-path', path: findTemporalCli(config.temporalCliPath) }, ui: false, searchAttributes, namespace: config.temporalNamespace },
      });

  const services = createServices(config, db);
  await seedDemoData(services);
  const client = new Client({ connection: env.connection, namespace: config.temporalNamespace, dataConverter: dataConverterFor(config.secretKey) });
  const rt: FlowRuntime = { client, taskQueue: config.taskQueue, expiryMs: 30 * 60_000 };

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async () => {
    worker = await Worker.create({
      connection: env.nativeConnection as NativeConnection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      workflowBundle: { codePath: WORKFLOW_BUNDLE },
      activities: createActivities(services),
      dataConverter: dataConverterFor(config.secretKey),
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    worker?.shutdown();
    await running;
    worker = undefined;
  };
  await startWorker();

  const appOptions = {
    sessionHours: 8,
    temporalUiUrl: 'http://localhost:8233',
    namespace: config.temporalNamespace,
    cardAgentUrl: 'http://127.0.0.1:4455',
    staticRoot: path.resolve(__dirname, '..', '..'),
  };
  const app = createApp(services, rt, appOptions);
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;

  return {
    config, db, services, client, rt, env,
    baseUrl: `http://127.0.0.1:${port}`,
    startWorker,
    stopWorker,
    setCardAgentUrl: (url: string) => { appOptions.cardAgentUrl = url; },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWorker();
      await env.teardown();
      await db.sequelize.close();
      await drop();
    },
  };
}

/** Mocha root hook: the harness closes after the last test of the run. */
export const mochaHooks = {
  async afterAll() {
    if (current) await (await current).close();
  },
};
