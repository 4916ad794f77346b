import type { Core } from '@strapi/strapi';

/**
 * What an anonymous reader may do through the content API. Anything not listed here is
 * revoked on boot, so a permission ticked by mistake in the admin panel does not survive
 * a restart.
 */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::source.source.find',
  'api::source.source.findOne',
  'api::comment.comment.create',
  'api::comment.comment.find',
  'api::comment.comment.findOne',
  'api::comment.comment.react',
  'api::comment.comment.report',
  'plugin::i18n.locales.listLocales',
] as const;

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

export async function ensurePublicPermissions(
  strapi: Core.Strapi,
  actions: readonly string[] = PUBLIC_ACTIONS,
): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) return;
  const granted: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const grantedActions = new Set(granted.map((permission) => permission.action));
  for (const action of actions) {
    if (!grantedActions.has(action)) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
  const extra = granted.filter((permission) => !actions.includes(permission.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  }
}
