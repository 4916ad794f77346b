import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { hasSentInvalidations, publicCache, settleInvalidations, settleSentInvalidations } from '../lib/public-cache';
import {
  cacheControlOf,
  cacheKeyOf,
  carriesCredentials,
  computedBeforeAnyWrite,
  dependenciesOf,
  matchesEtag,
  publicResourceOf,
} from '../lib/public-cache/dependencies';
import type { CacheEntry } from '../lib/public-cache/store';

/**
 * The shared cache of public reads: anonymous GETs of /api/articles*, /api/sources* and
 * /api/comments*, keyed by path and parsed query, answered from the store while every
 * dependency version still matches (src/lib/public-cache). A hit runs no SQL: it answers
 * before the router, authentication and the controllers. Every public answer gets a strong
 * ETag; `If-None-Match` with the current one answers 304.
 *
 * Writes (any other method) wait for the invalidations they started before they answer, so
 * the next read on any instance sees them.
 *
 * `Surrogate-Key` lists the answer's dependencies, the tags a CDN can purge by (the
 * approve/reject webhook names them). `X-Cache` says what happened: HIT, MISS (computed, stored), STALE-RACE (computed while a
 * write to what it shows committed: served, not stored), BYPASS (store unavailable).
 */
const isCurrent = (entry: CacheEntry, versions: (number | null)[]) =>
  (entry.validUntil === undefined || Date.now() < entry.validUntil) &&
  versions.length === entry.versions.length &&
  versions.every((version, index) => version === entry.versions[index]);

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.method !== 'GET') {
      await next();
      await settleInvalidations();
      return;
    }
    const resource = publicResourceOf(ctx.path);
    const { settings, store } = publicCache(strapi);
    if (!resource || !store || carriesCredentials(ctx.headers)) return next();

    // Changes this process made in code (not over HTTP) may still be recording.
    if (hasSentInvalidations()) await settleSentInvalidations();
    const cacheControl = cacheControlOf(settings);
    const key = cacheKeyOf(ctx.path, ctx.query);
    let usable = false;
    let sequenceAtStart = 0;
    try {
      usable = await store.ready();
      if (usable) {
        let entry = await store.get(key);
        let current = entry !== null && isCurrent(entry, await store.versions(entry.deps));
        if (entry?.local && !current) {
          // This process's copy is outdated; another instance may have stored a newer answer.
          entry = await store.get(key, 'shared');
          current = entry !== null && isCurrent(entry, await store.versions(entry.deps));
        }
        if (entry && current) {
          ctx.set('ETag', entry.etag);
          ctx.set('Cache-Control', cacheControl);
          ctx.set('X-Cache', 'HIT');
          ctx.set('Surrogate-Key', entry.deps.join(' '));
          if (matchesEtag(ctx.get('If-None-Match'), entry.etag)) {
            ctx.status = 304;
            return;
          }
          ctx.type = 'application/json; charset=utf-8';
          ctx.body = entry.body;
          return;
        }
        sequenceAtStart = await store.sequence();
      }
    } catch {
      usable = false;
    }

    // The query as the reader sent it: controllers may rewrite ctx.query in place.
    const query = JSON.parse(key.slice(key.indexOf('?') + 1)) as unknown;
    await next();

    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body)) return;
    if (ctx.response.get('Set-Cookie')) return;
    const payload = ctx.body;
    const body = JSON.stringify(payload);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = body;
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', cacheControl);
    let outcome = 'BYPASS';
    if (usable) {
      try {
        const deps = dependenciesOf(resource, query, payload);
        const versions = await store.versions(deps);
        ctx.set('Surrogate-Key', deps.join(' '));
        if (computedBeforeAnyWrite(sequenceAtStart, versions)) {
          const validUntil = (ctx.state as { publicCacheValidUntil?: number }).publicCacheValidUntil;
          await store.set(key, { etag, body, deps, versions, ...(validUntil === undefined ? {} : { validUntil }) });
          outcome = 'MISS';
        } else {
          outcome = 'STALE-RACE';
        }
      } catch {
        outcome = 'BYPASS';
      }
    }
    ctx.set('X-Cache', outcome);
    if (matchesEtag(ctx.get('If-None-Match'), etag)) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
};
