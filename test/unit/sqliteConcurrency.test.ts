// The embedded database under concurrent writers (issue 8 item 1): the SQLite default must take a
// busy office's parallel requests without SQLITE_BUSY and without losing a write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Op } from 'sequelize';
import { openDb, migrate, Db } from '../../db';

describe('SQLite under concurrent writers', function () {
  this.timeout(60_000);
  let dir: string;
  let db: Db;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-sqlite-'));
    db = openDb(`sqlite:${path.join(dir, 'app.sqlite')}`);
    await migrate(db.sequelize);
  });
  after(async () => {
    await db.sequelize.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs every connection, a transaction’s too, in WAL with a busy timeout', async () => {
    expect(await db.sequelize.query('PRAGMA journal_mode', { plain: true })).to.deep.equal({ journal_mode: 'wal' });
    await db.sequelize.transaction(async (transaction) => {
      const timeout = (await db.sequelize.query('PRAGMA busy_timeout', { plain: true, transaction })) as { timeout: number };
      expect(timeout.timeout).to.be.at.least(5000);
    });
  });

  it('takes 32 parallel find-or-create, read-then-write transactions and plain writes without an error or a lost write', async () => {
    const { Throttle } = db.models;
    await Throttle.create({ key: 'shared', failures: 0, lockedUntil: null });
    const work = Array.from({ length: 32 }, async (_, i) => {
      // Sequelize's findOrCreate: a transaction that reads, then inserts (the throttle's old pattern).
      await Throttle.findOrCreate({ where: { key: `k${i}` }, defaults: { key: `k${i}`, failures: 0, lockedUntil: null } });
      // Read, then write the value read, in one transaction: exact only if transactions do not overlap.
      await db.sequelize.transaction(async (transaction) => {
        const row = await Throttle.findByPk('shared', { transaction });
        await row!.update({ failures: row!.failures + 1 }, { transaction });
      });
      // A write outside any transaction.
      await Throttle.update({ lockedUntil: new Date() }, { where: { key: `k${i}` } });
    });
    const results = await Promise.allSettled(work);
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(errors).to.deep.equal([]);
    expect((await Throttle.findByPk('shared'))!.failures, 'no lost increment').to.equal(32);
    expect(await Throttle.count({ where: { key: { [Op.like]: 'k%' }, lockedUntil: { [Op.ne]: null } } })).to.equal(32);
  });

  it('refuses at once a transaction begun inside another (it would wait for itself)', async () => {
    const started = Date.now();
    const error = await db.sequelize.transaction(async () => db.sequelize.transaction(async () => 1)).then(() => null, (err: Error) => err);
    expect(String(error)).to.match(/inside transaction/);
    expect(Date.now() - started).to.be.below(2000);
  });
});
