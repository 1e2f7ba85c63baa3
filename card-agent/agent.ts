// Entry point: `node dist/card-agent/agent.js` (npm run card-agent). Loads and checks the
// configuration, starts the server, and stops cleanly on Ctrl-C or a service manager's TERM.
import { AgentConfigError, loadAgentConfig } from './config';
import { startAgent } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadAgentConfig();
  } catch (err) {
    if (err instanceof AgentConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let agent;
  try {
    agent = await startAgent(config);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${config.port} is in use (another card agent? set CARD_AGENT_PORT)` : (err as Error).message;
    console.error(`card agent could not start: ${why}`);
    process.exit(1);
  }
  console.log(`card agent listening on ${agent.url} (virtual cards in ${config.dir}, PIN tries ${config.pinMaxTries})`);
  console.log(`allowed origins: ${config.origins.join(', ')}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`card agent stopping (${signal})`);
    agent.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`card agent did not stop cleanly: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
