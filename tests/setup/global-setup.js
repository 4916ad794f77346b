/**
 * Runs once before the integration tests: compiles the project into dist/ and builds a
 * migrated, bootstrapped template database. Each test file then clones the template, which
 * boots in about a second instead of creating the schema again.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { TEMPLATE_DATABASE, withAdminClient, quote } = require('./database');

const appDir = path.resolve(__dirname, '../..');

module.exports = async function globalSetup() {
  // Shared by the integration and e2e projects: jest calls each project's setup, once is enough.
  if (process.env.KHABAR_TEST_TEMPLATE_READY === TEMPLATE_DATABASE) return;
  // Compile in a child: compileStrapi exits the process on a TypeScript error.
  execFileSync(
    process.execPath,
    ['-e', `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(appDir)} })`],
    {
      cwd: appDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(TEMPLATE_DATABASE)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(TEMPLATE_DATABASE)}`);
  });
  execFileSync(process.execPath, [path.join(__dirname, 'prepare-template.js')], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, TEST_TEMPLATE_DATABASE: TEMPLATE_DATABASE },
  });
  process.env.KHABAR_TEST_TEMPLATE_READY = TEMPLATE_DATABASE;
};
