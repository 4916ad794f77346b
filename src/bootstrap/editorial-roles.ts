import type { Core } from '@strapi/strapi';

/** Strapi's default newsroom roles, which it grants every content type when it creates them. */
const EDITORIAL_ROLE_CODES = ['strapi-editor', 'strapi-author'];

/** Content types that hold readers' data and moderation internals. */
const MODERATION_SUBJECTS = [
  'api::comment.comment',
  'plugin::moderation.moderation-event',
  'plugin::moderation.moderation-setting',
];

/** The localized types editors write. */
const LOCALIZED_SUBJECTS = ['api::article.article', 'api::source.source'];

type Permission = { id: number; properties: Record<string, unknown> | null };

/**
 * Takes the moderation content types away from Strapi's default Editor and Author roles:
 * they write articles, not review readers (whose emails and address hashes they need not
 * see). Writes are refused to non-moderators anyway (moderation-access middleware); this keeps
 * the admin panel from offering them. Roles a newsroom made itself are left as configured.
 */
export async function revokeEditorialModerationRights(strapi: Core.Strapi): Promise<void> {
  const granted: { id: number }[] = await strapi.db.query('admin::permission').findMany({
    where: { subject: { $in: MODERATION_SUBJECTS }, role: { code: { $in: EDITORIAL_ROLE_CODES } } },
    select: ['id'],
  });
  if (granted.length === 0) return;
  await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: granted.map((row) => row.id) } } });
}

/**
 * Strapi creates the Editor and Author permissions before our locales exist, without a
 * `locales` property, and the content manager then refuses them every Persian and English
 * article. A permission with no `locales` at all gets every locale; one a newsroom narrowed to
 * some locales is left as it is.
 */
export async function grantEditorialLocales(strapi: Core.Strapi): Promise<void> {
  const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map(
    (locale: { code: string }) => locale.code,
  );
  const permissions: Permission[] = await strapi.db.query('admin::permission').findMany({
    where: {
      subject: { $in: LOCALIZED_SUBJECTS },
      action: { $startsWith: 'plugin::content-manager.explorer.' },
      role: { code: { $in: EDITORIAL_ROLE_CODES } },
    },
    select: ['id', 'properties'],
  });
  for (const permission of permissions) {
    if (permission.properties && 'locales' in permission.properties) continue;
    await strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: { properties: { ...(permission.properties ?? {}), locales } },
    });
  }
}

const CM = 'plugin::content-manager.explorer';
const REPAIR_KEY = 'editorial-permissions-v1';

/**
 * Strapi gives a new Editor role create, read, update, delete and publish on every type, and
 * an Author the same on their own entries without publish; but on a fresh database its
 * permission clean-up drops delete and publish again (they were made before any locale
 * existed), leaving editors unable to publish an article. This puts the missing ones back,
 * once per database, so a newsroom's later changes to these roles are kept.
 */
export async function repairEditorialPermissions(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'khabar' });
  if (await store.get({ key: REPAIR_KEY })) return;
  const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map(
    (locale: { code: string }) => locale.code,
  );
  const wanted = [
    { code: 'strapi-editor', actions: ['delete', 'publish'], conditions: [] as string[] },
    { code: 'strapi-author', actions: ['delete'], conditions: ['admin::is-creator'] },
  ];
  for (const { code, actions, conditions } of wanted) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code }, select: ['id'] });
    if (!role) continue;
    const held: { action: string; subject: string }[] = await strapi.db.query('admin::permission').findMany({
      where: { role: { id: role.id }, subject: { $in: LOCALIZED_SUBJECTS } },
      select: ['action', 'subject'],
    });
    const missing = LOCALIZED_SUBJECTS.flatMap((subject) => {
      const model = strapi.getModel(subject as never) as { options?: { draftAndPublish?: boolean } } | undefined;
      const draftAndPublish = model?.options?.draftAndPublish === true;
      return actions
        .filter((action) => action !== 'publish' || draftAndPublish)
        .map((action) => ({ action: `${CM}.${action}`, subject }))
        .filter((wantedOne) => !held.some((one) => one.action === wantedOne.action && one.subject === subject));
    });
    if (missing.length === 0) continue;
    await strapi.service('admin::role').addPermissions(
      role.id,
      missing.map((permission) => ({ ...permission, properties: { locales }, conditions })),
    );
  }
  await store.set({ key: REPAIR_KEY, value: true });
}
