/**
 * Before the browser tests: the admin panel must be built (`npm run build`, as CI does) from
 * the current admin sources, and the template database must exist (the integration setup).
 * A missing or stale build is rebuilt here, which takes a minute or two.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');
const integrationSetup = require('./global-setup');

const appDir = path.resolve(__dirname, '../..');
const builtIndex = path.join(appDir, 'dist/build/index.html');

/** The newest modification time under a folder (the admin sources). */
function newestIn(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

module.exports = async function e2eSetup() {
  // The admin panel's own code, the plugin's admin entry, and the plugin's pure domain modules it imports.
  const adminSources = [
    path.join(appDir, 'src/admin'),
    path.join(appDir, 'src/plugins/moderation/admin/src'),
    path.join(appDir, 'src/plugins/moderation/server/src/domain'),
  ];
  const stale =
    !existsSync(builtIndex) || adminSources.some((folder) => newestIn(folder) > statSync(builtIndex).mtimeMs);
  if (stale) {
    process.stderr.write('[e2e] building the admin panel (strapi build)…\n');
    // (Not require.resolve: the package's `exports` hide its bin/ folder.)
    execFileSync(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], {
      cwd: appDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  await integrationSetup();
};
