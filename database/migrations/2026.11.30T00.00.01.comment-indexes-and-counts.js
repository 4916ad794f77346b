/**
 * Indexes of the comments and the exact comment counts kept by triggers (see
 * database/comment-counts.js). Strapi 5 runs the `.js` and `.sql` files of this folder in name
 * order, once each (recorded in `strapi_migrations`), inside a transaction, before it syncs the
 * schema: on a database that already holds data this adds the indexes and fills the counts; on
 * a fresh one Strapi's tables do not exist yet, so it does nothing and the bootstrap (which calls
 * the same idempotent `ensure` after the schema sync, on every boot) does the work.
 */
const { ensure } = require('../comment-counts');

module.exports = {
  async up(knex) {
    await ensure(knex);
  },
};
