import type { Core, Modules } from '@strapi/strapi';
import { withModerationScope } from '../plugins/moderation/server/src/scope';

const ARTICLE_UID = 'api::article.article';
const COMMENT_UID = 'api::comment.comment';

/**
 * Comments belong to the article, not to one translation of it, but a relation row points at
 * one locale. When a locale is deleted:
 * - if no locale of the article is left, its comments are deleted, so no orphan waits in the
 *   moderation queue and no count goes wrong (the audit trail stays);
 * - otherwise the comments that pointed at the deleted locale are moved to a remaining one, so
 *   counts, the queue and the public list still find them.
 */
export function articleCommentsCleanupMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE_UID || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId: string };
    const before: { id: number; documentId: string }[] = await strapi.db.query(COMMENT_UID).findMany({
      where: { article: { documentId } },
      select: ['id', 'documentId'],
    });
    const result = await next();
    if (before.length === 0) return result;

    const remaining: { locale: string; publishedAt: string | null } | null = await strapi.db
      .query(ARTICLE_UID)
      .findOne({
        where: { documentId },
        select: ['locale', 'publishedAt'],
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
      });
    if (!remaining) {
      await withModerationScope('article-deleted', () =>
        strapi.db.query(COMMENT_UID).deleteMany({ where: { id: { $in: before.map((comment) => comment.id) } } }),
      );
      return result;
    }
    const stillLinked: { id: number }[] = await strapi.db.query(COMMENT_UID).findMany({
      where: { id: { $in: before.map((comment) => comment.id) }, article: { documentId } },
      select: ['id'],
    });
    const linked = new Set(stillLinked.map((comment) => comment.id));
    // System work: moving a reviewed comment to another locale of its article is no edit.
    await withModerationScope('article-locale-deleted', async () => {
      for (const comment of before.filter((candidate) => !linked.has(candidate.id))) {
        await strapi.documents(COMMENT_UID).update({
          documentId: comment.documentId,
          data: { article: { documentId, locale: remaining.locale } } as never,
        });
      }
    });
    return result;
  };
}
