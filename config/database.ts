import type { Core } from '@strapi/strapi';
/**
 * PostgreSQL only. `DATABASE_URL` wins when set; otherwise the discrete DATABASE_* variables.
 * `scripts/run-with-database.js` fills these in for an embedded server when neither
 * DATABASE_URL nor DATABASE_HOST is given.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = env('DATABASE_URL');
  const ssl = env.bool('DATABASE_SSL', false)
    ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
    : false;
  // pg's own connect timeout: an unreachable host must not hold a request for the OS's minutes.
  const connectionTimeoutMillis = env.int('DATABASE_CONNECT_TIMEOUT', 3000);
  return {
    connection: {
      client: 'postgres',
      connection: url
        ? { connectionString: url, ssl, connectionTimeoutMillis }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', 5432),
            database: env('DATABASE_NAME', 'khabar'),
            user: env('DATABASE_USERNAME', 'postgres'),
            password: env('DATABASE_PASSWORD', ''),
            ssl,
            schema: env('DATABASE_SCHEMA', 'public'),
            connectionTimeoutMillis,
          },
      pool: {
        min: env.int('DATABASE_POOL_MIN', 0),
        max: env.int('DATABASE_POOL_MAX', 10),
      },
      // Short, so a request fails fast (503, src/middlewares/database-unavailable.ts) rather
      // than hanging while the database is down or every connection is busy.
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 5000),
    },
  };
};
