/** Boots Strapi once on the template database so its schema and bootstrap data exist. */
const path = require('node:path');
const { TEMPLATE_DATABASE, switchToDatabase } = require('./database');

async function main() {
  switchToDatabase(TEMPLATE_DATABASE);
  const appDir = path.resolve(__dirname, '../..');
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await strapi.destroy();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
