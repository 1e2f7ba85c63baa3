// Runs the migrations in db/migrations in order. `npm start` and `npm run migrate` call it once,
// before any API or worker process starts: those never migrate by themselves.
import path from 'node:path';
import { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';

import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-cards';
import * as m0003 from './migrations/0003-account-types';
import * as m0005 from './migrations/0005-account-center';
import * as m0006 from './migrations/0006-qualifications-permissions';
import * as m0007 from './migrations/0007-reviews';
import * as m0008 from './migrations/0008-throttle-window';
import * as m0010 from './migrations/0010-card-real-name';
import * as m0011 from './migrations/0011-review-case-uscc';
import * as m0015 from './migrations/0015-previous-login';

// Listed explicitly so the compiled build and the TypeScript sources run the same list.
const MIGRATIONS = [
  { name: '0001-initial', module: m0001 },
  { name: '0002-cards', module: m0002 },
  { name: '0003-account-types', module: m0003 },
  { name: '0005-account-center', module: m0005 },
  { name: '0006-qualifications-permissions', module: m0006 },
  { name: '0007-reviews', module: m0007 },
  { name: '0008-throttle-window', module: m0008 },
  { name: '0010-card-real-name', module: m0010 },
  { name: '0011-review-case-uscc', module: m0011 },
  { name: '0015-previous-login', module: m0015 },
];

export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const umzug = new Umzug<QueryInterface>({
      migrations: MIGRATIONS.map(({ name, module }) => ({
        name,
        path: path.join(__dirname, 'migrations', name),
        up: (params) => module.up(params),
        down: (params) => module.down(params),
      })),
      context: sequelize.getQueryInterface(),
      storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
      logger: undefined,
    });
  const done = await umzug.up();
  return done.map((m) => m.name);
}
