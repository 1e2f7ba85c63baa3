// Issue 4, account center: the enterprise's address and English name (A1, refreshed by A6 from
// the regulators), the enterprise information individuals declare (A2, 用户企业信息修改), and the
// government service platform simulator's received pushes (A5 信息同步).
import { DataTypes, QueryInterface } from 'sequelize';

const str = (len = 255) => ({ type: DataTypes.STRING(len), allowNull: false, defaultValue: '' });
const stamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('enterprises', 'address', str(300));
  await qi.addColumn('enterprises', 'englishName', str(200));
  await qi.addColumn('enterprises', 'infoSyncedAt', { type: DataTypes.DATE, allowNull: true });

  // An individual's (unverified) enterprise: what 002 §3.1 compares with the administrator's.
  await qi.createTable('account_enterprises', {
    accountId: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'accounts', key: 'id' } },
    uscc: str(18),
    orgCode: str(9),
    name: str(200),
    legalRepName: str(100),
    ...stamps,
  });

  await qi.createTable('sim_gov_pushes', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    receiptNo: str(40),
    pushKey: str(120), // idempotency: a repeated push of the same request returns the first receipt
    accountRef: str(60),
    payload: { type: DataTypes.TEXT, allowNull: false }, // JSON as received, identity numbers masked
    createdAt: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('sim_gov_pushes', ['receiptNo'], { unique: true, name: 'sim_gov_pushes_receipt' });
  await qi.addIndex('sim_gov_pushes', ['pushKey'], { unique: true, name: 'sim_gov_pushes_key' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('sim_gov_pushes');
  await qi.dropTable('account_enterprises');
  await qi.removeColumn('enterprises', 'infoSyncedAt');
  await qi.removeColumn('enterprises', 'englishName');
  await qi.removeColumn('enterprises', 'address');
}
