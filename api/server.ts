// One API process on its own (production: any number behind a load balancer). It neither
// migrates nor runs workflows: `npm run migrate` and activities/worker.ts do.
import path from 'node:path';
import { loadConfig } from '../scripts/config';
import { openDb } from '../db';
import { createServices } from '../activities/services';
import { connectClient } from './temporal';
import { createApp } from './app';

(async () => {
  const config = loadConfig();
  const services = createServices(config, openDb(config.databaseUrl));
  const client = await connectClient(config);
  const app = createApp(services, { client, taskQueue: config.taskQueue, expiryMs: config.flowExpiryMinutes * 60_000 }, {
    sessionHours: config.sessionHours,
    temporalUiUrl: config.temporalUiUrl,
    namespace: config.temporalNamespace,
    cardAgentUrl: config.cardAgentUrl,
    staticRoot: path.resolve(__dirname, '..'),
  });
  app.listen(config.port, config.host, () => console.log(`API on http://${config.host}:${config.port} (simulators ${config.simulators ? 'ON: development only' : 'off'})`));
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
