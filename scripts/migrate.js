#!/usr/bin/env node
/**
 * `npm run migrate`: the release step of a deploy. Brings the database to this version (Strapi's
 * schema sync, `database/migrations/`, and the project's bootstrap: comment-count triggers and
 * indexes, locales, roles, permissions), alone, then exits without serving. Run it once before
 * starting or rolling the instances: they then find nothing left to change at their start, so
 * several starting together never race on the schema.
 *
 * Runs the compiled project (`npm run build` first) under scripts/run-with-database.mjs, which
 * provides the database (DATABASE_URL / DATABASE_* or the embedded server).
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

async function main() {
  const started = Date.now();
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await strapi.destroy();
  process.stderr.write(`[khabar] database migrated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
