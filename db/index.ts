// The database of one process: connection, typed models, migrations.
import { Sequelize } from 'sequelize';
import { createSequelize } from './connection';
import { migrate } from './migrate';
import { defineModels, Models } from './models';

export type Db = { sequelize: Sequelize; models: Models };

export function openDb(databaseUrl: string): Db {
  const sequelize = createSequelize(databaseUrl);
  return { sequelize, models: defineModels(sequelize) };
}

export { migrate };
export * from './models';
