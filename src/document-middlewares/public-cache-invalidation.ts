import type { Core, Modules } from '@strapi/strapi';
import { invalidateArticle, invalidateComment, invalidateSource, withOwnedInvalidation } from '../lib/public-cache';

const ARTICLE_UID = 'api::article.article';
const SOURCE_UID = 'api::source.source';
const COMMENT_UID = 'api::comment.comment';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

type Params = { documentId?: string };

function documentIdOfResult(result: unknown): string | null {
  const value = result as { documentId?: unknown; entries?: { documentId?: unknown }[] } | null;
  if (typeof value?.documentId === 'string') return value.documentId;
  const first = value?.entries?.[0]?.documentId;
  return typeof first === 'string' ? first : null;
}

/**
 * Invalidates the public cache (src/lib/public-cache) for every Document Service write to
 * articles, sources and comments: REST, the admin panel, the submission service and code.
 * Each bump runs once the write is committed. Writes below the Document Service are
 * invalidated where they are made (moderation transitions, locale removal).
 *
 * - an article (create, edit, publish, unpublish, discard, delete, clone): that article and the
 *   article lists; its comments and counts hang on it, so its comment pages too;
 * - a source (a rename above all): that source, source lists and article lists (they show,
 *   filter and sort by it);
 * - a comment (submitted, edited, moved, deleted): the article it was on and the one it is on.
 */
export function publicCacheInvalidationMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const articleOfComment = async (where: Record<string, unknown>): Promise<string | null> => {
    const row: { article?: { documentId?: string } | null } | null = await strapi.db.query(COMMENT_UID).findOne({
      where,
      select: ['id'],
      populate: { article: { select: ['documentId'] } },
    });
    return row?.article?.documentId ?? null;
  };

  return async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const params = context.params as Params;
    if (context.uid === ARTICLE_UID) {
      const result = await withOwnedInvalidation(() => Promise.resolve(next()));
      const documentId = params.documentId ?? documentIdOfResult(result);
      if (documentId) invalidateArticle(strapi, documentId);
      return result;
    }
    if (context.uid === SOURCE_UID) {
      const result = await withOwnedInvalidation(() => Promise.resolve(next()));
      const documentId = params.documentId ?? documentIdOfResult(result);
      if (documentId) invalidateSource(strapi, documentId);
      return result;
    }
    if (context.uid === COMMENT_UID) {
      const before = params.documentId ? await articleOfComment({ documentId: params.documentId }) : null;
      const result = await withOwnedInvalidation(() => Promise.resolve(next()));
      const documentId = params.documentId ?? documentIdOfResult(result);
      const after = documentId && context.action !== 'delete' ? await articleOfComment({ documentId }) : null;
      invalidateComment(strapi, [before, after]);
      return result;
    }
    return next();
  };
}
