import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { rateLimitedError } from '../api/comment/services/submission';

/**
 * Limits comment submissions per client address (the limits and their store live in the
 * comment submission service, shared with GraphQL's createComment). The client address is
 * Koa's `ctx.ip`, which follows X-Forwarded-For only when TRUST_PROXY is set
 * (config/server.ts), so a header cannot be used to dodge the limit.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    const refused = await strapi.service('api::comment.submission').consumeRateLimit(ctx.ip);
    if (refused) {
      ctx.set('Retry-After', String(refused.retryAfterSeconds));
      throw rateLimitedError(refused.retryAfterSeconds);
    }
    return next();
  };
};
