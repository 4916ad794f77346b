import type { Core } from '@strapi/strapi';
import { correctGeneratedSchemas } from '../src/openapi/khabar-api';
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
  // The OpenAPI document at /documentation (src/openapi/khabar-api.ts adds our own routes).
  // Off in production unless API_DOCS=true: it describes the private moderation API, and the
  // plugin lets any admin delete a document version.
  documentation: {
    enabled: env.bool('API_DOCS', env('NODE_ENV') !== 'production'),
    config: {
      info: {
        version: '1.0.0',
        title: 'Khabar API',
        description:
          'The public content API of a moderated Persian newsroom (REST under /api), and the moderation admin API under /moderation. Every 4xx carries error.details.code and error.details.messages.fa/en.',
        license: { name: 'UNLICENSED' },
      },
      servers: [{ url: '/api', description: 'This server' }],
      'x-strapi-config': {
        plugins: ['upload', 'users-permissions'],
        mutateDocumentation: correctGeneratedSchemas,
      },
    },
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
