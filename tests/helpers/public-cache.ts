import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type Redis from 'ioredis';

const dist = path.resolve(__dirname, '../../dist/src/lib');

/**
 * The modules of the running Strapi (it loads the compiled code in dist/): the same instances,
 * so a test can reach the cache and the Redis connection Strapi uses.
 */
export const runningCache = () =>
  require(path.join(dist, 'public-cache')) as {
    invalidateEverything(strapi: unknown): void;
    settleInvalidations(): Promise<void>;
  };

export const runningRedis = () => require(path.join(dist, 'redis')) as { redisClient(): Redis };

/** A Redis key prefix of this test file's own: `khabar-test-cache:<random>:`. */
export const testCachePrefix = () => `khabar-test-cache:${randomBytes(6).toString('hex')}:`;

/** Deletes this test file's keys. */
export async function dropCacheKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
}
