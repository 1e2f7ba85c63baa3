// `npm run migrate`: applies pending migrations to DATABASE_URL.
import { loadConfig } from './config';
import { migrate, openDb } from '../db';

(async () => {
  const config = loadConfig();
  const db = openDb(config.databaseUrl);
  const applied = await migrate(db.sequelize);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  await db.sequelize.close();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
