/**
 * The moderation event and settings types moved from src/api into the moderation plugin, so
 * their uids changed (api::moderation-event.moderation-event → plugin::moderation.moderation-event,
 * the same for the settings). Their tables keep their names (`collectionName`), so no row moves;
 * what refers to the types by uid is renamed here, before Strapi's bootstrap would drop it as
 * unknown: admin role permissions (a custom role's read of the audit trail) and the content
 * manager's view of each type. Runs once per database, before the schema sync; a new database
 * has none of these tables yet and nothing to rename.
 */
const RENAMED_UIDS = [
  ['api::moderation-event.moderation-event', 'plugin::moderation.moderation-event'],
  ['api::moderation-setting.moderation-setting', 'plugin::moderation.moderation-setting'],
];
const VIEW_KEY = 'plugin_content_manager_configuration_content_types::';

async function renameUids(trx, db) {
  const schema = db.getSchemaName();
  const table = (name) => (schema ? trx(name).withSchema(schema) : trx(name));
  const hasTable = (name) => db.getSchemaConnection(trx).hasTable(name);

  if (await hasTable('admin_permissions')) {
    for (const [from, to] of RENAMED_UIDS) {
      await table('admin_permissions').where({ subject: from }).update({ subject: to });
    }
  }

  if (await hasTable('strapi_core_store_settings')) {
    for (const [from, to] of RENAMED_UIDS) {
      const views = await table('strapi_core_store_settings').where({ key: VIEW_KEY + from });
      for (const view of views) {
        const taken = await table('strapi_core_store_settings')
          .where({ key: VIEW_KEY + to })
          .first();
        if (taken) {
          await table('strapi_core_store_settings').where({ id: view.id }).del();
          continue;
        }
        const value = JSON.parse(view.value);
        value.uid = to;
        await table('strapi_core_store_settings')
          .where({ id: view.id })
          .update({ key: VIEW_KEY + to, value: JSON.stringify(value) });
      }
    }
  }
}

module.exports = {
  up: renameUids,
  RENAMED_UIDS,
};
