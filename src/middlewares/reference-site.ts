import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * Serves the reference site (sources in site/, built into public/site/ by `npm run build`):
 * its page for the front page and the article URLs, in Persian (`/`, `/articles/<slug or
 * documentId>`) and English (`/en`, `/en/articles/…`). Its script, styles and fonts are
 * plain static files under /site/. Stock Strapi would redirect `/` to the admin panel.
 */
const SITE_PATH = /^\/(?:en\/?)?(?:articles\/[^/]+\/?)?$/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const page = path.join(strapi.dirs.static.public, 'site', 'index.html');
  let cached: string | null = null;

  return async (ctx: Context, next: () => Promise<void>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !SITE_PATH.test(ctx.path)) return next();
    try {
      // Read once in production; in development a rebuilt site shows without a restart.
      const html = cached ?? (await readFile(page, 'utf8'));
      if (process.env.NODE_ENV === 'production') cached = html;
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = html;
    } catch {
      ctx.status = 503;
      ctx.type = 'text';
      ctx.body = 'The reference site is not built: run `npm run build` (or `node scripts/build-site.mjs`).';
    }
  };
};
