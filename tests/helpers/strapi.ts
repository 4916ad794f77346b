import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import { Client } from 'pg';
import supertest from 'supertest';

// Plain JS shared with the global setup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const database = require('../setup/database') as {
  TEMPLATE_DATABASE: string;
  switchToDatabase(name: string): void;
  withAdminClient<T>(work: (client: import('pg').Client) => Promise<T>): Promise<T>;
  quote(name: string): string;
  adminConnection(): { connectionString?: string; database?: string };
};

const appDir = path.resolve(__dirname, '../..');

export interface TestApp {
  strapi: Core.Strapi;
  /** A supertest agent bound to the real HTTP server. */
  http: () => supertest.Agent;
  databaseName: string;
  /** Stops Strapi and boots it again on the same database, as a restart of the server would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a real Strapi on its own database, cloned from the migrated template. */
export async function startStrapi(): Promise<TestApp> {
  // Tests post many comments from 127.0.0.1: rate limits are off unless a test turns them on.
  process.env.COMMENT_RATE_LIMIT_PER_MINUTE ??= '0';
  process.env.COMMENT_RATE_LIMIT_PER_HOUR ??= '0';
  // Bursts of concurrent requests are what these tests are made of, on a machine running two
  // Strapis at once: load shedding and the short pool wait are the reliability tests' subject
  // (tests/reliability, their own processes), not these tests'.
  process.env.LOAD_SHED_MAX_IN_FLIGHT_WRITES ??= '0';
  process.env.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS ??= '0';
  process.env.DATABASE_CONNECTION_TIMEOUT ??= '60000';
  const databaseName = `khabar_test_${randomBytes(6).toString('hex')}`;
  await database.withAdminClient(async (client) => {
    await client.query(
      `CREATE DATABASE ${database.quote(databaseName)} TEMPLATE ${database.quote(database.TEMPLATE_DATABASE)}`,
    );
  });
  database.switchToDatabase(databaseName);
  const boot = async () => {
    const instance = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
    // Request logs drown test failures; warnings and errors still show.
    instance.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
    const strapi = await instance.load();
    strapi.server.mount();
    return strapi;
  };
  const app: TestApp = {
    strapi: await boot(),
    http: () => supertest.agent(app.strapi.server.httpServer),
    databaseName,
    async restart() {
      await app.strapi.destroy();
      database.switchToDatabase(databaseName);
      app.strapi = await boot();
    },
    async stop() {
      await app.strapi.destroy();
      await database.withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${database.quote(databaseName)} WITH (FORCE)`);
      });
    },
  };
  return app;
}

/** Another client of the test app's database, as another instance or psql would be (connected). */
export async function connectToAppDatabase(app: TestApp): Promise<Client> {
  const admin = database.adminConnection();
  let client: Client;
  if (admin.connectionString) {
    const url = new URL(admin.connectionString);
    url.pathname = `/${app.databaseName}`;
    client = new Client({ connectionString: url.toString() });
  } else {
    client = new Client({ ...admin, database: app.databaseName });
  }
  await client.connect();
  return client;
}
