export const PLUGIN_ID = 'moderation';

/** The admin RBAC actions the desk needs (ids kept from before the plugin: see server/src/permissions.ts). */
export const PERMISSIONS = {
  read: 'api::moderation.read',
  moderate: 'api::moderation.moderate',
} as const;

/** Where the desk lives in the admin panel; `?article=<documentId>` opens one article's comments. */
export const DESK_PATH = `plugins/${PLUGIN_ID}`;
