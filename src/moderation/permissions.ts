import type { Core } from '@strapi/strapi';

/** Admin RBAC actions of the moderation API (shown in the admin role editor under Settings). */
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

/** Super Admins and roles holding the moderate action may change moderation fields. */
export async function canModerate(strapi: Core.Strapi, adminUserId: number): Promise<boolean> {
  const user = await strapi.db.query('admin::user').findOne({
    where: { id: adminUserId },
    populate: { roles: { select: ['id', 'code'] } },
  });
  const roles: { id: number; code: string }[] = user?.roles ?? [];
  if (roles.some((role) => role.code === SUPER_ADMIN_CODE)) return true;
  if (roles.length === 0) return false;
  const granted = await strapi.db.query('admin::permission').count({
    where: { action: MODERATION_PERMISSIONS.moderate, role: { id: { $in: roles.map((role) => role.id) } } },
  });
  return granted > 0;
}
