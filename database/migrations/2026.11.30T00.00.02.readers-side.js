/**
 * Issue #14, the readers' side: replies (the column and the counts' handling of them), reactions
 * and reports tables, the commenter-history key (database/reader-tables.js and
 * database/comment-counts.js). Both `ensure`s are idempotent and only add: on a database that
 * holds data it adds the columns, tables and indexes and rebuilds the counts from the rows once;
 * on a fresh one Strapi's tables do not exist yet, so it does nothing and the bootstrap does the
 * work after the schema sync. Existing comments get their history key at the next boot (the
 * salt is the server's, read there).
 */
const commentCounts = require('../comment-counts');
const readerTables = require('../reader-tables');

module.exports = {
  async up(knex) {
    await commentCounts.ensure(knex);
    await readerTables.ensure(knex);
  },
};
