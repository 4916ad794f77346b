/**
 * Before the browser tests of the reference site: the site bundle (scripts/build-site.mjs),
 * then the compiled project and template database the integration tests use (once per run,
 * even when both projects run).
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const integrationSetup = require('../setup/global-setup');

module.exports = async function siteGlobalSetup() {
  const appDir = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(appDir, 'scripts', 'build-site.mjs')], { cwd: appDir, stdio: 'inherit' });
  await integrationSetup();
};
