import { closeRedis } from '../../../../lib/redis';

/** The shared rate-limit store of comment submissions (Redis, when configured). */
export default async () => {
  await closeRedis();
};
