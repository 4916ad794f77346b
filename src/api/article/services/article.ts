import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::article.article', ({ strapi }) => ({
  /**
   * Strapi's list: its rows, then their count, each Document Service call in a transaction of
   * its own (BEGIN … COMMIT twice). One transaction for both saves two statements per list;
   * the calls join it (Strapi nests them in the transaction already open).
   */
  async find(params = {}) {
    return strapi.db.transaction(() => super.find(params));
  },
}));
