import type Redis from 'ioredis';

/**
 * Where cached answers and dependency versions live: Redis (shared by every instance) or this
 * process's memory (one instance, development).
 *
 * Versions: one global sequence, incremented by every bump; a bumped dependency takes the new
 * sequence value as its version. A miss reads the sequence before its query and the versions
 * of what it showed after; if any is newer, a write committed meanwhile and the answer is not
 * stored (dependencies.ts: computedBeforeAnyWrite). A hit compares the versions stored with
 * the entry to the current ones, in one round trip.
 */
export interface CacheEntry {
  etag: string;
  /** The JSON answer, as text or as its UTF-8 bytes. */
  body: string | Buffer;
  /** Read from this process's copy (Redis store): if outdated, Redis may hold a newer one. */
  local?: boolean;
  deps: string[];
  versions: (number | null)[];
  /** Past this instant (ms since the epoch) the answer is recomputed: see limitPublicCacheValidity. */
  validUntil?: number;
}

export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  /** Whether the store can be trusted now (Redis connected, no bump lost since). */
  ready(): Promise<boolean>;
  sequence(): Promise<number>;
  versions(deps: string[]): Promise<(number | null)[]>;
  /** The entry; `shared` skips this process's copy of a Redis entry. */
  get(key: string, from?: 'any' | 'shared'): Promise<CacheEntry | null>;
  set(key: string, entry: CacheEntry): Promise<void>;
  /** Bumps the dependencies in one atomic step. */
  bump(deps: string[]): Promise<void>;
}

export function createMemoryStore(maxEntries: number, maxBytes = 64 * 2 ** 20): CacheStore {
  let sequence = 0;
  let bytes = 0;
  const versions = new Map<string, number>();
  // A Map keeps insertion order: re-inserting on read makes the first key the least recently used.
  const entries = new Map<string, CacheEntry>();
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length * 2;
    entries.delete(key);
  };
  return {
    kind: 'memory',
    async ready() {
      return true;
    },
    async sequence() {
      return sequence;
    },
    async versions(deps) {
      return deps.map((dep) => versions.get(dep) ?? null);
    },
    async get(key, _from = 'any') {
      const entry = entries.get(key);
      if (!entry) return null;
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    async set(key, entry) {
      forget(key);
      entries.set(key, entry);
      // Strings hold UTF-16: two bytes a unit, close enough for a bound.
      bytes += entry.body.length * 2;
      while (entries.size > maxEntries || (bytes > maxBytes && entries.size > 1)) {
        forget(entries.keys().next().value as string);
      }
    },
    async bump(deps) {
      sequence += 1;
      for (const dep of deps) versions.set(dep, sequence);
    },
  };
}

const BUMP_SCRIPT = `
local s = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], s) end
return s`;

class StoreUnavailable extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailable(`Redis did not answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const toVersion = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * The Redis store, on the project's shared connection (src/lib/redis.ts). Keys:
 * `<prefix>seq`, `<prefix>v:<dependency>` (no expiry: an evicted version would make an old entry
 * look current, so Redis must evict only keys with a TTL, e.g. `volatile-lru`), and
 * `<prefix>e:<cache key>` (the entries, with a TTL as a memory bound, never as freshness).
 *
 * A read that fails or times out bypasses the cache for its request. A lost connection or a
 * bump that failed (or timed out: it may land later or never) make the store untrusted: the
 * cache is bypassed, and before it is trusted again the `epoch` dependency is bumped, so no
 * entry stored before can be served (a write whose bump was lost may have changed anything).
 */
export function createRedisStore(
  redis: Redis,
  options: {
    prefix: string;
    entryTtlSeconds: number;
    timeoutMs: number;
    maxEntries: number;
    maxBytes: number;
    log?: (message: string) => void;
  },
): CacheStore {
  const { prefix, entryTtlSeconds, timeoutMs } = options;
  // Copies of entries this process read or wrote, so a hit of a large answer costs one MGET of
  // versions, not the transfer of its body. Served only when Redis's versions still match.
  const copies = createMemoryStore(options.maxEntries, options.maxBytes);
  const sequenceKey = `${prefix}seq`;
  const versionKey = (dep: string) => `${prefix}v:${dep}`;
  const entryKey = (key: string) => `${prefix}e:${key}`;
  let trusted = false;
  let lastAttempt = 0;
  let recovering: Promise<boolean> | null = null;

  const distrust = (why: unknown) => {
    if (trusted) options.log?.(`public cache bypassed until Redis answers again: ${why}`);
    trusted = false;
  };
  redis.on('close', () => distrust('connection closed'));
  redis.on('error', (error) => distrust(error));

  // A read that fails or is late only bypasses the cache for its request: it lost nothing.
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    if (redis.status !== 'ready') throw new StoreUnavailable(`Redis is ${redis.status}`);
    return withTimeout(work(), timeoutMs);
  };

  const bumpRaw = (deps: string[]) =>
    call(() => redis.eval(BUMP_SCRIPT, deps.length + 1, sequenceKey, ...deps.map(versionKey)) as Promise<unknown>);

  return {
    kind: 'redis',
    async ready() {
      if (trusted && redis.status === 'ready') return true;
      if (redis.status !== 'ready') {
        distrust(`Redis is ${redis.status}`);
        return false;
      }
      // At most one recovery attempt at a time, and one a second.
      if (recovering) return recovering;
      if (Date.now() - lastAttempt < 1000) return false;
      lastAttempt = Date.now();
      recovering = bumpRaw(['epoch'])
        .then(() => {
          trusted = true;
          return true;
        })
        .catch(() => false)
        .finally(() => {
          recovering = null;
        });
      return recovering;
    },
    async sequence() {
      const value = await call(() => redis.get(sequenceKey));
      return value === null ? 0 : Number(value);
    },
    async versions(deps) {
      if (deps.length === 0) return [];
      const values = await call(() => redis.mget(...deps.map(versionKey)));
      return values.map(toVersion);
    },
    async get(key, from = 'any') {
      if (from === 'any') {
        const copy = await copies.get(key);
        if (copy) return { ...copy, local: true };
      }
      const value = await call(() => redis.getBuffer(entryKey(key)));
      if (value === null) return null;
      // `<meta JSON>\n<body bytes>`: a hit parses the short meta and sends the body's bytes as
      // they are, never decoding nor encoding them.
      const newline = value.indexOf(10);
      const meta = JSON.parse(value.subarray(0, newline).toString('utf8')) as Omit<CacheEntry, 'body'>;
      const entry = { ...meta, body: value.subarray(newline + 1) };
      await copies.set(key, entry);
      return entry;
    },
    async set(key, entry) {
      const { body, ...meta } = entry;
      const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), Buffer.from(body)]);
      await call(() => redis.set(entryKey(key), bytes, 'EX', entryTtlSeconds));
      await copies.set(key, entry);
    },
    async bump(deps) {
      try {
        // A bump may wait longer than a read (it must land), but not forever.
        if (redis.status !== 'ready') throw new StoreUnavailable(`Redis is ${redis.status}`);
        await withTimeout(
          redis.eval(BUMP_SCRIPT, deps.length + 1, sequenceKey, ...deps.map(versionKey)),
          timeoutMs * 8,
        );
      } catch (error) {
        // Not trusted until `epoch` is bumped (ready()): covers whatever this bump would have.
        distrust(error);
        throw error;
      }
    },
  };
}
