// One sequelize instance per process, for SQLite (default) or MySQL/MariaDB.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import { serialiseSqliteWrites } from './sqliteWrites';

export function createSequelize(databaseUrl: string, logging = false): Sequelize {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage: file,
      logging: logging ? console.log : false,
      // A transaction takes the write lock at BEGIN, so it never fails upgrading a read lock.
      transactionType: Transaction.TYPES.IMMEDIATE,
      retry: { max: 5, match: [/SQLITE_BUSY/] },
    });
    // PRAGMAs on every connection and one writer at a time in this process (db/sqliteWrites.ts).
    serialiseSqliteWrites(sequelize);
    return sequelize;
  }
  const url = databaseUrl.replace(/^mariadb:/, 'mysql:');
  return new Sequelize(url, {
    dialect: 'mysql',
    logging: logging ? console.log : false,
    pool: { max: 10, min: 0, idle: 10_000 },
    dialectOptions: { charset: 'utf8mb4' },
    define: { charset: 'utf8mb4', collate: 'utf8mb4_bin' },
  });
}
