import { factories } from '@strapi/strapi';

const publicRead = {
  middlewares: [{ name: 'global::public-visibility', config: { uid: 'api::comment.comment' } }],
};

// update and delete keep their routes so the permission system answers 403, not 404.
export default factories.createCoreRouter('api::comment.comment', {
  config: {
    find: publicRead,
    findOne: publicRead,
    create: { middlewares: ['global::comment-rate-limit'] },
  },
});
