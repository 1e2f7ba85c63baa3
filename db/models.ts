// The tables of the back office. The schema itself is made by migrations (db/migrations);
// these definitions only map rows to typed objects.
import { DataTypes, Model, ModelStatic, Optional, Sequelize } from 'sequelize';
import { defineReviewModels } from './reviewModels';
import { defineManageModels } from './manageModels';
import { defineAccountCenterModels } from './accountCenterModels';

type Row<A extends object, Auto extends keyof A = never> = Model<A, Optional<A, Auto>> & A;

export type EnterpriseKind = 'enterprise' | 'institution';
export interface EnterpriseAttrs {
  id: number;
  uscc: string;
  orgCode: string;
  name: string;
  kind: EnterpriseKind;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumberEnc: string;
  legalRepIdNumberHash: string;
  legalRepIdNumberMasked: string;
  legalRepIdValidFrom: string;
  legalRepIdValidTo: string;
  address: string; // A1 企业地址, refreshed by A6 (MOFCOM)
  englishName: string; // refreshed by A6 (MOFCOM)
  infoSyncedAt: Date | null; // last A6 同步更新
  createdAt: Date;
  updatedAt: Date;
}

export type AccountKind = 'admin' | 'operator' | 'individual' | 'overseas' | 'department';
export type RealNameLevel = 'none' | 'medium' | 'high';
export type RealNameMethod = '' | 'icCard';
export type AccountStatus = 'active' | 'disabled' | 'inactive';
// The same values at run time (the console's list filters are checked against them).
export const ACCOUNT_KINDS: readonly AccountKind[] = ['admin', 'operator', 'individual', 'overseas', 'department'];
export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['active', 'disabled', 'inactive'];
export interface AccountAttrs {
  id: number;
  username: string;
  usernameKey: string; // lower case: usernames are unique regardless of case
  kind: AccountKind;
  enterpriseId: number | null;
  adminOf: number | null; // = enterpriseId for the administrator: a unique key keeps one per enterprise
  name: string;
  idType: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  idValidFrom: string;
  idValidTo: string;
  mobile: string;
  email: string;
  passwordHash: string;
  mustChangePassword: boolean;
  status: AccountStatus;
  passwordChangedAt: Date | null;
  lastLoginAt: Date | null;
  previousLoginAt: Date | null; // the login before lastLoginAt: what 上次登录 shows
  remark: string;
  createdBy: string; // 'flow:<id>' or 'account:<id>': also the idempotency key of the creation
  mobileLoginKey: string | null; // = mobile while mobile-number login is on (unique), else null
  realNameLevel: RealNameLevel;
  realNameMethod: RealNameMethod; // how the level was reached; '' while none
  migrated: boolean; // a user migrated from the old system (002): relaxed username rules
  createdAt: Date;
  updatedAt: Date;
}

export type SessionSubject = 'account' | 'staff';
export type SessionMethod = 'password' | 'card' | 'mobile';
export interface SessionAttrs {
  id: string; // keyed hash of the cookie token; the token itself is never stored
  subjectType: SessionSubject;
  subjectId: number;
  method: SessionMethod;
  cardId: number | null; // the card a card login used
  ip: string;
  userAgent: string;
  expiresAt: Date;
  lastSeenAt: Date;
  createdAt: Date;
}

export type StaffRole = 'supervisor' | 'reviewer' | 'sysadmin';
export interface StaffAttrs {
  id: number;
  username: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  status: 'active' | 'disabled';
  createdAt: Date;
  updatedAt: Date;
}

export interface ThrottleAttrs {
  key: string; // 'login-user:<hash>' or 'login-ip:<address>'
  failures: number;
  lockedUntil: Date | null;
  failureTimes: string | null; // per-address rows: JSON epoch ms of the failures in the sliding window
  updatedAt: Date;
}

