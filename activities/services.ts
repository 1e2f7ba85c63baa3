// What activities and API routes work with: the database, the keys for personal data and the
// adapters to outside agencies (simulators while SIMULATORS=on).
import path from 'node:path';
import type { Config } from '../scripts/config';
import { Db, openDb } from '../db';
import type { PiiKeys } from '../db/pii';
import { EnterpriseRegistry, SimulatedRegistry } from './adapters/registry';
import { HttpSms, SimulatedSms, SmsAdapter } from './adapters/sms';
import { HttpMail, MailAdapter, SimulatedMail } from './adapters/mail';
import { SimulatedElicense } from './adapters/elicense';
import { SimulatedIdentityCheck } from './adapters/identityCheck';
import { GovPlatform, HttpGovPlatform, SimulatedGovPlatform } from './adapters/govPlatform';
import { MofcomAdapter, SimulatedMofcom } from './adapters/mofcom';
import { Authority, loadAuthority } from './cards/authority';

export interface Services {
  db: Db;
  keys: PiiKeys;
  sms: SmsAdapter;
  mail: MailAdapter;
  registry: EnterpriseRegistry;
  elicense: SimulatedElicense; // electronic business licenses: callbacks verified, scans simulated
  identityCheck: SimulatedIdentityCheck; // 身份核验 (CTID-like): the recovery methods that prove a person
  govPlatform: GovPlatform; // A5 信息同步 to the national government service platform
  mofcom: MofcomAdapter; // 商务部: foreign-trade operator filings (Q1 商务部同步更新)
  simulators: boolean;
  ca(): Promise<Authority>; // loaded (or created) once per process on first use
  cardValidityDays: number;
  uploadDir: string; // applicants' uploaded images (manual review): outside every served folder
}

export function createServices(config: Config, db: Db = openDb(config.databaseUrl)): Services {
  const keys = { secretKey: config.secretKey, hashKey: config.hashKey };
  let authority: Promise<Authority> | undefined;
  if (!config.simulators && !process.env.SMS_GATEWAY_URL) {
    throw new Error('SIMULATORS=off (the default unless NODE_ENV=development, as under npm start) needs SMS_GATEWAY_URL (the SMS gateway) to be set');
  }
  return {
    db,
    keys,
    sms: config.simulators ? new SimulatedSms(db) : new HttpSms(db, process.env.SMS_GATEWAY_URL as string),
    mail: config.simulators || !process.env.MAIL_GATEWAY_URL ? new SimulatedMail(db) : new HttpMail(db, process.env.MAIL_GATEWAY_URL),
    registry: new SimulatedRegistry(db), // the only registry adapter so far: the national system has no public API here
    // The only e-license adapter so far; it verifies callbacks always, and plays the app only
    // through the developer routes (simulators on).
    elicense: new SimulatedElicense(db, keys),
    identityCheck: new SimulatedIdentityCheck(), // the only identity-check adapter so far
    govPlatform: config.simulators || !process.env.GOV_PLATFORM_URL ? new SimulatedGovPlatform(db) : new HttpGovPlatform(process.env.GOV_PLATFORM_URL),
    mofcom: new SimulatedMofcom(db), // the only MOFCOM adapter so far (no public API of the ministry here)
    simulators: config.simulators,
    ca: () => (authority ??= loadAuthority(config.ca)),
    cardValidityDays: config.cardValidityDays,
    uploadDir: path.join(config.dataDir, 'uploads'),
  };
}
