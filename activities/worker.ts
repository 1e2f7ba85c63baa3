// A worker process: runs workflows from the prebuilt bundle and the activities. Stateless: any
// number of them may run against one Temporal cluster and one database.
import fs from 'node:fs';
import path from 'node:path';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { loadConfig, temporalAddressOf, type Config } from '../scripts/config';
import { openDb } from '../db';
import { createActivities } from '.';
import { dataConverterFor } from './codec';
import { createServices, Services } from './services';

export const WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'workflow-bundle.js');

export async function createWorker(config: Config, services: Services, opts: { bundlePath?: string; identity?: string } = {}) {
  const bundlePath = opts.bundlePath ?? WORKFLOW_BUNDLE;
  if (!fs.existsSync(bundlePath)) throw new Error(`workflow bundle missing at ${bundlePath}: run npm run build`);
  const connection = await NativeConnection.connect({ address: temporalAddressOf(config) });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowBundle: { codePath: bundlePath },
    activities: createActivities(services),
    dataConverter: dataConverterFor(config.secretKey),
    ...(opts.identity ? { identity: opts.identity } : {}),
  });
  return { worker, connection };
}

let runtimeInstalled = false;
export function quietRuntime(level: 'WARN' | 'INFO' | 'ERROR' = 'WARN') {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  // The process owns its signals: start.ts stops API, worker and Temporal in order on Ctrl-C.
  Runtime.install({ logger: new DefaultLogger(level), shutdownSignals: [] });
}

// `node dist/activities/worker.js` runs one worker on its own (production: many of these).
if (require.main === module) {
  (async () => {
    const config = loadConfig();
    quietRuntime(config.logLevel === 'debug' ? 'INFO' : 'WARN');
    const services = createServices(config, openDb(config.databaseUrl));
    const { worker } = await createWorker(config, services);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
    console.log(`worker polling task queue ${config.taskQueue} on ${temporalAddressOf(config)} (simulators ${config.simulators ? 'ON: development only' : 'off'})`);
    await worker.run();
    await services.db.sequelize.close();
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
