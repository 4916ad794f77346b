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
  // /graphql: the public guarantees of REST hold there too (src/graphql/public-schema.ts).
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Deep enough for articles → source → articles → cover; deeper nesting only multiplies work.
      depthLimit: 7,
      // As REST: 25 a page by default; above 100 is refused (src/graphql/public-schema.ts).
      defaultLimit: 25,
      maxLimit: 100,
      // No playground and no introspection in production: the schema is documented in the README.
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: {
        introspection: env('NODE_ENV') !== 'production',
      },
    },
  },
});
