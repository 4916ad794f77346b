import type { Core } from '@strapi/strapi';
import { secretList } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, X-Forwarded-* headers are believed only when this is set.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: secretList(env, 'APP_KEYS'),
  },
});
