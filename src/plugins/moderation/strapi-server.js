/**
 * The server entry Strapi loads for this local plugin. Strapi resolves the plugin folder from the
 * app root (these TypeScript sources), while the project's own build (`strapi build`,
 * `strapi develop`, `compileStrapi`) compiles `server/src` with the rest of `src/` into the dist
 * folder: the server code is loaded from there.
 */
const path = require('node:path');

const compiled = path.join(globalThis.strapi.dirs.dist.src, 'plugins', 'moderation', 'server', 'src');

module.exports = require(compiled).default;
