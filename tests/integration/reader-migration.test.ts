import path from 'node:path';
import { createArticle } from '../helpers/content';
import { commentWithStatus, publicStats, transition } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The readers' side migration (database/migrations/2026.11.30T00.00.02.readers-side.js) on a
 * database that already holds comments from before it: it adds what is missing, rebuilds the
 * counts once with replies in mind, keeps every count and row, and changes nothing when run again.
 */
let app: TestApp;
const migration = require(path.resolve(__dirname, '../../database/migrations/2026.11.30T00.00.02.readers-side.js')) as {
  up(knex: unknown): Promise<void>;
};

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app.stop();
});

const countsTable = async () =>
  (
    await app.strapi.db.connection.raw(
      `SELECT document_id, counter, sum(n)::int AS n FROM khabar_comment_counts
        GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
    )
  ).rows;

it('brings a database from before replies, reactions and reports up to date, once, without losing a count', async () => {
  const article = (await createArticle(app.strapi, { title: 'قیمت نان' })).documentId;
  for (const status of ['approved', 'approved', 'pending', 'rejected'] as const) {
    await commentWithStatus(app, article, status, { authorEmail: 'old.reader@example.ir' });
  }
  const statsBefore = await publicStats(app, article);
  const knex = app.strapi.db.connection;

  // The database as the previous version left it.
  await knex.raw(`
    DROP TABLE khabar_comment_reactions, khabar_comment_reaction_counts, khabar_comment_reports;
    DROP FUNCTION khabar_comment_reactions_count();
    ALTER TABLE comments DROP COLUMN author_key;
    ALTER TABLE comments DROP COLUMN parent_document_id CASCADE;
    DROP INDEX IF EXISTS khabar_comment_membership_root_idx;
    ALTER TABLE khabar_comment_membership DROP COLUMN is_reply;
    DELETE FROM khabar_comment_counts WHERE counter = 'visible_root';
    CREATE INDEX khabar_comment_membership_visible_idx ON khabar_comment_membership (document_id, created_at DESC, comment_id) WHERE visible;
  `);

  await migration.up(knex);
  const afterFirst = await countsTable();
  await migration.up(knex);
  expect(await countsTable()).toEqual(afterFirst);
  expect(afterFirst).toContainEqual({ document_id: article, counter: 'visible_root', n: 2 });
  expect(afterFirst).toContainEqual({ document_id: article, counter: 'visible', n: 2 });

  const indexes = await knex.raw(
    "SELECT indexname FROM pg_indexes WHERE tablename IN ('khabar_comment_membership', 'comments') ORDER BY 1",
  );
  const names = indexes.rows.map((row: { indexname: string }) => row.indexname);
  expect(names).toContain('khabar_comment_membership_root_idx');
  expect(names).not.toContain('khabar_comment_membership_visible_idx');
  expect(names).toContain('khabar_comments_parent_idx');
  expect(names).toContain('khabar_comments_author_history_idx');
  expect(names).not.toContain('khabar_comments_author_idx');

  // A restart keys the earlier comments for the history, and everything works on them.
  await app.restart();
  const keyed = await app.strapi.db.connection.raw(
    "SELECT count(DISTINCT author_key) AS keys, count(*) FILTER (WHERE author_key IS NULL) AS missing FROM comments WHERE author_email = 'old.reader@example.ir'",
  );
  expect(keyed.rows[0]).toEqual({ keys: '1', missing: '0' });
  expect(await publicStats(app, article)).toEqual(statsBefore);
  const page = await app.http().get(`/api/comments?filters[article][documentId][$eq]=${article}&sort=createdAt:asc`);
  expect(page.body.meta.pagination.total).toBe(2);
  const parent = page.body.data[0].documentId;
  const reacted = await app.http().post(`/api/comments/${parent}/reactions`).send({ kind: 'agree' });
  expect(reacted.body.data.reactions).toEqual({ agree: 1, disagree: 0 });
  const reply = await app
    .http()
    .post('/api/comments')
    .send({ data: { article, parent, authorName: 'رضا', body: 'پاسخ دربارهٔ قیمت نان' } });
  expect(reply.status).toBe(201);
  await transition(app.strapi, reply.body.data.documentId, 'approve');
  expect((await publicStats(app, article)).published).toBe(statsBefore.published + 1);
});
