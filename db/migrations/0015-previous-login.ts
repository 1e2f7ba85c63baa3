// 上次登录 on the account page is the login before the current one: each login moves the
// last login time here before it records its own.
import { DataTypes, QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('accounts', 'previousLoginAt', { type: DataTypes.DATE, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('accounts', 'previousLoginAt');
}
