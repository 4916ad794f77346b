import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { nonNegativeInteger } from '../environment';
import { redisClient } from '../redis';
import { ARTICLES, articleDependency, COMMENTS, EPOCH, SOURCES, sourceDependency } from './dependencies';
import { type CacheStore, createMemoryStore, createRedisStore } from './store';

/**
 * The shared cache of public reads (README: Caching). This file is the API for write paths:
 * whoever changes what the public sees calls one of the `invalidate*` functions below, once
 * the change is made. They return at once and never throw: inside a transaction the bump runs
 * at its commit, otherwise now; an HTTP request waits for the pending bumps before it answers
 * (src/middlewares/public-cache.ts), so the next read on any instance sees the change. Code
 * outside a request (a script) that needs the same calls `settleInvalidations()` after its
 * transaction.
 */
export interface PublicCacheSettings {
  enabled: boolean;
  store: 'redis' | 'memory';
  keyPrefix: string;
  maxEntries: number;
  maxBytes: number;
  entryTtlSeconds: number;
  redisTimeoutMs: number;
  maxAge: number;
  sMaxAge?: number;
  staleWhileRevalidate: number;
}

export function publicCacheSettings(env: NodeJS.ProcessEnv = process.env): PublicCacheSettings {
  const switchValue = (env.PUBLIC_CACHE ?? 'on').trim().toLowerCase();
  const explicitStore = env.PUBLIC_CACHE_STORE?.trim().toLowerCase();
  const store =
    explicitStore === 'redis' || explicitStore === 'memory'
      ? explicitStore
      : env.REDIS_URL || env.RATE_LIMIT_STORE === 'redis'
        ? 'redis'
        : 'memory';
  return {
    enabled: !['off', 'false', '0', 'no'].includes(switchValue),
    store,
    keyPrefix: env.PUBLIC_CACHE_KEY_PREFIX || 'khabar-cache:',
    maxEntries: nonNegativeInteger(env.PUBLIC_CACHE_MAX_ENTRIES) || 5000,
    maxBytes: (nonNegativeInteger(env.PUBLIC_CACHE_MAX_MEGABYTES) || 64) * 2 ** 20,
    entryTtlSeconds: nonNegativeInteger(env.PUBLIC_CACHE_ENTRY_TTL_SECONDS) || 3600,
    redisTimeoutMs: nonNegativeInteger(env.PUBLIC_CACHE_REDIS_TIMEOUT_MS) || 250,
    maxAge: nonNegativeInteger(env.PUBLIC_CACHE_MAX_AGE) ?? 0,
    sMaxAge: nonNegativeInteger(env.PUBLIC_CACHE_S_MAXAGE),
    staleWhileRevalidate: nonNegativeInteger(env.PUBLIC_CACHE_STALE_WHILE_REVALIDATE) ?? 0,
  };
}

interface PublicCache {
  settings: PublicCacheSettings;
  store: CacheStore | null;
}

let current: PublicCache | null = null;
/** Bumps sent to the store and not yet answered. */
const bumping = new Set<Promise<void>>();
/** Bumps waiting for their transaction to commit. */
const awaitingCommit = new Set<Promise<void>>();
/** A transaction whose commit never came (not Strapi's own): bumped anyway after this long. */
const COMMIT_WAIT_MS = 30_000;

/** The cache of this process, made on first use from the environment. */
export function publicCache(strapi: Core.Strapi): PublicCache {
  if (!current) {
    const settings = publicCacheSettings();
    const store = !settings.enabled
      ? null
      : settings.store === 'redis'
        ? createRedisStore(redisClient(), {
            prefix: settings.keyPrefix,
            entryTtlSeconds: settings.entryTtlSeconds,
            timeoutMs: settings.redisTimeoutMs,
            maxEntries: settings.maxEntries,
            maxBytes: settings.maxBytes,
            log: (message) => strapi.log.warn(message),
          })
        : createMemoryStore(settings.maxEntries, settings.maxBytes);
    current = { settings, store };
  }
  return current;
}

/** Forgets the cache of this process (Strapi's destroy: a restarted app reads the environment again). */
export function resetPublicCache(): void {
  current = null;
}

const owned = new AsyncLocalStorage<true>();

/**
 * Runs a write whose invalidation its caller makes itself (the Document Service middleware,
 * the moderation transitions). Database writes to articles, sources and comments outside such
 * a scope (a script's `strapi.db.query`) invalidate everything (src/bootstrap/public-cache.ts).
 */
