// One sequelize instance per process, for SQLite (default) or MySQL/MariaDB.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';

export function createSequelize(databaseUrl: string, logging = false): Sequelize {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage: file,
      logging: logging ? console.log : false,
      // SQLite allows one writer: keep one connection and let it wait instead of failing.
      pool: { max: 1, min: 0, idle: 10_000 },
      retry: { max: 5, match: [/SQLITE_BUSY/] },
    });
    sequelize.addHook('afterConnect', async (connection: any) => {
      await new Promise<void>((resolve, reject) =>
        connection.exec('PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;', (err: Error | null) =>
          err ? reject(err) : resolve(),
        ),
      );
    });
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
