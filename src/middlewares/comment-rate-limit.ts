import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * Limits comment submissions per client address before the body is read. The limits and
 * their store are the moderation plugin's submission service's, one budget shared with
 * GraphQL's createComment. The client address is Koa's `ctx.ip`, which follows
 * X-Forwarded-For only when TRUST_PROXY is set (config/server.ts), so a header cannot be
 * used to dodge the limit.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    await strapi.plugin('moderation').service('submission').enforceRateLimit(ctx.ip, ctx);
    return next();
  };
};
