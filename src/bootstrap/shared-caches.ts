import type { Core } from '@strapi/strapi';
import { Client, type ClientConfig } from 'pg';
import { createNotifiedCache, type NotifiedCache } from '../lib/notified-cache';
import { invalidateEverything } from '../lib/public-cache';

/**
 * Reads made on every request, answered from memory while PostgreSQL says they did not change
 * (see src/lib/notified-cache.ts): the public role's permissions (the users-permissions
 * strategy, one joined query per anonymous REST or GraphQL request), the default locale (the
 * i18n core store row, read by every Document Service call: twice for a list, rows and count)
 * and the moderation settings as public reads use them (every public article answer, for
 * `commentsOpen`; submissions read them fresh). Measured in BENCHMARKS.md.
 *
 * Several instances stay exact: a statement trigger on each table involved sends
 * `pg_notify('khabar_cache', topic)` in the writing transaction, whoever writes (the admin
 * panel, a bootstrap, psql), and every instance LISTENs on a connection of its own. While that
 * connection is down every read goes to the database, as before.
 */
const CHANNEL = 'khabar_cache';
const PERMISSIONS = 'permissions';
const STORE = 'store';
const MODERATION_SETTINGS = 'moderation-settings';
const RECONNECT_MS = 1000;
// One booting instance at a time replaces the function and triggers (as database/comment-counts.js).
const LOCK_KEY = 704_212;

/** Tables whose writes are notified, and their topic. */
const NOTIFIED_TABLES: Record<string, string> = {
  up_permissions: PERMISSIONS,
  up_permissions_role_lnk: PERMISSIONS,
  up_roles: PERMISSIONS,
  strapi_core_store_settings: STORE,
  moderation_settings: MODERATION_SETTINGS,
};
/** The same, by model, for this instance's own writes (Strapi's lifecycles, before the commit). */
const LOCAL_MODELS: Record<string, string> = {
  'plugin::users-permissions.permission': PERMISSIONS,
  'plugin::users-permissions.role': PERMISSIONS,
  'strapi::core-store': STORE,
  'plugin::moderation.moderation-setting': MODERATION_SETTINGS,
};

let cache: NotifiedCache | undefined;
let listener: Client | undefined;
let reconnect: NodeJS.Timeout | undefined;
let stopped = false;
let warnedSinceListening = false;
// Each start is a session; a listener of an earlier one (a restart in the same process) retires.
let session = 0;
const unsubscribes: (() => void)[] = [];

export const sharedCacheStats = () => cache?.stats() ?? { hits: 0, misses: 0 };

async function ensureTriggers(strapi: Core.Strapi) {
  await strapi.db.connection.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
    await trx.raw(`CREATE OR REPLACE FUNCTION khabar_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${CHANNEL}', TG_ARGV[0]); RETURN NULL; END $$`);
    for (const [table, topic] of Object.entries(NOTIFIED_TABLES)) {
      if (!(await trx.schema.hasTable(table))) continue;
      await trx.raw(
        `CREATE OR REPLACE TRIGGER khabar_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION khabar_cache_notify('${topic}')`,
      );
    }
  });
}

function connectionConfig(strapi: Core.Strapi): ClientConfig {
  const connection = strapi.config.get('database.connection.connection') as string | ClientConfig;
  if (typeof connection === 'string') return { connectionString: connection };
  // knex hides the password from enumeration (so it is not logged): a spread would drop it.
  return { ...connection, password: connection.password };
}

/** LISTENs on a connection of its own; while it is down, reads go to the database; retries. */
function listen(strapi: Core.Strapi, notified: NotifiedCache, mine = session) {
  const current = () => !stopped && mine === session;
  if (!current()) return;
  const client = new Client(connectionConfig(strapi));
  listener = client;
  let failed = false;
  const fail = (error?: unknown) => {
    if (failed) return;
    failed = true;
    notified.setListening(false);
    if (error && current()) {
      // Said once until it listens again: a listener that never connects must not go unnoticed.
      const message = `shared caches: listener lost (${error}), reading the database`;
      if (warnedSinceListening) strapi.log.debug(message);
      else strapi.log.warn(message);
      warnedSinceListening = true;
    }
    client.end().catch(() => undefined);
    if (current()) {
      reconnect = setTimeout(() => listen(strapi, notified, mine), RECONNECT_MS);
      reconnect.unref();
    }
  };
  client.on('error', fail);
  client.on('end', () => fail());
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    notified.notified(message.payload);
    // What the public may read changed, perhaps in plain SQL where no lifecycle saw it: the
    // cached public answers go too (src/lib/public-cache; every instance hears it, one bump is enough).
    if (message.payload === PERMISSIONS) invalidateEverything(strapi);
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      if (!failed && current()) {
        notified.setListening(true);
        warnedSinceListening = false;
      } else client.end().catch(() => undefined);
    })
    .catch(fail);
}

export async function startSharedCaches(strapi: Core.Strapi): Promise<void> {
  stopped = false;
  session += 1;
  await ensureTriggers(strapi);
  const notified = createNotifiedCache();
  cache = notified;

  const writes = ['Create', 'CreateMany', 'Update', 'UpdateMany', 'Delete', 'DeleteMany'];
  for (const [uid, topic] of Object.entries(LOCAL_MODELS)) {
    const mark = () => notified.writing(topic);
    const hooks = Object.fromEntries(
      writes.flatMap((write) => [`before${write}`, `after${write}`]).map((name) => [name, mark]),
    );
    unsubscribes.push(strapi.db.lifecycles.subscribe({ models: [uid], ...hooks }));
  }

  const permissions = strapi.plugin('users-permissions')?.service('permission') as
    | { findPublicPermissions: () => Promise<unknown[]> }
    | undefined;
  if (permissions) {
    permissions.findPublicPermissions = notified.cached(
      PERMISSIONS,
      permissions.findPublicPermissions.bind(permissions),
    );
  }
  const locales = strapi.plugin('i18n')?.service('locales') as { getDefaultLocale: () => Promise<string> } | undefined;
  if (locales) {
    locales.getDefaultLocale = notified.cached(STORE, locales.getDefaultLocale.bind(locales));
  }
  const settings = strapi.plugin('moderation')?.service('settings') as
    | { get: () => Promise<Record<string, unknown>>; getForPublicReads: () => Promise<Record<string, unknown>> }
    | undefined;
  if (settings) {
    // One object shared by every caller from now on: frozen, so no caller can change it for the others.
    const read = settings.get.bind(settings);
    settings.getForPublicReads = notified.cached(MODERATION_SETTINGS, async () => deepFreeze(await read()));
  }
  listen(strapi, notified);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export async function stopSharedCaches(): Promise<void> {
  stopped = true;
  clearTimeout(reconnect);
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  cache?.setListening(false);
  const client = listener;
  listener = undefined;
  await client?.end().catch(() => undefined);
}
