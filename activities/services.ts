// What activities and API routes work with: the database, the keys for personal data and the
// adapters to outside agencies (simulators while SIMULATORS=on).
import type { Config } from '../scripts/config';
import { Db, openDb } from '../db';
import type { PiiKeys } from '../db/pii';
import { EnterpriseRegistry, SimulatedRegistry } from './adapters/registry';
import { HttpSms, SimulatedSms, SmsAdapter } from './adapters/sms';

export interface Services {
  db: Db;
  keys: PiiKeys;
  sms: SmsAdapter;
  registry: EnterpriseRegistry;
  simulators: boolean;
}

export function createServices(config: Config, db: Db = openDb(config.databaseUrl)): Services {
  const keys = { secretKey: config.secretKey, hashKey: config.hashKey };
  if (!config.simulators && !process.env.SMS_GATEWAY_URL) {
    throw new Error('SIMULATORS=off needs SMS_GATEWAY_URL (the SMS gateway) to be set');
  }
  return {
    db,
    keys,
    sms: config.simulators ? new SimulatedSms(db) : new HttpSms(db, process.env.SMS_GATEWAY_URL as string),
    registry: new SimulatedRegistry(db), // the only registry adapter so far: the national system has no public API here
    simulators: config.simulators,
  };
}
