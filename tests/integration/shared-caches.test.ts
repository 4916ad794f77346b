import type { Client } from 'pg';
import { connectToAppDatabase, startStrapi, type TestApp } from '../helpers/strapi';

const ACTION = 'api::source.source.find';
const PERMISSION_UID = 'plugin::users-permissions.permission';

let app: TestApp;
/** Another client of the database, as another instance or psql would be. */
let other: Client;

beforeAll(async () => {
  app = await startStrapi();
  other = await connectToAppDatabase(app);
});

afterAll(async () => {
  await other?.end();
  await app?.stop();
});

/** A page number not asked before, so the request is computed, not served from the cache. */
let page = 0;
const sources = async () => (await app.http().get('/api/sources')).status;

/** Asks until `check` holds: a change made elsewhere is notified once its transaction commits. */
async function eventually(check: () => Promise<boolean>, tries = 100) {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

const publicRoleId = async () =>
  (await other.query(`SELECT id FROM up_roles WHERE type = 'public'`)).rows[0].id as number;

describe("the public role's permissions, kept in memory", () => {
  it('are read from memory once the server listens for changes', async () => {
    expect(await eventually(async () => (await sources()) === 200)).toBe(true);
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    app.strapi.db.connection.on('query', record);
    try {
      expect(
        await eventually(async () => {
          statements.length = 0;
          // Three distinct queries: the cache of public answers must not answer them.
          for (let i = 0; i < 3; i += 1) {
            page += 1;
            expect((await app.http().get(`/api/sources?pagination[page]=${page}`)).status).toBe(200);
          }
          return statements.length > 0 && !statements.some((sql) => sql.includes('up_permissions'));
        }),
      ).toBe(true);
    } finally {
      app.strapi.db.connection.off('query', record);
    }
  });

  it("follow another instance's change made in plain SQL", async () => {
    const { rows } = await other.query(
      `DELETE FROM up_permissions_role_lnk l USING up_permissions p
        WHERE l.permission_id = p.id AND p.action = $1 AND l.role_id = $2 RETURNING l.permission_id`,
      [ACTION, await publicRoleId()],
    );
    expect(rows).toHaveLength(1);
    expect(await eventually(async () => (await sources()) === 403)).toBe(true);
    await other.query('INSERT INTO up_permissions_role_lnk (permission_id, role_id) VALUES ($1, $2)', [
      rows[0].permission_id,
      await publicRoleId(),
    ]);
    expect(await eventually(async () => (await sources()) === 200)).toBe(true);
  });

  it("follow this instance's own change on the very next request", async () => {
    const permission = await app.strapi.db.query(PERMISSION_UID).findOne({ where: { action: ACTION } });
    expect(await sources()).toBe(200);
    await app.strapi.db.query(PERMISSION_UID).delete({ where: { id: permission.id } });
    expect(await sources()).toBe(403);
    await app.strapi.db.query(PERMISSION_UID).create({ data: { action: ACTION, role: await publicRoleId() } });
    expect(await sources()).toBe(200);
  });
});

describe('the default locale, kept in memory', () => {
  it("follows a change of the core store's row, whoever makes it", async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('fa');
    const key = 'plugin_i18n_default_locale';
    await other.query('UPDATE strapi_core_store_settings SET value = $1 WHERE key = $2', [JSON.stringify('en'), key]);
    expect(await eventually(async () => (await locales.getDefaultLocale()) === 'en')).toBe(true);
    await other.query('UPDATE strapi_core_store_settings SET value = $1 WHERE key = $2', [JSON.stringify('fa'), key]);
    expect(await eventually(async () => (await locales.getDefaultLocale()) === 'fa')).toBe(true);
  });
});

describe('the moderation settings of public reads, kept in memory', () => {
  const settings = () => app.strapi.plugin('moderation').service('settings');

  it('are read from memory while nothing changes them', async () => {
    await settings().getForPublicReads();
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    app.strapi.db.connection.on('query', record);
    try {
      expect(
        await eventually(async () => {
          statements.length = 0;
          await settings().getForPublicReads();
          await settings().getForPublicReads();
          return !statements.some((sql) => sql.includes('moderation_settings'));
        }),
      ).toBe(true);
    } finally {
      app.strapi.db.connection.off('query', record);
    }
  });

  it('are one frozen object: no caller can change them for the others', async () => {
    const kept = await settings().getForPublicReads();
    expect(() => {
      kept.closeCommentsAfterDays = 99;
    }).toThrow(TypeError);
    expect(() => kept.blocklist.push('واژه')).toThrow(TypeError);
    expect((await settings().getForPublicReads()).closeCommentsAfterDays).not.toBe(99);
  });

  it("follow another instance's change made in plain SQL", async () => {
    await other.query('UPDATE moderation_settings SET close_comments_after_days = 7');
    expect(await eventually(async () => (await settings().getForPublicReads()).closeCommentsAfterDays === 7)).toBe(
      true,
    );
    await other.query('UPDATE moderation_settings SET close_comments_after_days = NULL');
    expect(await eventually(async () => (await settings().getForPublicReads()).closeCommentsAfterDays === null)).toBe(
      true,
    );
  });

  it("follow this instance's own change on the very next read, and submissions read them fresh", async () => {
    const before = (await settings().getForPublicReads()).maxLinks;
    const result = await settings().update({ maxLinks: before + 1 });
    expect(result.ok).toBe(true);
    await other.query('UPDATE moderation_settings SET max_links = $1', [before + 2]);
    expect((await settings().get()).maxLinks).toBe(before + 2);
    await settings().update({ maxLinks: before + 1 });
    expect((await settings().getForPublicReads()).maxLinks).toBe(before + 1);
    await settings().update({ maxLinks: before });
    expect((await settings().getForPublicReads()).maxLinks).toBe(before);
  });
});
