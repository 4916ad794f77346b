import { factories } from '@strapi/strapi';

type CommentStats = { total: number; pending: number; published: number };
type WithStats = { documentId: string; commentStats?: CommentStats };

/**
 * Articles carry `commentStats`: all comments received (rejected ones included), those
 * awaiting review, and those published. One grouped query per response, whatever the page
 * size, and read at request time so the counts are exact right after any change.
 */
export default factories.createCoreController('api::article.article', ({ strapi }) => {
  async function attachStats(articles: WithStats[]) {
    const counts = await strapi
      .service('api::comment.moderation')
      .countsByArticle([...new Set(articles.map((article) => article.documentId))]);
    for (const article of articles) {
      const count = counts.get(article.documentId);
      article.commentStats = {
        total: count?.total ?? 0,
        pending: count?.pending ?? 0,
        published: count?.visible ?? 0,
      };
    }
  }

  return {
    async find(ctx) {
      const response = (await super.find(ctx)) as { data: WithStats[] };
      await attachStats(response.data);
      return response;
    },
    async findOne(ctx) {
      const response = (await super.findOne(ctx)) as { data: WithStats | null } | undefined;
      if (response?.data) await attachStats([response.data]);
      return response;
    },
  };
});
