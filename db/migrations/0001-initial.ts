// The first schema: identical on SQLite and MySQL/MariaDB.
import { DataTypes, QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const date = (allowNull = false) => ({ type: DataTypes.DATE, allowNull });
const stamps = { createdAt: date(), updatedAt: date() };

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('enterprises', {
    id,
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
    ...stamps,
  });
  await qi.addIndex('enterprises', ['uscc'], { unique: true, name: 'enterprises_uscc' });
  await qi.addIndex('enterprises', ['name'], { name: 'enterprises_name' });

  await qi.createTable('accounts', {
    id,
    username: str(40),
    usernameKey: str(40),
    kind: str(20),
    enterpriseId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'enterprises', key: 'id' } },
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
    passwordChangedAt: date(true),
    lastLoginAt: date(true),
    remark: str(500),
    createdBy: str(120),
    ...stamps,
  });
  await qi.addIndex('accounts', ['usernameKey'], { unique: true, name: 'accounts_username' });
  await qi.addIndex('accounts', ['adminOf'], { unique: true, name: 'accounts_one_admin' });
  await qi.addIndex('accounts', ['createdBy'], { name: 'accounts_created_by' });
  await qi.addIndex('accounts', ['enterpriseId', 'idType', 'idNumberHash'], { unique: true, name: 'accounts_identity_in_enterprise' });

  await qi.createTable('sessions', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    subjectType: str(20),
    subjectId: { type: DataTypes.INTEGER, allowNull: false },
    ip: str(64),
    userAgent: str(300),
    expiresAt: date(),
    lastSeenAt: date(),
    createdAt: date(),
  });
  await qi.addIndex('sessions', ['subjectType', 'subjectId'], { name: 'sessions_subject' });

  await qi.createTable('staff', {
    id,
    username: str(40),
    name: str(100),
    role: str(20),
    passwordHash: str(),
    status: str(20),
    ...stamps,
  });
  await qi.addIndex('staff', ['username'], { unique: true, name: 'staff_username' });

  await qi.createTable('throttles', {
    key: { type: DataTypes.STRING(120), primaryKey: true, allowNull: false },
    failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lockedUntil: date(true),
    updatedAt: date(),
  });

  await qi.createTable('captchas', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    answerHash: str(64),
    answerSealed: str(),
    expiresAt: date(),
    usedAt: date(true),
    createdAt: date(),
  });
  await qi.addIndex('captchas', ['expiresAt'], { name: 'captchas_expires' });

  await qi.createTable('one_time_codes', {
    id,
    sendKey: str(160),
    purpose: str(40),
    subject: str(120),
    target: str(200),
    codeHash: str(64),
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    expiresAt: date(),
    consumedAt: date(true),
    createdAt: date(),
  });
  await qi.addIndex('one_time_codes', ['sendKey'], { unique: true, name: 'one_time_codes_send_key' });
  await qi.addIndex('one_time_codes', ['subject', 'purpose'], { name: 'one_time_codes_subject' });

  await qi.createTable('outbox', {
    id,
    sendKey: str(160),
    channel: str(10),
    to: str(200),
    template: str(60),
    body: { type: DataTypes.TEXT, allowNull: false },
    createdAt: date(),
  });
  await qi.addIndex('outbox', ['sendKey'], { unique: true, name: 'outbox_send_key' });

  await qi.createTable('audit_events', {
    id,
    at: date(),
    actorType: str(20),
    actorId: str(60),
    actorName: str(100),
    action: str(60),
    entityType: str(40),
    entityId: str(60),
    details: { type: DataTypes.TEXT, allowNull: false },
    ip: str(64),
    flowId: str(120),
  });
  await qi.addIndex('audit_events', ['at'], { name: 'audit_events_at' });
  await qi.addIndex('audit_events', ['entityType', 'entityId'], { name: 'audit_events_entity' });

  await qi.createTable('sim_registry_records', {
    id,
    uscc: str(18),
    orgCode: str(9),
    name: str(200),
    legalRepName: str(100),
    legalRepIdType: str(20),
    legalRepIdNumber: str(40),
    status: str(20),
    source: str(10),
    ...stamps,
  });
  await qi.addIndex('sim_registry_records', ['uscc'], { unique: true, name: 'sim_registry_uscc' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const table of ['sim_registry_records', 'audit_events', 'outbox', 'one_time_codes', 'captchas', 'throttles', 'staff', 'sessions', 'accounts', 'enterprises']) {
    await qi.dropTable(table);
  }
}
