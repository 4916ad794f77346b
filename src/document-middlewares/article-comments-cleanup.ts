import type { Core, Modules } from '@strapi/strapi';
import { withModerationScope } from '../moderation/scope';

const ARTICLE_UID = 'api::article.article';
const COMMENT_UID = 'api::comment.comment';

/**
 * Deleting an article deletes its comments once no locale of it is left, so no orphan waits
 * in the moderation queue and no count goes wrong. Deleting one locale keeps them: comments
 * belong to the article, not to a translation. The audit trail stays.
 */
export function articleCommentsCleanupMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE_UID || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId: string };
    const comments: { id: number }[] = await strapi.db.query(COMMENT_UID).findMany({
      where: { article: { documentId } },
      select: ['id'],
    });
    const result = await next();
    const remaining = await strapi.db.query(ARTICLE_UID).count({ where: { documentId } });
    if (remaining === 0 && comments.length > 0) {
      await withModerationScope('article-deleted', () =>
        strapi.db.query(COMMENT_UID).deleteMany({ where: { id: { $in: comments.map((comment) => comment.id) } } }),
      );
    }
    return result;
  };
}
