// Every account type: individuals and overseas users (no enterprise row), the mobile-number login
// switch (one account per mobile: a unique key that is NULL while the switch is off), the
// real-name level, migrated users, and the overseas profile.
import { DataTypes, QueryInterface } from 'sequelize';

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('accounts', 'mobileLoginKey', { type: DataTypes.STRING(20), allowNull: true });
  await qi.addIndex('accounts', ['mobileLoginKey'], { unique: true, name: 'accounts_mobile_login' });
  await qi.addColumn('accounts', 'realNameLevel', { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'none' });
  await qi.addColumn('accounts', 'migrated', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });

  await qi.createTable('overseas_profiles', {
    accountId: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'accounts', key: 'id' } },
    country: str(3), // ISO 3166-1 alpha-3, as the manual's list (e.g. BDI)
    regNo: str(60), // the country's registration number: filled once, never changed
    organization: str(200),
    department: str(100),
    jobTitle: str(100),
    contact: str(100),
    contactPhone: str(40),
    fax: str(40),
    address: str(300),
    notes: str(500),
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('overseas_profiles');
  await qi.removeColumn('accounts', 'migrated');
  await qi.removeColumn('accounts', 'realNameLevel');
  await qi.removeIndex('accounts', 'accounts_mobile_login');
  await qi.removeColumn('accounts', 'mobileLoginKey');
}
