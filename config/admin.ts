import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: secret(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: secret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: secret(env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: secret(env, 'ENCRYPTION_KEY'),
  },
  // The embedded database and test runs must not restart `strapi develop`.
  watchIgnoreFiles: ['**/database/embedded/**', '**/tests/**', '**/benchmarks/**', '**/coverage/**'],
  flags: {
    nps: false,
    promoteEE: false,
  },
});
