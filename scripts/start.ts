// `npm start`: everything on one machine, then the URLs and demo logins.
import { ConfigError, loadConfig } from './config';
import { DEMO_LOGINS } from './demoData';
import { DEMO_CARD_PIN } from './demoCards';
import { startRuntime } from './runtime';

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const runtime = await startRuntime(config);
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    '  Single Window identity back office is running',
    `  Portal (applicants)   ${base}/`,
    `  Console (staff)       ${base}/console/`,
    `  Temporal UI           ${config.temporalUiUrl || '(external cluster)'}`,
    ...(config.simulators ? [`  Developer inbox (SMS) ${base}/dev/inbox`] : []),
    `  Health                ${base}/healthz`,
    ...(config.cardAgent ? [`  Card agent            ${config.cardAgentUrl}  (virtual cards: npm run card -- list; PIN of demo cards: ${DEMO_CARD_PIN})`] : []),
    '',
    ...(config.simulators
      ? [
          '  Demo logins',
          `    portal administrator   ${DEMO_LOGINS.admin.username} / ${DEMO_LOGINS.admin.password}`,
          `    portal operator        ${DEMO_LOGINS.operator.username} / ${DEMO_LOGINS.operator.password}`,
          `    operator, first login  ${DEMO_LOGINS.newOperator.username} / ${DEMO_LOGINS.newOperator.password}  (SMS check + new password)`,
          ...DEMO_LOGINS.staff.map((s) => `    console ${s.role.padEnd(14)} ${s.username} / ${s.password}`),
          '    registry enterprises free to register: see activities/adapters/simulators/registry-seed.json',
          '',
        ]
      : []),
    `  database: ${config.databaseUrl.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')}   started in ${((Date.now() - started) / 1000).toFixed(1)} s   Ctrl-C stops everything`,
    '',
  ];
  console.log(lines.join('\n'));

  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping API, worker and Temporal ...`);
    await runtime.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
