// Issue 4, enterprise management: Q1 qualifications (one row per enterprise and tab), Q2 app
// permissions (the enterprise's set and per-operator sets) with the short-lived launch tickets,
// O6 usernames of deleted migrated users that may be re-created, and the MOFCOM simulator's
// foreign-trade operator filings.
import { DataTypes, QueryInterface } from 'sequelize';

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const stamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('enterprise_qualifications', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    enterpriseId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'enterprises', key: 'id' } },
    section: str(20), // customs | inspection | quality | trade
    fields: { type: DataTypes.TEXT, allowNull: false }, // JSON object: field key → value
    updatedBy: str(60), // 'account:<id>', 'sync:mofcom', 'demo'
    syncedAt: { type: DataTypes.DATE, allowNull: true },
    ...stamps,
  });
  await qi.addIndex('enterprise_qualifications', ['enterpriseId', 'section'], { unique: true, name: 'enterprise_qualifications_section' });

  await qi.createTable('app_permissions', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    enterpriseId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'enterprises', key: 'id' } },
    accountId: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, // 0 = the enterprise's set (every operator inherits it)
    items: { type: DataTypes.TEXT, allowNull: false }, // JSON array of item codes (domain/appPermissions.ts)
    updatedBy: str(60),
    ...stamps,
  });
  await qi.addIndex('app_permissions', ['enterpriseId', 'accountId'], { unique: true, name: 'app_permissions_scope' });

  await qi.createTable('app_launch_tickets', {
    id: { type: DataTypes.STRING(64), primaryKey: true }, // keyed hash of the ticket; the ticket itself is never stored
    accountId: { type: DataTypes.INTEGER, allowNull: false },
    item: str(60),
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    usedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('app_launch_tickets', ['expiresAt'], { name: 'app_launch_tickets_expires' });

  await qi.createTable('released_usernames', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    enterpriseId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'enterprises', key: 'id' } },
    username: str(40), // exactly as the migrated user had it
    usernameKey: str(40),
    formerAccountId: { type: DataTypes.INTEGER, allowNull: false },
    releasedBy: str(60),
    reusedAccountId: { type: DataTypes.INTEGER, allowNull: true },
    reusedAt: { type: DataTypes.DATE, allowNull: true },
    ...stamps,
  });
  await qi.addIndex('released_usernames', ['enterpriseId', 'usernameKey'], { unique: true, name: 'released_usernames_key' });

  await qi.createTable('sim_mofcom_records', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    uscc: str(18),
    record: { type: DataTypes.TEXT, allowNull: false }, // JSON: the filing as MOFCOM holds it
    source: str(10), // seed | staff
    ...stamps,
  });
  await qi.addIndex('sim_mofcom_records', ['uscc'], { unique: true, name: 'sim_mofcom_uscc' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('sim_mofcom_records');
  await qi.dropTable('released_usernames');
  await qi.dropTable('app_launch_tickets');
  await qi.dropTable('app_permissions');
  await qi.dropTable('enterprise_qualifications');
}