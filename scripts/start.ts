// `npm start`: everything on one machine, then the URLs and demo logins. It is the development
// entry point: NODE_ENV defaults to development here (simulators, demo data and the developer
// routes on); `npm run api` and `npm run worker` are the production entry points (all off).
import { ConfigError, loadConfig } from './config';
import { DEMO_LOGINS } from './demoData';
import { DEMO_CARD_PIN } from './demoCards';
import { startRuntime } from './runtime';

// Loud on purpose: with simulators on, /api/dev issues cards from this back office's CA.
const SIMULATORS_WARNING = [
  '  ##########################################################################################',
  '  ##  DEVELOPMENT MODE: SIMULATORS ON (NODE_ENV=development)                              ##',
  '  ##  Simulated agencies, demo data with published passwords, and /api/dev, which issues  ##',
  '  ##  cards from this CA, answer loopback clients. Never run this for real users:         ##',
  '  ##  production runs NODE_ENV=production npm run api / npm run worker (simulators off).  ##',
  '  ##########################################################################################',
  '',
];

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig({ NODE_ENV: 'development', ...process.env });
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
    ...(config.simulators ? SIMULATORS_WARNING : []),
    '  Single Window identity back office is running',
    `  Portal (applicants)   ${base}/`,
    `  Console (staff)       ${base}/console/`,
    `  Temporal UI           ${config.temporalUiUrl || '(external cluster)'}`,
    ...(config.simulators ? [`  Developer inbox (SMS) ${base}/dev/inbox`, `  Simulators' data      ${base}/dev/simulators`] : [`  Simulators            off (NODE_ENV=${config.nodeEnv || '(unset)'})`]),
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
          `    registry enterprises, identity people, bank cards ... of the simulators: ${base}/dev/simulators`,
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
