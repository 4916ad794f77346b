import { factories } from '@strapi/strapi';

type Source = { articles?: { documentId: string }[] | null };

/** Articles populated from a source carry `commentStats` like articles read directly. */
export default factories.createCoreController('api::source.source', ({ strapi }) => {
  const attachStats = (sources: Source[]) =>
    strapi
      .service('api::article.comment-stats')
      .attach(sources.flatMap((source) => (Array.isArray(source.articles) ? source.articles : [])));

  return {
    async find(ctx) {
      const response = (await super.find(ctx)) as { data: Source[] };
      await attachStats(response.data);
      return response;
    },
    async findOne(ctx) {
      const response = (await super.findOne(ctx)) as { data: Source | null } | undefined;
      if (response?.data) await attachStats([response.data]);
      return response;
    },
  };
});
