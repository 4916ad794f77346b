import { factories } from '@strapi/strapi';

const publicRead = {
  middlewares: [{ name: 'global::public-visibility', config: { uid: 'api::article.article' } }],
};

export default factories.createCoreRouter('api::article.article', {
  config: {
    find: publicRead,
    findOne: publicRead,
  },
});
