import plugins from '../../../config/plugins';

/** The GraphQL plugin's settings as config/plugins.ts gives them for one NODE_ENV. */
function pluginsFor(nodeEnv: string) {
  const values: Record<string, string> = { NODE_ENV: nodeEnv, JWT_SECRET: 'a-long-random-test-secret' };
  const env = Object.assign((name: string, fallback?: unknown) => values[name] ?? fallback, {
    array: (_name: string, fallback: unknown) => fallback,
    bool: (_name: string, fallback: unknown) => fallback,
    int: (_name: string, fallback: unknown) => fallback,
  });
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    return plugins({ env } as never) as {
      graphql: { config: Record<string, any> };
      documentation: { enabled: boolean };
    };
  } finally {
    process.env.NODE_ENV = saved;
  }
}

const graphqlConfigFor = (nodeEnv: string) => pluginsFor(nodeEnv).graphql.config;

describe('API documentation settings', () => {
  it('serve the OpenAPI document in development only (it describes the moderation API)', () => {
    expect(pluginsFor('development').documentation.enabled).toBe(true);
    expect(pluginsFor('production').documentation.enabled).toBe(false);
  });
});

describe('GraphQL settings', () => {
  it('turn introspection and the playground off in production', () => {
    const config = graphqlConfigFor('production');
    expect(config.landingPage).toBe(false);
    expect(config.apolloServer.introspection).toBe(false);
  });

  it('keep them in development, where the playground documents the schema', () => {
    const config = graphqlConfigFor('development');
    expect(config.landingPage).toBe(true);
    expect(config.apolloServer.introspection).toBe(true);
  });

  it('bound the depth and the page size of every query, as REST bounds its pages', () => {
    const config = graphqlConfigFor('production');
    expect(config.depthLimit).toBeGreaterThan(0);
    expect(config.depthLimit).toBeLessThanOrEqual(10);
    expect(config.defaultLimit).toBe(25);
    expect(config.maxLimit).toBe(100);
  });
});
