import type { Core } from '@strapi/strapi';
import { MODERATION_PERMISSIONS } from '../plugins/moderation/server/src/permissions';
import { EVENT_UID, SETTING_UID } from '../plugins/moderation/server/src/uids';

export const MODERATOR_ROLE_CODE = 'khabar-moderator';

const COMMENT = 'api::comment.comment';
const CM = 'plugin::content-manager.explorer';

/** The comment fields a moderator may change in the content manager: a transition's input. */
export const MODERATOR_COMMENT_UPDATE_FIELDS = ['moderationStatus', 'rejectionReason', 'moderationNote'];

/** What the Moderator role may read in the content manager, every field of each. */
export const MODERATOR_READABLE_TYPES = [
  COMMENT,
  'api::article.article',
  'api::source.source',
  EVENT_UID,
  SETTING_UID,
] as const;

/**
 * The admin role that works the comment queue: it reads comments and articles, changes a
 * comment's moderation fields, reads the audit trail, and cannot create, edit or publish
 * articles. Its permissions are set anew on every boot, so the role always means this.
 *
 * Field lists are spelled out as the role editor writes them: a content-manager permission
 * without `properties.fields` reads in the admin panel as "no field allowed", and the role
 * editor writes back what it read.
 */
export async function ensureModeratorRole(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  let role = await strapi.db.query('admin::role').findOne({ where: { code: MODERATOR_ROLE_CODE } });
  if (!role) {
    role = await roles.create({
      name: 'Moderator',
      code: MODERATOR_ROLE_CODE,
      description: 'Reviews readers’ comments: approves, rejects and reopens them.',
    });
  }
  await roles.assignPermissions(role.id, await moderatorPermissions(strapi));
}

/** The Moderator role's permissions, with the field and locale lists the admin panel expects. */
export async function moderatorPermissions(strapi: Core.Strapi) {
  const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map(
    (locale: { code: string }) => locale.code,
  );
  const contentTypes = strapi.service('admin::content-type');
  // Strapi's own list of the fields a role may be granted (the role editor's "select all").
  const allFields = (uid: string): string[] =>
    contentTypes.getNestedFields(strapi.contentType(uid as never), { components: strapi.components });
  const isLocalized = (uid: string) =>
    (strapi.contentType(uid as never) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n
      ?.localized === true;
  const properties = (uid: string, fields: string[]) => (isLocalized(uid) ? { fields, locales } : { fields });

  const reads = MODERATOR_READABLE_TYPES.map((uid) => ({
    action: `${CM}.read`,
    subject: uid,
    properties: properties(uid, allFields(uid)),
    conditions: [],
  }));
  return [
    ...reads,
    {
      action: `${CM}.update`,
      subject: COMMENT,
      properties: { fields: MODERATOR_COMMENT_UPDATE_FIELDS },
      conditions: [],
    },
    {
      action: `${CM}.update`,
      subject: SETTING_UID,
      properties: properties(SETTING_UID, allFields(SETTING_UID)),
      conditions: [],
    },
    ...Object.values(MODERATION_PERMISSIONS).map((action) => ({
      action,
      subject: null,
      properties: {},
      conditions: [],
    })),
  ];
}
