import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isContentApiPath } from '../lib/api-paths';
import { createEventLoopDelayMonitor, loadLimitsFromEnvironment, shouldShed } from '../lib/load-shedding';
import { trackRequests } from '../lib/request-tracker';
import { answerServiceUnavailable } from '../lib/service-unavailable';

/**
 * Refuses work the server cannot take now with 503 + Retry-After (src/lib/load-shedding.ts
 * says when; LOAD_SHED_* variables set the bounds), before the body is read or the database
 * touched. The health check is never refused.
 */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const limits = loadLimitsFromEnvironment(process.env);
  const tracker = trackRequests(strapi.server.httpServer);
  const monitor = createEventLoopDelayMonitor();
  // Requests whose handler still runs. The tracker stops counting a request when its client hangs
  // up: under overload readers time out, and the work they left would no longer hold new work back.
  let working = 0;

  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.path === '/_health') return next();
    const state = {
      inFlight: Math.max(tracker.inFlight(), working + 1),
      eventLoopDelayMs: monitor.delayMs(),
      isPublicWrite: ctx.method !== 'GET' && ctx.method !== 'HEAD' && isContentApiPath(ctx.path),
    };
    if (shouldShed(state, limits)) {
      answerServiceUnavailable(ctx, 'server_busy', BUSY_RETRY_AFTER_SECONDS);
      return;
    }
    working += 1;
    try {
      await next();
    } finally {
      working -= 1;
    }
  };
};