export function withOwnedInvalidation<T>(work: () => Promise<T>): Promise<T> {
  return owned.run(true, work);
}

export function invalidationIsOwned(): boolean {
  return owned.getStore() === true;
}

/**
 * Waits for the bumps of committed writes still on their way to the store: a read waits for
 * them (a change this process made in code, not over HTTP, must show at its next read), not
 * for transactions still open (src/middlewares/public-cache.ts).
 */
export async function settleSentInvalidations(): Promise<void> {
  while (bumping.size > 0) await Promise.all([...bumping]);
}

/** Waits for every bump started so far, commits included (a write request, before it answers). */
export async function settleInvalidations(): Promise<void> {
  while (bumping.size > 0 || awaitingCommit.size > 0) await Promise.all([...bumping, ...awaitingCommit]);
}

export const hasSentInvalidations = () => bumping.size > 0;

function bumpNow(strapi: Core.Strapi, deps: string[]): Promise<void> {
  const { store } = publicCache(strapi);
  if (!store || deps.length === 0) return Promise.resolve();
  const work = store.bump(deps).catch((error) => {
    // The store distrusts itself until `epoch` is bumped: nothing stale can be served.
    strapi.log.warn(`public cache: could not record a change (${deps.join(', ')}): ${error}`);
  });
  const tracked = work.finally(() => bumping.delete(tracked));
  bumping.add(tracked);
  return tracked;
}

/**
 * Bumps the dependencies once what changed is visible to other connections: at the commit of
 * the current transaction, or now when there is none. Bumping before the commit would let a
 * read computed in between store the old data under the new versions.
 */
export function invalidate(strapi: Core.Strapi, deps: string[]): void {
  if (!publicCache(strapi).store) return;
  const unique = [...new Set(deps)];
  if (!strapi.db.inTransaction()) {
    void bumpNow(strapi, unique);
    return;
  }
  let release: () => void = () => {};
  const waiting = new Promise<void>((resolve) => {
    release = resolve;
  });
  awaitingCommit.add(waiting);
  let done = false;
  const settle = (bump: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    awaitingCommit.delete(waiting);
    if (bump) bumpNow(strapi, unique).finally(release);
    else release();
  };
  const timer = setTimeout(() => {
    strapi.log.warn(
      `public cache: no commit seen in ${COMMIT_WAIT_MS} ms, recording the change (${unique.join(', ')})`,
    );
    settle(true);
  }, COMMIT_WAIT_MS);
  timer.unref();
  // Joins the current transaction: its callbacks run after the outermost commit (or rollback).
  void strapi.db.transaction(async ({ onCommit, onRollback }) => {
    onCommit(() => settle(true));
    onRollback(() => settle(false));
  });
}

/** An article changed (any locale: fields, publication, deletion, its source link). */
export function invalidateArticle(strapi: Core.Strapi, articleDocumentId: string): void {
  invalidate(strapi, [articleDependency(articleDocumentId), ARTICLES]);
}

/**
 * Comments of these articles changed (submitted, moderated, edited, deleted, moved; reactions,
 * reports and replies alike): their pages, counts and the lists showing them.
 */
export function invalidateComment(strapi: Core.Strapi, articleDocumentIds: (string | null | undefined)[]): void {
  const articles = articleDocumentIds.filter((id): id is string => typeof id === 'string' && id !== '');
  invalidate(strapi, [COMMENTS, ...articles.map(articleDependency)]);
}

/** A source changed: its own answers, and article lists (which filter and sort through it). */
export function invalidateSource(strapi: Core.Strapi, sourceDocumentId: string): void {
  invalidate(strapi, [sourceDependency(sourceDocumentId), SOURCES, ARTICLES]);
}

/** Anything may have changed (a locale removed, the default locale, media, permissions). */
export function invalidateEverything(strapi: Core.Strapi): void {
  invalidate(strapi, [EPOCH]);
}

/**
 * Bounds how long the public answer being computed stays valid (ms since the epoch; null: no
 * bound): for what changes with the clock and no write, such as an article's comments closing
 * by age. The cache middleware stores the bound with the entry and recomputes past it.
 */
export function limitPublicCacheValidity(strapi: Core.Strapi, until: number | null): void {
  if (until === null) return;
  const state = strapi.requestContext.get()?.state as { publicCacheValidUntil?: number } | undefined;
  if (!state) return;
  state.publicCacheValidUntil = Math.min(state.publicCacheValidUntil ?? Number.POSITIVE_INFINITY, until);
}
