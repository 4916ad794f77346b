import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureAdminLayouts } from './bootstrap/admin-layouts';
import { ensureCommentCounts, stopCommentCountsCompaction } from './bootstrap/comment-counts';
import {
  grantEditorialLocales,
  repairEditorialPermissions,
  revokeEditorialModerationRights,
} from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { ensureModeratorRole } from './bootstrap/moderator-role';
import { registerPublicCacheInvalidation } from './bootstrap/public-cache';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { ensureReaderTables } from './bootstrap/reader-tables';
import { guardRelationPickers } from './bootstrap/relation-pickers';
import { startSharedCaches, stopSharedCaches } from './bootstrap/shared-caches';
import { adminRelationAccessMiddleware } from './document-middlewares/admin-relation-access';
import { articleCommentsCleanupMiddleware } from './document-middlewares/article-comments-cleanup';
import { articleFrequenciesMiddleware } from './document-middlewares/article-frequencies';
import { articleSlugMiddleware } from './document-middlewares/article-slug';
import { commentModerationMiddleware } from './document-middlewares/comment-moderation';
import { moderationAccessMiddleware } from './document-middlewares/moderation-access';
import { publicCacheInvalidationMiddleware } from './document-middlewares/public-cache-invalidation';
import { publicReadVisibilityMiddleware } from './document-middlewares/public-read-visibility';
import { relationWritesMiddleware } from './document-middlewares/relation-writes';
import { registerPublicGraphqlSchema } from './graphql/public-schema';
import {
  failedCommitsThrow,
  markRequestsHitByOutages,
  markShuttingDown,
  survivesDatabaseOutages,
} from './lib/database-outage-guard';
import { limitHeapGrowth } from './lib/heap-growth';
import { resetPublicCache } from './lib/public-cache';
import { readsWithoutTransaction } from './lib/reads-without-transaction';
import { closeRedis } from './lib/redis';
import { trackRequests } from './lib/request-tracker';
import { khabarApiOverride } from './openapi/khabar-api';

// The moderation domain (admin routes, RBAC actions, database guard, settings) is the local
// plugin in src/plugins/moderation, registered and bootstrapped by Strapi before this file.
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // A bounded heap under sustained reads (src/lib/heap-growth.ts; HEAP_GROWING_PERCENT).
    limitHeapGrowth();
    survivesDatabaseOutages(strapi);
    failedCommitsThrow(strapi);
    // The benchmark's probe of SQL queries per request (benchmarks/), off unless asked for.
    if (process.env.BENCH_COUNT_QUERIES === '1') {
      require(path.join(strapi.dirs.app.root, 'benchmarks', 'lib', 'query-counter.js')).install(strapi);
    }
    // Outermost, so its bumps follow every write the others make (src/lib/public-cache).
    strapi.documents.use(publicCacheInvalidationMiddleware(strapi));
    registerPublicCacheInvalidation(strapi);
    strapi.documents.use(publicReadVisibilityMiddleware(strapi));
    strapi.documents.use(adminRelationAccessMiddleware(strapi));
    strapi.documents.use(articleSlugMiddleware(strapi));
    strapi.documents.use(moderationAccessMiddleware(strapi));
    strapi.documents.use(relationWritesMiddleware(strapi));
    strapi.documents.use(commentModerationMiddleware(strapi));
    strapi.documents.use(articleCommentsCleanupMiddleware(strapi));
    strapi.documents.use(articleFrequenciesMiddleware(strapi));
    guardRelationPickers(strapi);
    registerPublicGraphqlSchema(strapi);
    // Our own routes in the OpenAPI document (when the documentation plugin is enabled).
    strapi.plugin('documentation')?.service('override').registerOverride(khabarApiOverride());
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    markRequestsHitByOutages(strapi);
    // Indexes, exact comment counts and their triggers, after the schema sync (database/comment-counts.js).
    await ensureCommentCounts(strapi);
    // Reactions, reports and the commenter-history key (database/reader-tables.js).
    await ensureReaderTables(strapi);
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureModeratorRole(strapi);
    await revokeEditorialModerationRights(strapi);
    await grantEditorialLocales(strapi);
    await repairEditorialPermissions(strapi);
    await ensureAdminLayouts(strapi);
    // The site's document frequencies, for the relevance of comments to their article.
    await strapi.service('api::article.term-frequencies').frequencies();
    // The public role's permissions and the default locale in memory, invalidated by PostgreSQL
    // notifications (src/bootstrap/shared-caches.ts); SHARED_CACHES=false reads them every time.
    if (process.env.SHARED_CACHES !== 'false') await startSharedCaches(strapi);
    // Last, so its document middleware is the innermost (src/lib/reads-without-transaction.ts).
    readsWithoutTransaction(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Graceful shutdown (SIGTERM): stop accepting, let the requests in flight finish while the
    // database is still open, then Strapi closes the rest. Strapi runs this after the plugins'
    // destroy, so the shared Redis connection (the plugin's rate limits) is closed here, after
    // the drain, and nowhere else.
    const { drained, waitedMs } = await trackRequests(strapi.server.httpServer).drain(
      Number(process.env.SHUTDOWN_TIMEOUT_MS) || 15000,
    );
    if (waitedMs > 50 || !drained)
      strapi.log.info(`requests drained in ${waitedMs} ms${drained ? '' : ' (timed out)'}`);
    stopCommentCountsCompaction();
    await stopSharedCaches();
    markShuttingDown();
    resetPublicCache();
    await closeRedis();
  },
};
