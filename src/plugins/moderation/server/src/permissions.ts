import type { Core } from '@strapi/strapi';

/**
 * Admin RBAC actions of the moderation API (shown in the admin role editor under Settings).
 * Registered without a plugin name, so their ids stay `api::moderation.*` as before the move into
 * the plugin: roles holding them keep them, with no migration.
 */
export const MODERATION_PERMISSIONS = {
  read: 'api::moderation.read',
  moderate: 'api::moderation.moderate',
  settings: 'api::moderation.settings',
} as const;

export const MODERATION_ACTIONS_FOR_RBAC = [
  { uid: 'moderation.read', displayName: 'Read the comment queue' },
  { uid: 'moderation.moderate', displayName: 'Approve, reject and reopen comments' },
  { uid: 'moderation.settings', displayName: 'Edit screening settings' },
].map((action) => ({
  ...action,
  section: 'settings' as const,
  category: 'Comment moderation',
  subCategory: 'comments',
}));

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Whether the admin user is a Super Admin or has a role holding the given moderation action. */
export async function hasModerationPermission(
  strapi: Core.Strapi,
  adminUserId: number,
  action: (typeof MODERATION_PERMISSIONS)[keyof typeof MODERATION_PERMISSIONS],
): Promise<boolean> {
  const user = await strapi.db.query('admin::user').findOne({
    where: { id: adminUserId },
    populate: { roles: { select: ['id', 'code'] } },
  });
  const roles: { id: number; code: string }[] = user?.roles ?? [];
  if (roles.some((role) => role.code === SUPER_ADMIN_CODE)) return true;
  if (roles.length === 0) return false;
  const granted = await strapi.db.query('admin::permission').count({
    where: { action, role: { id: { $in: roles.map((role) => role.id) } } },
  });
  return granted > 0;
}

/** Super Admins and roles holding the moderate action may change comments. */
export const canModerate = (strapi: Core.Strapi, adminUserId: number) =>
  hasModerationPermission(strapi, adminUserId, MODERATION_PERMISSIONS.moderate);
