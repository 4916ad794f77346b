import type { Core } from '@strapi/strapi';
import { MODERATION_PERMISSIONS } from './permissions';

const CONTROLLER = 'api::comment.moderation';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/**
 * The moderation admin API at /moderation/* (admin JWT). Admin routes, not content API
 * routes: the permission checks are the admin RBAC actions in ./permissions.ts, enforced
 * here on the server, not only by hiding buttons.
 */
export function registerModerationAdminRoutes(strapi: Core.Strapi): void {
  const read = guarded(MODERATION_PERMISSIONS.read);
  const moderate = guarded(MODERATION_PERMISSIONS.moderate);
  const settings = guarded(MODERATION_PERMISSIONS.settings);
  const routes = [
    { method: 'GET', path: '/comments', handler: `${CONTROLLER}.list`, config: read },
    { method: 'POST', path: '/comments/bulk', handler: `${CONTROLLER}.bulk`, config: moderate },
    { method: 'GET', path: '/comments/:documentId', handler: `${CONTROLLER}.findOne`, config: read },
    { method: 'POST', path: '/comments/:documentId/approve', handler: `${CONTROLLER}.approve`, config: moderate },
    { method: 'POST', path: '/comments/:documentId/reject', handler: `${CONTROLLER}.reject`, config: moderate },
    { method: 'POST', path: '/comments/:documentId/reopen', handler: `${CONTROLLER}.reopen`, config: moderate },
    { method: 'GET', path: '/stats', handler: `${CONTROLLER}.stats`, config: read },
    { method: 'GET', path: '/settings', handler: `${CONTROLLER}.getSettings`, config: settings },
    { method: 'PUT', path: '/settings', handler: `${CONTROLLER}.updateSettings`, config: settings },
    { method: 'POST', path: '/screen', handler: `${CONTROLLER}.screen`, config: settings },
  ];
  (strapi.admin.routes as Record<string, unknown>).moderation = { type: 'admin', prefix: '/moderation', routes };
}
