// The per-address login throttle counts the failures of a sliding window (issue 8 item 12): the
// address's row keeps the times of its recent failures.
import { DataTypes, QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('throttles', 'failureTimes', { type: DataTypes.TEXT, allowNull: true }); // JSON: epoch ms of the failures in the window
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('throttles', 'failureTimes');
}