export interface CaptchaAttrs {
  id: string;
  answerHash: string;
  answerSealed: string; // encrypted answer: only the developer endpoint reads it (simulators on)
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface OneTimeCodeAttrs {
  id: number;
  sendKey: string; // idempotency key of the send: a retried send never makes a second code
  purpose: string;
  subject: string; // the flow or account the code belongs to
  target: string; // mobile or e-mail it was sent to
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
  createdAt: Date;
}

export type MessageChannel = 'sms' | 'mail';
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['sms', 'mail'];
export interface OutboxAttrs {
  id: number;
  sendKey: string;
  channel: MessageChannel;
  to: string;
  template: string;
  body: string;
  createdAt: Date;
}

export interface AuditEventAttrs {
  id: number;
  at: Date;
  actorType: 'account' | 'staff' | 'system' | 'anonymous';
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  details: string; // JSON, never secrets
  ip: string;
  flowId: string;
}

export interface RegistryRecordAttrs {
  id: number;
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  status: string;
  source: 'seed' | 'staff';
  createdAt: Date;
  updatedAt: Date;
}

export type CardStatus = 'active' | 'frozen' | 'lost' | 'locked' | 'revoked' | 'expired';
export const CARD_STATUSES: readonly CardStatus[] = ['active', 'frozen', 'lost', 'locked', 'revoked', 'expired'];
export const CARD_TYPES: readonly CardAttrs['cardType'][] = ['legal', 'operator'];
export interface CardAttrs {
  id: number;
  cardNo: string;
  cardType: 'legal' | 'operator';
  medium: 'ic' | 'ikey';
  holderName: string;
  holderIdType: string;
  holderIdHash: string;
  holderIdMasked: string;
  uscc: string;
  enterpriseName: string;
  certSerial: string;
  certificate: string;
  notBefore: Date;
  notAfter: Date;
  status: CardStatus;
  accountId: number | null;
  boundAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CardOperationAttrs {
  id: number;
  cardId: number;
  operation: string; // issued, bound, unbound, login, takeover, ...
  actorType: string;
  actorId: string;
  accountId: number | null;
  details: string;
  opKey: string;
  at: Date;
}

export interface CardChallengeAttrs {
  id: string;
  challenge: string; // base64 of 32 random bytes
  purpose: 'login' | 'bind' | 'addOperator' | 'unbind';
  owner: string; // keyed hash of the browser that asked for it
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface OverseasProfileAttrs {
  accountId: number;
  country: string;
  regNo: string;
  organization: string;
  department: string;
  jobTitle: string;
  contact: string;
  contactPhone: string;
  fax: string;
  address: string;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
}

export type Models = ReturnType<typeof defineModels>;

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const stamps = { createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE };

export function defineModels(sequelize: Sequelize) {
  const Enterprise = sequelize.define<Row<EnterpriseAttrs, 'id' | 'createdAt' | 'updatedAt' | 'address' | 'englishName' | 'infoSyncedAt'>>(
    'Enterprise',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      uscc: str(18),
      orgCode: str(9),
      name: str(200),
      kind: str(20),
      legalRepName: str(100),
      legalRepIdType: str(20),
      legalRepIdNumberEnc: str(),
      legalRepIdNumberHash: str(64),
      legalRepIdNumberMasked: str(40),
      legalRepIdValidFrom: str(8),
      legalRepIdValidTo: str(8),
      address: str(300),
      englishName: str(200),
      infoSyncedAt: { type: DataTypes.DATE, allowNull: true },
      ...stamps,
    },
    { tableName: 'enterprises' },
  );

  const Account = sequelize.define<Row<AccountAttrs, 'id' | 'createdAt' | 'updatedAt' | 'passwordChangedAt' | 'lastLoginAt' | 'previousLoginAt' | 'remark' | 'adminOf' | 'mobileLoginKey' | 'realNameLevel' | 'realNameMethod' | 'migrated'>>(
    'Account',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      username: str(40),
      usernameKey: str(40),
      kind: str(20),
      enterpriseId: { type: DataTypes.INTEGER, allowNull: true },
      adminOf: { type: DataTypes.INTEGER, allowNull: true },
      name: str(100),
      idType: str(20),
      idNumberEnc: str(),
      idNumberHash: str(64),
      idNumberMasked: str(40),
      idValidFrom: str(8),
      idValidTo: str(8),
      mobile: str(20),
      email: str(200),
      passwordHash: str(),
      mustChangePassword: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      status: str(20),
      passwordChangedAt: { type: DataTypes.DATE, allowNull: true },
      lastLoginAt: { type: DataTypes.DATE, allowNull: true },
      previousLoginAt: { type: DataTypes.DATE, allowNull: true },
      remark: str(500),
      createdBy: str(120),
      mobileLoginKey: { type: DataTypes.STRING(20), allowNull: true },
      realNameLevel: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'none' },
      realNameMethod: { type: DataTypes.STRING(20), allowNull: false, defaultValue: '' },
      migrated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ...stamps,
    },
    { tableName: 'accounts' },
  );

