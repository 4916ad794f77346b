import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { localizedError } from '../lib/messages';
import { redisClient } from '../lib/redis';
import {
  type CommentRateLimiter,
  createCommentRateLimiter,
  type RateLimits,
} from '../plugins/moderation/server/src/rate-limiter';

/**
 * Limits comment submissions per client address. Limits come from the moderation settings
 * (editable in the admin panel, applied on the next request) unless the environment fixes
 * them (COMMENT_RATE_LIMIT_PER_MINUTE / _PER_HOUR; 0 turns a window off, e.g. for load
 * tests). The client address is Koa's `ctx.ip`, which follows X-Forwarded-For only when
 * TRUST_PROXY is set (config/server.ts), so a header cannot be used to dodge the limit.
 */
export function fromEnvironment(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let current: { key: string; limiter: CommentRateLimiter } | null = null;

  async function effectiveLimits(): Promise<RateLimits> {
    const perMinute = fromEnvironment('COMMENT_RATE_LIMIT_PER_MINUTE');
    const perHour = fromEnvironment('COMMENT_RATE_LIMIT_PER_HOUR');
    if (perMinute !== undefined && perHour !== undefined) return { perMinute, perHour };
    const settings = await strapi.service('plugin::moderation.settings').get();
    return { perMinute: perMinute ?? settings.rateLimit.perMinute, perHour: perHour ?? settings.rateLimit.perHour };
  }

  function limiterFor(limits: RateLimits): CommentRateLimiter {
    const store = process.env.RATE_LIMIT_STORE === 'redis' ? 'redis' : 'memory';
    const keyPrefix = process.env.RATE_LIMIT_KEY_PREFIX || 'khabar-comments';
    const key = `${store}:${keyPrefix}:${limits.perMinute}:${limits.perHour}`;
    if (current?.key !== key) {
      current = {
        key,
        limiter: createCommentRateLimiter(limits, { redis: store === 'redis' ? redisClient() : undefined, keyPrefix }),
      };
    }
    return current.limiter;
  }

  return async (ctx: Context, next: () => Promise<void>) => {
    const limits = await effectiveLimits();
    if (limits.perMinute === 0 && limits.perHour === 0) return next();
    const decision = await limiterFor(limits).consume(ctx.ip);
    if (!decision.allowed) {
      ctx.set('Retry-After', String(decision.retryAfterSeconds));
      throw localizedError(
        'tooMany',
        'comment_rate_limited',
        { seconds: decision.retryAfterSeconds },
        {
          retryAfterSeconds: decision.retryAfterSeconds,
        },
      );
    }
    return next();
  };
};
