import type { Core, Modules } from '@strapi/strapi';

const ARTICLE_UID = 'api::article.article';
/** Every action after which the set of published article texts may have changed. */
const CHANGING_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Keeps the site's document frequencies (api::article.term-frequencies) current: after an article
 * changes, its published versions are counted again. The article change itself never fails
 * because of this: a failed recount is logged and the next one repairs it.
 */
export function articleFrequenciesMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== ARTICLE_UID || !CHANGING_ACTIONS.has(context.action)) return next();
    const result = await next();
    const documentId =
      (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) {
      try {
        await strapi.service('api::article.term-frequencies').refresh(documentId);
      } catch (error) {
        strapi.log.error(`Could not recount the words of article ${documentId}: ${String(error)}`);
      }
    }
    return result;
  };
}