  const Session = sequelize.define<Row<SessionAttrs, 'createdAt' | 'method' | 'cardId'>>(
    'Session',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      subjectType: str(20),
      subjectId: { type: DataTypes.INTEGER, allowNull: false },
      method: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'password' },
      cardId: { type: DataTypes.INTEGER, allowNull: true },
      ip: str(64),
      userAgent: str(300),
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      lastSeenAt: { type: DataTypes.DATE, allowNull: false },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'sessions', updatedAt: false },
  );

  const Staff = sequelize.define<Row<StaffAttrs, 'id' | 'createdAt' | 'updatedAt'>>(
    'Staff',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      username: str(40),
      name: str(100),
      role: str(20),
      passwordHash: str(),
      status: str(20),
      ...stamps,
    },
    { tableName: 'staff' },
  );

  const Throttle = sequelize.define<Row<ThrottleAttrs, 'updatedAt' | 'failureTimes'>>(
    'Throttle',
    {
      key: { type: DataTypes.STRING(120), primaryKey: true },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lockedUntil: { type: DataTypes.DATE, allowNull: true },
      failureTimes: { type: DataTypes.TEXT, allowNull: true },
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'throttles', createdAt: false },
  );

  const Captcha = sequelize.define<Row<CaptchaAttrs, 'createdAt' | 'usedAt'>>(
    'Captcha',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      answerHash: str(64),
      answerSealed: str(),
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      usedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'captchas', updatedAt: false },
  );

  const OneTimeCode = sequelize.define<Row<OneTimeCodeAttrs, 'id' | 'createdAt' | 'consumedAt' | 'attempts'>>(
    'OneTimeCode',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      sendKey: str(160),
      purpose: str(40),
      subject: str(120),
      target: str(200),
      codeHash: str(64),
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      consumedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'one_time_codes', updatedAt: false },
  );

  const Outbox = sequelize.define<Row<OutboxAttrs, 'id' | 'createdAt'>>(
    'Outbox',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      sendKey: str(160),
      channel: str(10),
      to: str(200),
      template: str(60),
      body: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'outbox', updatedAt: false },
  );

  const AuditEvent = sequelize.define<Row<AuditEventAttrs, 'id' | 'flowId' | 'ip' | 'details'>>(
    'AuditEvent',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      at: { type: DataTypes.DATE, allowNull: false },
      actorType: str(20),
      actorId: str(60),
      actorName: str(100),
      action: str(60),
      entityType: str(40),
      entityId: str(60),
      details: { type: DataTypes.TEXT, allowNull: false },
      ip: str(64),
      flowId: str(120),
    },
    { tableName: 'audit_events', timestamps: false },
  );

  const RegistryRecord = sequelize.define<Row<RegistryRecordAttrs, 'id' | 'createdAt' | 'updatedAt'>>(
    'RegistryRecord',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      uscc: str(18),
      orgCode: str(9),
      name: str(200),
      legalRepName: str(100),
      legalRepIdType: str(20),
      legalRepIdNumber: str(40),
      status: str(20),
      source: str(10),
      ...stamps,
    },
    { tableName: 'sim_registry_records' },
  );

  const Card = sequelize.define<Row<CardAttrs, 'id' | 'createdAt' | 'updatedAt' | 'accountId' | 'boundAt'>>(
    'Card',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      cardNo: str(20),
      cardType: str(10),
      medium: str(10),
      holderName: str(100),
      holderIdType: str(20),
      holderIdHash: str(64),
      holderIdMasked: str(40),
      uscc: str(18),
      enterpriseName: str(200),
      certSerial: str(64),
      certificate: { type: DataTypes.TEXT, allowNull: false },
      notBefore: { type: DataTypes.DATE, allowNull: false },
      notAfter: { type: DataTypes.DATE, allowNull: false },
      status: str(20),
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      boundAt: { type: DataTypes.DATE, allowNull: true },
      ...stamps,
    },
    { tableName: 'cards' },
  );

  const CardOperation = sequelize.define<Row<CardOperationAttrs, 'id' | 'accountId' | 'details'>>(
    'CardOperation',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      cardId: { type: DataTypes.INTEGER, allowNull: false },
      operation: str(40),
      actorType: str(20),
      actorId: str(60),
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      details: { type: DataTypes.TEXT, allowNull: false, defaultValue: '{}' },
      opKey: str(160),
      at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'card_operations', timestamps: false },
  );

  const CardChallenge = sequelize.define<Row<CardChallengeAttrs, 'createdAt' | 'usedAt'>>(
    'CardChallenge',
    {
      id: { type: DataTypes.STRING(40), primaryKey: true },
      challenge: str(64),
      purpose: str(20),
      owner: str(64),
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      usedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    { tableName: 'card_challenges', updatedAt: false },
  );

  const OverseasProfile = sequelize.define<Row<OverseasProfileAttrs, 'createdAt' | 'updatedAt'>>(
    'OverseasProfile',
    {
      accountId: { type: DataTypes.INTEGER, primaryKey: true },
      country: str(3),
      regNo: str(60),
      organization: str(200),
      department: str(100),
      jobTitle: str(100),
      contact: str(100),
      contactPhone: str(40),
      fax: str(40),
      address: str(300),
      notes: str(500),
      ...stamps,
    },
    { tableName: 'overseas_profiles' },
  );

  Account.belongsTo(Enterprise, { foreignKey: 'enterpriseId', as: 'enterprise' });
  Enterprise.hasMany(Account, { foreignKey: 'enterpriseId', as: 'accounts' });

  const reviewModels = defineReviewModels(sequelize);

  return { Enterprise, Account, Session, Staff, Throttle, Captcha, OneTimeCode, Outbox, AuditEvent, RegistryRecord, Card, CardOperation, CardChallenge, OverseasProfile, ...reviewModels, ...defineManageModels(sequelize), ...defineAccountCenterModels(sequelize) };
}

export type EnterpriseRow = InstanceType<Models['Enterprise']>;
export type AccountRow = InstanceType<Models['Account']>;
export type StaffRow = InstanceType<Models['Staff']>;
export type CardRow = InstanceType<Models['Card']>;
export type AnyModel = ModelStatic<Model>;
