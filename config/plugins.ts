import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: secret(env, 'JWT_SECRET'),
    },
  },
  i18n: {
    enabled: true,
  },
  // The moderation domain (src/plugins/moderation): compiled with the project, see its strapi-server.js.
  moderation: {
    enabled: true,
    resolve: './src/plugins/moderation',
  },
});
