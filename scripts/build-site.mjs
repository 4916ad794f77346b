// Builds the reference site (site/) into public/site/, which Strapi serves as static files;
// src/middlewares/reference-site.ts answers `/` and article URLs with its index.html.
// esbuild ships with Strapi's build tooling and is pinned in devDependencies.
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'public', 'site');
mkdirSync(path.join(out, 'fonts'), { recursive: true });

await build({
  entryPoints: [path.join(root, 'site', 'src', 'main.ts')],
  outfile: path.join(out, 'app.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    {
      // The shared message table (src/lib/messages.ts) also builds Strapi error classes, which
      // the browser never uses: stand in for @strapi/utils so the bundle stays small.
      name: 'no-strapi-in-the-browser',
      setup(builder) {
        builder.onResolve({ filter: /^@strapi\/utils$/ }, () => ({ path: 'strapi-utils-stub', namespace: 'stub' }));
        builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
          contents: 'export const errors = {};',
          loader: 'js',
        }));
      },
    },
  ],
});

copyFileSync(path.join(root, 'site', 'index.html'), path.join(out, 'index.html'));
copyFileSync(path.join(root, 'site', 'site.css'), path.join(out, 'site.css'));
const fonts = path.join(root, 'node_modules', '@fontsource', 'vazirmatn', 'files');
for (const script of ['arabic', 'latin']) {
  for (const weight of [400, 700]) {
    const name = `vazirmatn-${script}-${weight}-normal.woff2`;
    copyFileSync(path.join(fonts, name), path.join(out, 'fonts', name));
  }
}
copyFileSync(
  path.join(root, 'node_modules', '@fontsource', 'vazirmatn', 'LICENSE'),
  path.join(out, 'fonts', 'LICENSE'),
);

const size = statSync(path.join(out, 'app.js')).size;
const gzip = (await import('node:zlib')).gzipSync(readFileSync(path.join(out, 'app.js'))).length;
console.log(`site built: public/site/app.js ${(size / 1024).toFixed(1)} KB (${(gzip / 1024).toFixed(1)} KB gzip)`);
