import type { Core } from '@strapi/strapi';
import { MODERATION_EVENTS } from './api/comment/services/moderation';
import { ensureAdminLayouts } from './bootstrap/admin-layouts';
import {
  grantEditorialLocales,
  repairEditorialPermissions,
  revokeEditorialModerationRights,
} from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { ensureModeratorRole } from './bootstrap/moderator-role';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { articleCommentsCleanupMiddleware } from './document-middlewares/article-comments-cleanup';
import { articleFrequenciesMiddleware } from './document-middlewares/article-frequencies';
import { articleSlugMiddleware } from './document-middlewares/article-slug';
import { commentModerationMiddleware } from './document-middlewares/comment-moderation';
import { moderationAccessMiddleware } from './document-middlewares/moderation-access';
import { publicReadVisibilityMiddleware } from './document-middlewares/public-read-visibility';
import { markRequestsHitByOutages, markShuttingDown, survivesDatabaseOutages } from './lib/database-outage-guard';
import { closeRedis } from './lib/redis';
import { trackRequests } from './lib/request-tracker';
import { registerModerationAdminRoutes } from './moderation/admin-routes';
import { registerModerationDatabaseGuard } from './moderation/database-guard';
import { registerLocaleRemovalCleanup } from './moderation/locale-removal';
import { MODERATION_ACTIONS_FOR_RBAC } from './moderation/permissions';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    survivesDatabaseOutages(strapi);
    strapi.documents.use(publicReadVisibilityMiddleware(strapi));
    strapi.documents.use(articleSlugMiddleware(strapi));
    strapi.documents.use(moderationAccessMiddleware(strapi));
    strapi.documents.use(commentModerationMiddleware(strapi));
    strapi.documents.use(articleCommentsCleanupMiddleware(strapi));
    strapi.documents.use(articleFrequenciesMiddleware(strapi));
    registerModerationAdminRoutes(strapi);
    // In register, before the admin bootstrap grants Super Admins every known action.
    strapi.admin.services.permission.actionProvider.registerMany(MODERATION_ACTIONS_FOR_RBAC);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    markRequestsHitByOutages(strapi);
    registerModerationDatabaseGuard(strapi);
    registerLocaleRemovalCleanup(strapi);
    const webhooks = strapi.get('webhookStore');
    webhooks.addAllowedEvent('COMMENT_APPROVED', MODERATION_EVENTS.approved);
    webhooks.addAllowedEvent('COMMENT_REJECTED', MODERATION_EVENTS.rejected);
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureModeratorRole(strapi);
    await revokeEditorialModerationRights(strapi);
    await grantEditorialLocales(strapi);
    await repairEditorialPermissions(strapi);
    await ensureAdminLayouts(strapi);
    await strapi.service('api::moderation-setting.moderation-setting').ensure();
    // The site's document frequencies, for the relevance of comments to their article.
    await strapi.service('api::article.term-frequencies').frequencies();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Graceful shutdown (SIGTERM): stop accepting, let the requests in flight finish while the
    // database is still open, then Strapi closes the rest.
    const { drained, waitedMs } = await trackRequests(strapi.server.httpServer).drain(
      Number(process.env.SHUTDOWN_TIMEOUT_MS) || 15000,
    );
    if (waitedMs > 50 || !drained)
      strapi.log.info(`requests drained in ${waitedMs} ms${drained ? '' : ' (timed out)'}`);
    markShuttingDown();
    await closeRedis();
  },
};
