import type { Context } from 'koa';
import { isDatabaseUnavailable } from '../lib/database-unavailable';
import { answerServiceUnavailable } from '../lib/service-unavailable';

/**
 * While the database is down or restarting, every request that needs it answers 503 with
 * Retry-After instead of a 500 (or a hang: config/database.ts keeps the connection and
 * acquire timeouts short). Also when Strapi swallowed the database error and answered
 * something else (a 401 from the public role lookup): src/lib/database-outage-guard.ts marks
 * such requests. Nothing is kept in the app: when the database is back, the pool opens new
 * connections on the next request.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export default (_config: unknown, { strapi }: { strapi: { log: { warn(message: string): void } } }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error) && !ctx.state.databaseUnavailable) throw error;
      strapi.log.warn(`database unavailable: ${ctx.method} ${ctx.path}: ${(error as Error).message}`);
      answerServiceUnavailable(ctx, 'database_unavailable', DATABASE_RETRY_AFTER_SECONDS);
      return;
    }
    if (ctx.state.databaseUnavailable && ctx.status >= 400 && ctx.status !== 503) {
      strapi.log.warn(`database unavailable: ${ctx.method} ${ctx.path}: answered ${ctx.status}`);
      answerServiceUnavailable(ctx, 'database_unavailable', DATABASE_RETRY_AFTER_SECONDS);
    }
  };
