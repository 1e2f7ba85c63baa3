// Issue 8 (cards): how an account's real-name level was reached (`realNameMethod`, 'icCard' for a
// bound card whose holder matches, N4), and no usable password for accounts that are not yet
// activated (card-created ones kept the public default password until A4).
import { DataTypes, QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('accounts', 'realNameMethod', { type: DataTypes.STRING(20), allowNull: false, defaultValue: '' });
  await qi.bulkUpdate('accounts', { passwordHash: '!none' }, { status: 'inactive' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('accounts', 'realNameMethod');
}
