// Configuration from environment variables, validated once at start.
// A wrong value stops the process with a message naming the variable.
import Joi from 'joi';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type Config = {
  dataDir: string;
  databaseUrl: string;
  temporalAddress: string; // empty: start an embedded dev server
  temporalNamespace: string;
  taskQueue: string;
  temporalPort: number;
  temporalUiPort: number;
  temporalUiUrl: string;
  temporalCliPath: string;
  host: string;
  port: number;
  nodeEnv: string; // NODE_ENV; 'development' under npm start
  simulators: boolean; // simulated agencies, demo data, /api/dev and /dev pages: development only
  secretKey: Buffer; // AES-256 key: personal data at rest and Temporal payloads
  hashKey: Buffer; // HMAC key: keyed hashes of identity numbers, codes, tokens
  sessionHours: number;
  flowExpiryMinutes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  ca: { dir: string; rootCert?: string; issuingCert?: string; issuingKey?: string };
  cardValidityDays: number;
  cardAgentUrl: string; // where the portal in the browser finds the card agent
  cardAgentPort: number;
  cardAgent: boolean; // npm start runs the card agent too
};

const hex32 = Joi.string().pattern(/^[0-9a-fA-F]{64}$/).message('must be 64 hexadecimal characters (32 bytes)');

const schema = Joi.object({
  DATA_DIR: Joi.string().default('data'),
  DATABASE_URL: Joi.string()
    .pattern(/^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/)
    .message('must look like sqlite:data/app.sqlite or mysql://user:pass@host:3306/db'),
  TEMPORAL_ADDRESS: Joi.string().allow('').pattern(/^[\w.-]+:\d+$/).message('must be host:port').default(''),
  TEMPORAL_NAMESPACE: Joi.string().pattern(/^[\w.-]+$/).default('default'),
  TEMPORAL_TASK_QUEUE: Joi.string().pattern(/^[\w.-]+$/).default('identity'),
  TEMPORAL_PORT: Joi.number().port().default(7233),
  TEMPORAL_UI_PORT: Joi.number().port().default(8233),
  TEMPORAL_UI_URL: Joi.string().uri({ scheme: ['http', 'https'] }).allow(''),
  TEMPORAL_CLI_PATH: Joi.string().allow('').default(''),
  HOST: Joi.string().default('127.0.0.1'),
  PORT: Joi.number().port().default(3000),
  NODE_ENV: Joi.string().allow('').default(''),
  SIMULATORS: Joi.string().valid('on', 'off'), // default: on in development, off otherwise
  SECRET_KEY: hex32,
  HASH_KEY: hex32,
  SESSION_HOURS: Joi.number().min(1).max(72).default(8),
  FLOW_EXPIRY_MINUTES: Joi.number().min(1).max(1440).default(30),
  LOG_LEVEL: Joi.string().valid('debug', 'info', 'warn', 'error').default('info'),
  CA_DIR: Joi.string(),
  CA_ROOT_CERT: Joi.string(),
  CA_ISSUING_CERT: Joi.string(),
  CA_ISSUING_KEY: Joi.string(),
  CARD_VALIDITY_DAYS: Joi.number().integer().min(1).max(3650).default(730),
  CARD_AGENT_PORT: Joi.number().port().default(4455),
  CARD_AGENT_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
  CARD_AGENT: Joi.string().valid('on', 'off').default('on'),
})
  .and('CA_ROOT_CERT', 'CA_ISSUING_CERT', 'CA_ISSUING_KEY')
  .unknown(true);

/** Secrets that were not given are generated once and kept under the data folder. */
function loadSecrets(dataDir: string, env: Record<string, string | undefined>) {
  const file = path.join(dataDir, 'secrets.json');
  let stored: { secretKey?: string; hashKey?: string } = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const secretKey = env.SECRET_KEY || stored.secretKey || crypto.randomBytes(32).toString('hex');
  const hashKey = env.HASH_KEY || stored.hashKey || crypto.randomBytes(32).toString('hex');
  if (!env.SECRET_KEY || !env.HASH_KEY) {
    const wanted = { secretKey: env.SECRET_KEY ? stored.secretKey : secretKey, hashKey: env.HASH_KEY ? stored.hashKey : hashKey };
    if (wanted.secretKey !== stored.secretKey || wanted.hashKey !== stored.hashKey) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ ...stored, ...wanted }, null, 2), { mode: 0o600 });
    }
  }
  return { secretKey: Buffer.from(secretKey, 'hex'), hashKey: Buffer.from(hashKey, 'hex') };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const { error, value } = schema.validate(env, { abortEarly: false, convert: true });
  if (error) {
    const lines = error.details.map((d) => `  ${d.path.join('.')}: ${d.message.replace(/^"[^"]+" /, '')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const simulators = simulatorsOn(value.NODE_ENV, value.SIMULATORS);
  const dataDir = path.resolve(value.DATA_DIR);
  const secrets = loadSecrets(dataDir, env);
  const embedded = !value.TEMPORAL_ADDRESS;
  return {
    dataDir,
    databaseUrl: value.DATABASE_URL || `sqlite:${path.join(dataDir, 'app.sqlite')}`,
    temporalAddress: value.TEMPORAL_ADDRESS,
    temporalNamespace: value.TEMPORAL_NAMESPACE,
    taskQueue: value.TEMPORAL_TASK_QUEUE,
    temporalPort: value.TEMPORAL_PORT,
    temporalUiPort: value.TEMPORAL_UI_PORT,
    temporalUiUrl: value.TEMPORAL_UI_URL || (embedded ? `http://localhost:${value.TEMPORAL_UI_PORT}` : ''),
    temporalCliPath: value.TEMPORAL_CLI_PATH,
    host: value.HOST,
    port: value.PORT,
    nodeEnv: value.NODE_ENV,
    simulators,
    sessionHours: value.SESSION_HOURS,
    flowExpiryMinutes: value.FLOW_EXPIRY_MINUTES,
    logLevel: value.LOG_LEVEL,
    ca: { dir: path.resolve(value.CA_DIR || path.join(dataDir, 'ca')), rootCert: value.CA_ROOT_CERT, issuingCert: value.CA_ISSUING_CERT, issuingKey: value.CA_ISSUING_KEY },
    cardValidityDays: value.CARD_VALIDITY_DAYS,
    cardAgentPort: value.CARD_AGENT_PORT,
    cardAgentUrl: value.CARD_AGENT_URL || `http://127.0.0.1:${value.CARD_AGENT_PORT}`,
    cardAgent: value.CARD_AGENT === 'on',
    ...secrets,
  };
}

/**
 * The simulators issue cards from the back office's CA and seed known passwords: they run only in
 * development (npm start sets NODE_ENV=development), where they are on unless SIMULATORS=off.
 * Anywhere else they are off, and asking for them is a configuration error.
 */
function simulatorsOn(nodeEnv: string, wanted: 'on' | 'off' | undefined): boolean {
  const development = nodeEnv === 'development';
  if (wanted !== 'on') return development && wanted !== 'off';
  if (nodeEnv === 'production') {
    throw new ConfigError('Invalid configuration:\n  SIMULATORS: must be off when NODE_ENV=production (simulators mint cards and seed demo passwords)');
  }
  if (!development) throw new ConfigError('Invalid configuration:\n  SIMULATORS: on needs NODE_ENV=development (npm start sets it)');
  return true;
}

/** The address clients use: the configured cluster, or the embedded dev server. */
export function temporalAddressOf(config: Config): string {
  return config.temporalAddress || `127.0.0.1:${config.temporalPort}`;
}
