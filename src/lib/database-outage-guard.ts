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
