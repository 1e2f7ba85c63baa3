// Brings up the back office in one process for development: database (migrated, demo data),
// Temporal (embedded dev server unless TEMPORAL_ADDRESS is set), a worker and the API.
// Production runs api/server.ts and activities/worker.ts as separate, stateless processes.
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { openDb, migrate } from '../db';
import { createServices, Services } from '../activities/services';
import { createWorker, quietRuntime } from '../activities/worker';
import { connectClient } from '../api/temporal';
import { createApp } from '../api/app';
import { Config, temporalAddressOf } from './config';
import { findTemporalCli } from './temporalCli';
import { startDevServer } from './temporalServer';
import { seedDemoData } from './demoData';
import { housekeeping, HOUSEKEEPING_ID } from '../workflows/housekeeping';
import { seedDemoCards } from './demoCards';
import { loadAgentConfig, startAgent, AgentHandle } from '../card-agent';

export interface Runtime {
  config: Config;
  cardAgentDir?: string;
  services: Services;
  client: Client;
  server: http.Server;
  stop(): Promise<void>;
}

export async function waitForNamespace(config: Config, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address: temporalAddressOf(config), connectTimeout: 2000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: config.temporalNamespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Temporal at ${temporalAddressOf(config)} is not ready: ${(lastError as Error)?.message}`);
}

/** Starts the housekeeping workflow unless it already runs (its ID is its business key). */
export async function startHousekeeping(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.start(housekeeping, {
    workflowId: HOUSEKEEPING_ID,
    taskQueue,
    args: [3600_000],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

export async function startRuntime(config: Config, log: (line: string) => void = console.log): Promise<Runtime> {
  let temporalProcess: ChildProcess | undefined;
  if (!config.temporalAddress) {
    const cli = findTemporalCli(config.temporalCliPath, log);
    log(`starting Temporal dev server (${cli}) on 127.0.0.1:${config.temporalPort} ...`);
    temporalProcess = await startDevServer({
      cli, dataDir: config.dataDir, port: config.temporalPort, uiPort: config.temporalUiPort, namespace: config.temporalNamespace,
    });
  }
  await waitForNamespace(config);

  const db = openDb(config.databaseUrl);
  const applied = await migrate(db.sequelize);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const services = createServices(config, db);
  if (config.simulators) await seedDemoData(services);

  quietRuntime();
  const { worker, connection: workerConnection } = await createWorker(config, services);
  const workerRun = worker.run();

  const client = await connectClient(config);
  await startHousekeeping(client, config.taskQueue);
  const app = createApp(services, { client, taskQueue: config.taskQueue, expiryMs: config.flowExpiryMinutes * 60_000 }, {
    sessionHours: config.sessionHours,
    temporalUiUrl: config.temporalUiUrl,
    namespace: config.temporalNamespace,
    cardAgentUrl: config.cardAgentUrl,
    staticRoot: path.resolve(__dirname, '..'),
  });
  const server = await new Promise<http.Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });

  // The card agent normally runs on the applicant's PC; in development it runs here with demo cards.
  let agent: AgentHandle | undefined;
  if (config.cardAgent) {
    const agentConfig = loadAgentConfig({
      ...process.env,
      CARD_AGENT_PORT: String(config.cardAgentPort),
      CARD_AGENT_DIR: process.env.CARD_AGENT_DIR || path.join(config.dataDir, 'cards'),
      CARD_AGENT_ORIGINS: process.env.CARD_AGENT_ORIGINS || `http://127.0.0.1:${config.port},http://localhost:${config.port}`,
    });
    if (config.simulators) await seedDemoCards(services, agentConfig.dir, log);
    agent = await startAgent(agentConfig, { log: () => undefined });
  }

  let stopped = false;
  return {
    config, services, client, server,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections?.();
        await closed;
        await agent?.close();
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await workerRun.catch(() => undefined);
        await workerConnection.close();
        await client.connection.close();
        await db.sequelize.close();
      } finally {
        await stopTemporal();
      }
    },
  };

  async function stopTemporal() {
    if (!temporalProcess || temporalProcess.exitCode !== null) return;
    const exited = new Promise((r) => temporalProcess!.once('exit', r));
    temporalProcess.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (temporalProcess.exitCode === null) temporalProcess.kill('SIGKILL');
  }
}
