import type { Core } from '@strapi/strapi';

export type CommentStats = { total: number; pending: number; published: number };
type WithStats = { documentId: string; commentStats?: CommentStats };

/**
 * Puts `commentStats` on articles of a public response: all comments received (rejected ones
 * included), those awaiting review, and those the public list shows. One grouped query per
 * response, whatever the page size, read at request time so the counts are exact right after
 * any change.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async attach(articles: WithStats[]): Promise<void> {
    if (articles.length === 0) return;
    const counts = await strapi
      .service('plugin::moderation.transitions')
      .countsByArticle([...new Set(articles.map((article) => article.documentId))]);
    for (const article of articles) {
      const count = counts.get(article.documentId);
      article.commentStats = {
        total: count?.total ?? 0,
        pending: count?.pending ?? 0,
        published: count?.visible ?? 0,
      };
    }
  },
});
