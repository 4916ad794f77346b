import type { Core } from '@strapi/strapi';
import { isDatabaseUnavailable } from './database-unavailable';

/**
 * While PostgreSQL shuts down or starts, a failed connection attempt can end in a promise
 * nobody awaits (inside knex's pool and transactions), and Node stops the whole process on
 * an unhandled rejection: one database restart would take the site down for good. Such a
 * rejection is logged and the process carries on (the request it belonged to is answered
 * 503); any other unhandled rejection still stops the process as before.
 */
let shuttingDown = false;

/** From here on the process is exiting: work cut off by the pool's closing is expected. */
export function markShuttingDown(): void {
  shuttingDown = true;
}

export function survivesDatabaseOutages(strapi: Core.Strapi): void {
  process.on('unhandledRejection', (reason) => {
    if (shuttingDown) {
      // Closing the pool aborts any pending acquire ("aborted"): not worth an exit code of 1.
      strapi.log.info(`during shutdown: ${(reason as Error)?.message ?? reason}`);
      return;
    }
    if (isDatabaseUnavailable(reason)) {
      strapi.log.warn(`database unavailable (unhandled): ${(reason as Error)?.message ?? reason}`);
      return;
    }
    // Node's default (stop the process), unless someone else (a test runner) handles these.
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  });
}

type Transactor = {
  commit(value?: unknown): Promise<unknown>;
  executionPromise?: Promise<unknown>;
  /** A transaction's own client: it hands out the transaction's one connection. */
  client: { acquireConnection(): Promise<{ __knex__disposed?: unknown }> };
};
type TransactionContext = { transaction(container?: unknown, config?: unknown): Promise<unknown> };

/**
 * knex resolves a transaction's `commit()` even when the COMMIT itself fails (the connection
 * died under it: PostgreSQL shutting down, a network cut): the failure goes only to the
 * transaction's own promise, which Strapi's `db.transaction` never reads. Strapi then answers as
 * if the work were stored: a reader's comment acknowledged with a 201 and rolled back. With this,
 * `commit()` rejects when the COMMIT failed, so the request fails (503) like any query would.
 * Call before anything opens a transaction (register).
 */
export function failedCommitsThrow(strapi: Core.Strapi): void {
  const context = (strapi.db.connection as unknown as { context: TransactionContext }).context;
  const begin = context.transaction;
  context.transaction = function transaction(this: unknown, container?: unknown, config?: unknown) {
    const started = begin.call(this, container, config);
    // With a callback, knex settles the returned promise with the commit's outcome itself.
    if (typeof container === 'function') return started;
    return started.then((value) => {
      const trx = value as Transactor;
      const commit = trx.commit;
      trx.commit = async (result?: unknown) => {
        const answer = await commit(result);
        try {
          // Resolved after a COMMIT that succeeded, rejected with its error after one that failed.
          await trx.executionPromise;
        } catch (error) {
          // The connection may be dead without knowing it yet (its socket closes a moment later):
          // knex's own flag keeps the pool from handing it to the next request.
          const connection = await trx.client.acquireConnection();
          connection.__knex__disposed ??= error;
          throw error;
        }
        return answer;
      };
      return trx;
    });
  };
}

/**
 * Marks the request (`ctx.state.databaseUnavailable`) whose query or connection attempt
 * failed because the database is away. Some Strapi code swallows such an error and answers
 * something else: the users-permissions strategy turns it into a 401 for every public
 * request. src/middlewares/database-unavailable.ts answers those requests 503 instead.
 */
export function markRequestsHitByOutages(strapi: Core.Strapi): void {
  const knex = strapi.db.connection;
  const mark = (error: unknown) => {
    if (!isDatabaseUnavailable(error)) return;
    const ctx = strapi.requestContext.get() as { state?: Record<string, unknown> } | undefined;
    if (ctx?.state) ctx.state.databaseUnavailable = true;
  };
  knex.on('query-error', mark);
  // A connection that cannot be had fails before any query, with no event: wrap the pool's acquire.
  const client = knex.client as { acquireConnection(): Promise<unknown> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () =>
    acquire().catch((error: unknown) => {
      mark(error);
      throw error;
    });
}
