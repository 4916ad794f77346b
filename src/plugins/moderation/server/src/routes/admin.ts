import { MODERATION_PERMISSIONS } from '../permissions';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

const read = guarded(MODERATION_PERMISSIONS.read);
const moderate = guarded(MODERATION_PERMISSIONS.moderate);
const settings = guarded(MODERATION_PERMISSIONS.settings);

/**
 * The moderation admin API at /moderation/* (admin JWT): the plugin's `admin` routes, which Strapi
 * mounts under the plugin's name. The permission checks are the admin RBAC actions in
 * ../permissions.ts, enforced here on the server, not only by hiding buttons.
 */
export default {
  type: 'admin',
  prefix: '/moderation',
  routes: [
    { method: 'GET', path: '/comments', handler: 'moderation.list', config: read },
    { method: 'POST', path: '/comments/bulk', handler: 'moderation.bulk', config: moderate },
    { method: 'GET', path: '/comments/:documentId', handler: 'moderation.findOne', config: read },
    { method: 'POST', path: '/comments/:documentId/approve', handler: 'moderation.approve', config: moderate },
    { method: 'POST', path: '/comments/:documentId/reject', handler: 'moderation.reject', config: moderate },
    { method: 'POST', path: '/comments/:documentId/reopen', handler: 'moderation.reopen', config: moderate },
    {
      method: 'POST',
      path: '/comments/:documentId/reports/dismiss',
      handler: 'moderation.dismissReports',
      config: moderate,
    },
    { method: 'GET', path: '/events', handler: 'moderation.events', config: read },
    { method: 'GET', path: '/stats', handler: 'moderation.stats', config: read },
    { method: 'GET', path: '/stats/daily', handler: 'moderation.dailyStats', config: read },
    { method: 'GET', path: '/articles/:documentId/counts', handler: 'moderation.articleCounts', config: read },
    { method: 'GET', path: '/settings', handler: 'moderation.getSettings', config: settings },
    { method: 'PUT', path: '/settings', handler: 'moderation.updateSettings', config: settings },
    { method: 'POST', path: '/screen', handler: 'moderation.screen', config: settings },
  ],
};
