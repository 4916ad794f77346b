import { startStrapi, type TestApp } from '../helpers/strapi';

const OLD_EVENT_UID = 'api::moderation-event.moderation-event';
const OLD_SETTING_UID = 'api::moderation-setting.moderation-setting';
const EVENT_UID = 'plugin::moderation.moderation-event';
const SETTING_UID = 'plugin::moderation.moderation-setting';
const VIEW_KEY = 'plugin_content_manager_configuration_content_types::';
const MIGRATION = '2026.11.30T00.00.00.moderation-plugin-uids.js';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  await app?.stop();
});

describe('the moderation plugin', () => {
  it('is loaded from the project build, with its content types on the tables they always had', () => {
    const plugin = app.strapi.plugin('moderation');
    expect(plugin).toBeDefined();
    expect(app.strapi.contentType(EVENT_UID).collectionName).toBe('moderation_events');
    expect(app.strapi.contentType(SETTING_UID).collectionName).toBe('moderation_settings');
    expect(Object.keys(app.strapi.contentTypes)).not.toEqual(expect.arrayContaining([OLD_EVENT_UID]));
    for (const name of ['transitions', 'queue', 'stats', 'submission', 'screening', 'settings']) {
      expect([name, typeof plugin.service(name)]).toEqual([name, 'object']);
    }
  });

  it('declares the admin API as its own admin routes, no longer patched into the admin', () => {
    expect((app.strapi.admin.routes as Record<string, unknown>).moderation).toBeUndefined();
    const router = (app.strapi.plugin('moderation').routes as Record<string, { type: string; routes: unknown[] }>)
      .admin;
    expect(router.type).toBe('admin');
    // 10 before, + POST /comments/:documentId/reports/dismiss (issue #14), GET /stats/daily,
    // GET /articles/:documentId/counts and GET /events (issue #9).
    expect(router.routes).toHaveLength(14);
  });
});

describe('a database from before the plugin', () => {
  it('keeps role permissions and content-manager views of the moved types across a restart', async () => {
    const { strapi } = app;
    const role = await strapi.db
      .query('admin::role')
      .create({ data: { name: `Auditor ${Date.now()}`, code: `auditor-${Date.now()}`, description: 'reads' } });
    // As the types were stored before the move: permissions and views under the old uids.
    await strapi.db.query('admin::permission').create({
      data: {
        action: 'plugin::content-manager.explorer.read',
        subject: OLD_EVENT_UID,
        properties: { fields: ['commentDocumentId', 'toStatus'] },
        conditions: [],
        role: role.id,
      },
    });
    const store = strapi.db.query('strapi::core-store');
    for (const [oldUid, uid] of [
      [OLD_EVENT_UID, EVENT_UID],
      [OLD_SETTING_UID, SETTING_UID],
    ]) {
      const view = await store.findOne({ where: { key: VIEW_KEY + uid } });
      const value = JSON.parse(view.value);
      await store.delete({ where: { id: view.id } });
      await store.create({
        data: {
          ...view,
          id: undefined,
          key: VIEW_KEY + oldUid,
          value: JSON.stringify({ ...value, uid: oldUid, settings: { ...value.settings, pageSize: 37 } }),
        },
      });
    }
    await strapi.db.connection('strapi_migrations').where({ name: MIGRATION }).del();

    await app.restart();

    const permissions = await app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { id: role.id } }, select: ['action', 'subject', 'properties'] });
    expect(permissions).toEqual([
      expect.objectContaining({
        action: 'plugin::content-manager.explorer.read',
        subject: EVENT_UID,
        properties: { fields: ['commentDocumentId', 'toStatus'] },
      }),
    ]);
    const contentTypes = app.strapi.plugin('content-manager').service('content-types');
    for (const uid of [EVENT_UID, SETTING_UID]) {
      const configuration = await contentTypes.findConfiguration(app.strapi.contentType(uid as never));
      expect([uid, configuration.settings.pageSize]).toEqual([uid, 37]);
    }
    const leftovers = await app.strapi.db.query('strapi::core-store').count({
      where: { key: { $in: [VIEW_KEY + OLD_EVENT_UID, VIEW_KEY + OLD_SETTING_UID] } },
    });
    expect(leftovers).toBe(0);
    expect(
      await app.strapi.db.query('admin::permission').count({ where: { subject: { $startsWith: 'api::moderation-' } } }),
    ).toBe(0);
  });
});
