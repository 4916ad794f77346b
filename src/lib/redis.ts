import Redis from 'ioredis';

/**
 * One lazily opened Redis connection for the shared rate-limit store (RATE_LIMIT_STORE=redis).
 * Closed when Strapi shuts down (src/index.ts destroy).
 */
let client: Redis | null = null;

export function redisClient(): Redis {
  if (!client) {
    client = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
      lazyConnect: false,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 2,
    });
  }
  return client;
}

export async function closeRedis(): Promise<void> {
  if (!client) return;
  const closing = client;
  client = null;
  await closing.quit().catch(() => closing.disconnect());
}
