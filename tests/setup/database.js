/**
 * Connection settings for the test databases, from the same variables Strapi reads.
 * `npm test` runs under scripts/run-with-database.mjs, which sets them for the embedded
 * server when the environment names none.
 */
const pg = require('pg');

const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE || 'khabar_test_template';

function adminConnection() {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    return { connectionString: url.toString() };
  }
  return {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: 'postgres',
  };
}

/** Points Strapi's DATABASE_* variables (or DATABASE_URL) at the named database. */
function switchToDatabase(name) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.DATABASE_NAME = name;
  }
}

async function withAdminClient(work) {
  const client = new pg.Client(adminConnection());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

module.exports = { TEMPLATE_DATABASE, adminConnection, switchToDatabase, withAdminClient, quote };
