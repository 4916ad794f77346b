/** The plugin's id in the admin panel: its routes live under /admin/plugins/moderation. */
export const PLUGIN_ID = 'moderation';

/** Where the desk lives in the admin panel (the menu link); `?article=<documentId>` opens one article's comments. */
export const DESK_PATH = `plugins/${PLUGIN_ID}`;

/**
 * The RBAC actions the admin side checks, as Strapi's permission lists (ids kept from before the
 * plugin: see server/src/permissions.ts). The server checks them again on every route.
 */
export const PERMISSIONS = {
  read: [{ action: 'api::moderation.read', subject: null }],
  moderate: [{ action: 'api::moderation.moderate', subject: null }],
  settings: [{ action: 'api::moderation.settings', subject: null }],
};

/**
 * The desk's queue page, filtered to one article's comments in one status (the URL both halves
 * of the desk agreed on): /admin/plugins/moderation?article=<documentId>&tab=pending.
 * Relative to the admin's base path, as react-router links are.
 */
export function deskPath(filters: { article?: string; status?: string } = {}): string {
  const query = new URLSearchParams();
  if (filters.article) query.set('article', filters.article);
  if (filters.status) query.set('tab', filters.status);
  const search = query.toString();
  return `/plugins/${PLUGIN_ID}${search ? `?${search}` : ''}`;
}

/** The settings page, under Settings → Comment moderation. */
export const SETTINGS_PATH = `/settings/${PLUGIN_ID}`;
