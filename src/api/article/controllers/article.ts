import { factories } from '@strapi/strapi';

type Article = { documentId: string };

/** Articles carry `commentStats` and `commentsOpen` (see the comment-stats service). */
export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const commentStats = () => strapi.service('api::article.comment-stats');

  return {
    async find(ctx) {
      const response = (await super.find(ctx)) as { data: Article[] };
      await commentStats().attach(response.data);
      return response;
    },
    async findOne(ctx) {
      // The counts are read beside the article, not after it: the documentId is in the path.
      // Only attached when the article is found (published), so they say nothing of a draft.
      const documentId = String(ctx.params.id ?? '');
      const [response, extras] = await Promise.all([
        super.findOne(ctx) as Promise<{ data: Article | null } | undefined>,
        // A path the database refuses (a NUL byte…) is findOne's to answer; then read again.
        commentStats()
          .extras([documentId])
          .catch(() => undefined),
      ]);
      if (response?.data) await commentStats().attach([response.data], extras);
      return response;
    },
  };
});
