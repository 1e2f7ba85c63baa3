// SQLite takes one writer at a time. sequelize's SQLite connection manager opens one connection
// for plain queries and a new one per transaction, never runs `afterConnect` hooks (so PRAGMAs set
// there never applied) and begins DEFERRED transactions, which fail at once with SQLITE_BUSY when
// they upgrade from reading to writing while another connection writes. Left to SQLite's busy
// handler, waiting writers also sleep on libuv's four worker threads, so a handful of them starve
// the one holding the lock (its next statement and its COMMIT need a thread too).
//
// So, for SQLite:
// - every connection gets WAL (readers never wait for the writer), foreign keys and a busy timeout;
// - the writers of this process queue in memory, one at a time: a transaction from BEGIN to
//   COMMIT/ROLLBACK (begun IMMEDIATE, see db/connection.ts), a write outside a transaction for its
//   statement. Reads never queue;
// - the busy timeout then only covers another process on the same file (API and worker run as
//   separate processes in production): at most one waiter per process.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sequelize } from 'sequelize';

export const SQLITE_BUSY_TIMEOUT_MS = 10_000; // another process writing
export const WRITE_QUEUE_TIMEOUT_MS = 30_000; // waiting for this process's other writers

/** One holder at a time, first come first served; a waiter gives up after `timeoutMs`. */
export class WriteQueue {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  async acquire(timeoutMs: number): Promise<() => void> {
    if (this.held) {
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          const i = this.waiters.indexOf(grant);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new Error(`SQLITE_BUSY: waited ${timeoutMs} ms for the database's other writers`));
        }, timeoutMs);
        this.waiters.push(grant);
      });
    } else {
      this.held = true;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next(); // the lock passes straight to the next waiter
      else this.held = false;
    };
  }

  get waiting(): number {
    return this.waiters.length;
  }
}

type SqliteConnection = { uuid?: string; exec(sql: string, cb: (err: Error | null) => void): void; close(cb?: (err: Error | null) => void): void };

const READ = /^\s*(SELECT|PRAGMA)\b/i;

/** Applies the PRAGMAs to every connection and queues this process's writers (see above). */
export function serialiseSqliteWrites(sequelize: Sequelize, busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS): WriteQueue {
  const queue = new WriteQueue();
  const manager = sequelize.connectionManager as unknown as {
    connections: Record<string, SqliteConnection>;
    getConnection(options?: { uuid?: string }): Promise<SqliteConnection>;
    releaseConnection(connection: SqliteConnection, force?: boolean): unknown;
    destroyConnection(connection: SqliteConnection): Promise<void>;
  };
  const configured = new WeakSet<SqliteConnection>();
  const releases = new Map<string, () => void>(); // transaction id → its turn in the queue
  // Set while a managed transaction's callback runs: a write there without `{ transaction }`
  // would wait for that very transaction, so it is named in a warning and not queued.
  // (Only while it runs: work it started and left running may write on its own afterwards.)
  const inTransaction = new AsyncLocalStorage<{ id: string; open: boolean }>();
  const openOwner = () => {
    const owner = inTransaction.getStore();
    return owner?.open ? owner.id : undefined;
  };

  const configure = (connection: SqliteConnection) =>
    new Promise<void>((resolve, reject) =>
      connection.exec(`PRAGMA journal_mode=WAL; PRAGMA busy_timeout=${busyTimeoutMs}; PRAGMA foreign_keys=ON;`, (err) => (err ? reject(err) : resolve())),
    );

  const getConnection = manager.getConnection.bind(manager);
  manager.getConnection = async (options = {}) => {
    const transactionId = options.uuid && options.uuid !== 'default' ? options.uuid : undefined;
    const owner = openOwner();
    // A second transaction begun inside one would wait for the first forever: say so at once.
    if (transactionId && owner) throw new Error(`SQLITE_BUSY: a transaction begun inside transaction ${owner}; pass { transaction }`);
    const release = transactionId ? await queue.acquire(WRITE_QUEUE_TIMEOUT_MS) : undefined;
    try {
      const connection = await getConnection(options);
      if (!configured.has(connection)) {
        await configure(connection);
        configured.add(connection);
      }
      if (transactionId && release) releases.set(transactionId, release);
      return connection;
    } catch (err) {
      release?.();
      throw err;
    }
  };
  const endTurn = (uuid: string | undefined) => {
    if (!uuid) return;
    releases.get(uuid)?.();
    releases.delete(uuid);
  };
  const releaseConnection = manager.releaseConnection.bind(manager);
  manager.releaseConnection = (connection, force) => {
    const uuid = connection.uuid;
    try {
      return releaseConnection(connection, force);
    } finally {
      endTurn(uuid);
    }
  };
  // After a failed COMMIT/ROLLBACK sequelize destroys the transaction's connection (the generic
  // version asks a pool SQLite does not use): close it and pass the turn on.
  manager.destroyConnection = async (connection) => {
    const uuid = connection.uuid;
    if (uuid) delete manager.connections[uuid];
    try {
      await new Promise<void>((resolve) => connection.close(() => resolve()));
    } finally {
      endTurn(uuid);
    }
  };

  const transaction = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  (sequelize as unknown as { transaction: unknown }).transaction = (options: unknown, callback?: unknown) => {
    const [opts, fn] = typeof options === 'function' ? [undefined, options] : [options, callback];
    if (typeof fn !== 'function') return transaction(opts);
    return transaction(opts, (t: { id: string }) => {
      const owner = { id: t.id, open: true };
      return inTransaction.run(owner, async () => {
        try {
          return await fn(t);
        } finally {
          owner.open = false;
        }
      });
    });
  };

  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: { transaction?: unknown }) => Promise<unknown>;
  (sequelize as unknown as { query: unknown }).query = async (sql: unknown, options?: { transaction?: unknown }) => {
    const text = typeof sql === 'string' ? sql : String((sql as { query?: string })?.query ?? '');
    if (options?.transaction || READ.test(text)) return query(sql, options);
    const owner = openOwner();
    if (owner) {
      console.warn(`sqlite: a write inside transaction ${owner} without { transaction }: ${text.slice(0, 120)}`);
      return query(sql, options);
    }
    const release = await queue.acquire(WRITE_QUEUE_TIMEOUT_MS);
    try {
      return await query(sql, options);
    } finally {
      release();
    }
  };
  return queue;
}
