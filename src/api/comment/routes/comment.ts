import { factories } from '@strapi/strapi';

// Public reads are narrowed below the controllers: src/document-middlewares/public-read-visibility.ts.
// update and delete keep their routes so the permission system answers 403, not 404.
export default factories.createCoreRouter('api::comment.comment', {
  config: {
    create: { middlewares: ['global::comment-rate-limit'] },
  },
});
