import type { Core } from '@strapi/strapi';
import { secretList } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, X-Forwarded-* headers are believed only when TRUST_PROXY is set,
  // and then only the address the nearest TRUST_PROXY_HOPS proxies appended (not one a client
  // wrote into the header itself).
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
  app: {
    keys: secretList(env, 'APP_KEYS'),
  },
});
