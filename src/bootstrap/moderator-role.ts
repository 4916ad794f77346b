import type { Core } from '@strapi/strapi';
import { MODERATION_PERMISSIONS } from '../plugins/moderation/server/src/permissions';

export const MODERATOR_ROLE_CODE = 'khabar-moderator';

const COMMENT = 'api::comment.comment';
const CM = 'plugin::content-manager.explorer';
/**
 * The admin role that works the comment queue: it reads comments and articles, changes a
 * comment's moderation fields, reads the audit trail, and cannot create, edit or publish
 * articles. Its permissions are set anew on every boot, so the role always means this.
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
  // Localized types need the locales in the permission, or the content manager refuses them.
  const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map(
    (locale: { code: string }) => locale.code,
  );
  const permissions = [
    { action: `${CM}.read`, subject: COMMENT, properties: {}, conditions: [] },
    {
      action: `${CM}.update`,
      subject: COMMENT,
      properties: { fields: ['moderationStatus', 'rejectionReason', 'moderationNote'] },
      conditions: [],
    },
    { action: `${CM}.read`, subject: 'api::article.article', properties: { locales }, conditions: [] },
    { action: `${CM}.read`, subject: 'api::source.source', properties: { locales }, conditions: [] },
    { action: `${CM}.read`, subject: 'plugin::moderation.moderation-event', properties: {}, conditions: [] },
    { action: `${CM}.read`, subject: 'plugin::moderation.moderation-setting', properties: {}, conditions: [] },
    { action: `${CM}.update`, subject: 'plugin::moderation.moderation-setting', properties: {}, conditions: [] },
    ...Object.values(MODERATION_PERMISSIONS).map((action) => ({
      action,
      subject: null,
      properties: {},
      conditions: [],
    })),
  ];
  await roles.assignPermissions(role.id, permissions);
}
