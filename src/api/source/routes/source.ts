import { factories } from '@strapi/strapi';

const publicRead = {
  middlewares: [{ name: 'global::public-visibility', config: { uid: 'api::source.source' } }],
};

export default factories.createCoreRouter('api::source.source', {
  config: {
    find: publicRead,
    findOne: publicRead,
  },
});
