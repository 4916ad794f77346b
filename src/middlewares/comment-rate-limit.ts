import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { RateBudget } from '../plugins/moderation/server/src/services/submission';

/**
 * Limits comment submissions per client address before the body is read. The limits and
 * their store are the moderation plugin's submission service's, one budget shared with
 * GraphQL's createComment; a route may name another budget (`config.budget`: reactions,
 * reports), counted apart. The client address is Koa's `ctx.ip`, which follows
 * X-Forwarded-For only when TRUST_PROXY is set (config/server.ts), so a header cannot be
 * used to dodge the limit.
 */
export default (config: { budget?: RateBudget } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const budget: RateBudget = config?.budget ?? 'comments';
  return async (ctx: Context, next: () => Promise<void>) => {
    await strapi.plugin('moderation').service('submission').enforceRateLimit(ctx.ip, ctx, budget);
    return next();
  };
};
