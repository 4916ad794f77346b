import { factories } from '@strapi/strapi';

type Article = { documentId: string };

/** Articles carry `commentStats` (see the comment-stats service). */
export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const attachStats = (articles: Article[]) => strapi.service('api::article.comment-stats').attach(articles);

  return {
    async find(ctx) {
      const response = (await super.find(ctx)) as { data: Article[] };
      await attachStats(response.data);
      return response;
    },
    async findOne(ctx) {
      const response = (await super.findOne(ctx)) as { data: Article | null } | undefined;
      if (response?.data) await attachStats([response.data]);
      return response;
    },
  };
});
