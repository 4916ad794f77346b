import path from 'node:path';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, query } from '../helpers/content';
import { ARTICLE_UID, COMMENT_UID, concurrentHttp, newComment, sqlCounts } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The counts table (database/comment-counts.js) against the rows, at a scale: thousands of
 * comments written in bulk, then concurrent submissions, bulk moderation, republishing, an
 * article deleted, a translation deleted, a locale removed and comments deleted below the
 * Document Service. After every step the counts kept by the triggers equal a recount from the
 * rows, and a rebuild from scratch changes nothing.
 */
let app: TestApp;
let superAdmin: AdminSession;
const articles: string[] = [];

/**
 * Per article document: status counts, the public count and the rejections screening made that
 * no one has acted on since (from the audit trail), recounted from the rows.
 */
async function recount(): Promise<Record<string, Record<string, number>>> {
  const { rows } = await app.strapi.db.connection.raw(`
    SELECT a.document_id,
           count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'pending') AS pending,
           count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved') AS approved,
           count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'rejected') AS rejected,
           count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved' AND a.published_at IS NOT NULL) AS visible,
           count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'rejected'
             AND EXISTS (SELECT 1 FROM moderation_events e WHERE e.comment_document_id = c.document_id)
             AND NOT EXISTS (SELECT 1 FROM moderation_events e WHERE e.comment_document_id = c.document_id
                               AND (e.actor_id IS NOT NULL OR e.actor_label IS DISTINCT FROM 'screening'))) AS screened_out
      FROM comments c
      JOIN comments_article_lnk l ON l.comment_id = c.id
      JOIN articles a ON a.id = l.article_id
     GROUP BY a.document_id`);
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    counts[row.document_id] = {
      pending: Number(row.pending),
      approved: Number(row.approved),
      rejected: Number(row.rejected),
      visible: Number(row.visible),
      screenedOut: Number(row.screened_out),
      total: Number(row.pending) + Number(row.approved) + Number(row.rejected),
    };
  }
  return counts;
}

/** The same, as the moderation service reads them from the counts table. */
async function kept(): Promise<Record<string, Record<string, number>>> {
  const counts = await app.strapi.plugin('moderation').service('transitions').countsByArticle();
  return Object.fromEntries(counts);
}

const SORTS = ['pending', 'approved', 'rejected', 'total'] as const;
type ListedArticle = { documentId: string; pending: number; approved: number; rejected: number; total: number };

/** The moderators' article list in one order, recounted from the rows (PostgreSQL's collation for ties). */
async function recountedList(sort: (typeof SORTS)[number]): Promise<ListedArticle[]> {
  const { rows } = await app.strapi.db.connection.raw(`
    SELECT document_id, pending, approved, rejected, pending + approved + rejected AS total FROM (
      SELECT a.document_id,
             count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'pending') AS pending,
             count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved') AS approved,
             count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'rejected') AS rejected
        FROM comments c
        JOIN comments_article_lnk l ON l.comment_id = c.id
        JOIN articles a ON a.id = l.article_id
       GROUP BY a.document_id) r
     ORDER BY ${sort === 'total' ? 'pending + approved + rejected' : sort} DESC, document_id`);
  return rows.map((row: Record<string, string>) => ({
    documentId: row.document_id,
    pending: Number(row.pending),
    approved: Number(row.approved),
    rejected: Number(row.rejected),
    total: Number(row.total),
  }));
}

/** The same list as the stats service pages it, two articles a page, every page. */
async function pagedList(sort: (typeof SORTS)[number]): Promise<ListedArticle[]> {
  const stats = app.strapi.plugin('moderation').service('stats');
  const articlesWithComments = (await recountedList(sort)).length;
  const listed: ListedArticle[] = [];
  let pageCount = 1;
  for (let page = 1; page <= pageCount; page += 1) {
    const { data, meta } = await stats.overview({ sort, page, pageSize: 2 });
    pageCount = meta.pagination.pageCount;
    expect(meta.pagination.total).toBe(articlesWithComments);
    listed.push(...data.articles.map(({ title: _title, ...counts }: ListedArticle & { title: string }) => counts));
  }
  return listed;
}

async function expectExactCounts() {
  expect(await kept()).toEqual(await recount());
  expect(await app.strapi.plugin('moderation').service('transitions').overallCounts()).toEqual(
    await sqlCounts(app.strapi),
  );
  for (const sort of SORTS) expect(await pagedList(sort)).toEqual(await recountedList(sort));
}

/** Folds the counts' deltas, as the server does every minute. */
async function compact() {
  await app.strapi.db.connection.raw('SELECT khabar_comment_counts_compact()');
}

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  for (let index = 0; index < 6; index += 1) {
    articles.push((await createArticle(app.strapi, { title: `گزارش شمارهٔ ${index}` })).documentId);
  }
  // A translation of the first article, commented on in English.
  await app.strapi
    .documents(ARTICLE_UID)
    .update({ documentId: articles[0], locale: 'en', data: { title: 'Report in English' } } as never);
  await app.strapi.documents(ARTICLE_UID).publish({ documentId: articles[0], locale: 'en' } as never);
});
afterAll(async () => {
  await app.stop();
});

describe('comment counts kept by the database', () => {
  it('match the rows after a bulk insert of thousands of comments with the triggers on', async () => {
    // 3,000 comments spread over the published Persian rows, linked to draft and published rows
    // as Strapi links them; statuses 20 % pending, 10 % rejected, the rest approved.
    await app.strapi.db.connection.raw(`
      WITH targets AS (
        SELECT document_id, array_agg(id ORDER BY id) AS ids, row_number() OVER (ORDER BY min(id)) AS n
          FROM articles WHERE locale = 'fa' GROUP BY document_id),
      made AS (
        INSERT INTO comments (document_id, body, author_name, moderation_status, created_at, updated_at, published_at)
        SELECT 'bulk' || i, 'نظر انبوه ' || i, 'خواننده',
               CASE WHEN i % 10 < 2 THEN 'pending' WHEN i % 10 = 2 THEN 'rejected' ELSE 'approved' END,
               now() - make_interval(secs => 3000 - i), now(), now()
          FROM generate_series(1, 3000) AS i
        RETURNING id)
      INSERT INTO comments_article_lnk (comment_id, article_id, comment_ord)
      SELECT made.id, unnest(t.ids), 1
        FROM made JOIN targets t ON t.n = 1 + made.id % (SELECT count(*) FROM targets)`);
    await expectExactCounts();
    const total = Object.values(await kept()).reduce((sum, count) => sum + count.total, 0);
    expect(total).toBe(3000);
    // Folded into the per-article totals: the steps below change articles counted there.
    await compact();
    await expectExactCounts();
    const { rows } = await app.strapi.db.connection.raw(
      'SELECT count(*) AS n FROM khabar_article_comment_totals_deltas',
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('stay exact under concurrent submissions and bulk moderation', async () => {
    const parallel = await concurrentHttp(app);
    const pending: string[] = await app.strapi.db
      .connection('comments')
      .where('moderation_status', 'pending')
      .orderBy('id')
      .limit(240)
      .pluck('document_id');
    const batches = Array.from({ length: 12 }, (_, index) => pending.slice(index * 20, index * 20 + 20));
    const responses = await Promise.all([
      ...Array.from({ length: 30 }, (_, index) =>
        parallel()
          .post('/api/comments')
          .send({
            data: {
              article: articles[index % articles.length],
              authorName: 'مریم',
              body: `نظر همزمان ${index} دربارهٔ گزارش`,
            },
          }),
      ),
      ...batches.map((documentIds, index) =>
        parallel()
          .post('/moderation/comments/bulk')
          .set('Authorization', superAdmin.auth)
          .send(index % 2 ? { action: 'approve', documentIds } : { action: 'reject', reason: 'spam', documentIds }),
      ),
      // Compactions among the writers, as the server's timer may run one.
      ...Array.from({ length: 6 }, () => compact().then(() => ({ status: 200 }))),
    ]);
    expect(responses.map((response) => response.status).filter((status) => status !== 201 && status !== 200)).toEqual(
      [],
    );
    await expectExactCounts();
  });

  it('keep screening’s rejections in their own counter until a person acts on them', async () => {
    const settings = (body: Record<string, unknown>) =>
      app.http().put('/moderation/settings').set('Authorization', superAdmin.auth).send(body);
    expect((await settings({ autoReject: { blocklisted: true } })).status).toBe(200);
    const article = articles[5];
    const before = (await kept())[article];
    const parallel = await concurrentHttp(app);
    const submitted = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        parallel()
          .post('/api/comments')
          .send({ data: { article, authorName: 'رضا', body: `مسئول شمارهٔ ${index} این گزارش یک دزد است` } }),
      ),
    );
    expect(submitted.map((response) => response.status).filter((status) => status !== 201)).toEqual([]);
    expect((await settings({ autoReject: { blocklisted: false } })).status).toBe(200);
    await expectExactCounts();
    expect((await kept())[article].screenedOut).toBe(before.screenedOut + 12);

    // Reviewed by a person (reopened, then some rejected again and some approved): no longer screening's.
    const ids = submitted.map((response) => response.body.data.documentId as string);
    const bulk = (body: Record<string, unknown>) =>
      app.http().post('/moderation/comments/bulk').set('Authorization', superAdmin.auth).send(body);
    expect((await bulk({ action: 'reopen', documentIds: ids.slice(0, 8) })).status).toBe(200);
    expect((await bulk({ action: 'reject', reason: 'slander', documentIds: ids.slice(0, 4) })).status).toBe(200);
    expect((await bulk({ action: 'approve', documentIds: ids.slice(4, 6) })).status).toBe(200);
    await expectExactCounts();
    expect((await kept())[article].screenedOut).toBe(before.screenedOut + 4);
  });

  it('stay exact when articles are unpublished, republished, deleted and a locale removed', async () => {
    const documents = app.strapi.documents(ARTICLE_UID);
    await documents.unpublish({ documentId: articles[1], locale: 'fa' } as never);
    await expectExactCounts();
    expect((await kept())[articles[1]].visible).toBe(0);
    await documents.publish({ documentId: articles[1], locale: 'fa' } as never);
    await expectExactCounts();
    expect((await kept())[articles[1]].visible).toBeGreaterThan(0);

    await documents.delete({ documentId: articles[2], locale: '*' } as never);
    await expectExactCounts();
    expect((await kept())[articles[2]]).toBeUndefined();

    await newComment(app, articles[0]);
    const english = await app.strapi.db.query('plugin::i18n.locale').findOne({ where: { code: 'en' } });
    const response = await app.http().delete(`/i18n/locales/${english.id}`).set('Authorization', superAdmin.auth);
    expect(response.status).toBe(200);
    await expectExactCounts();

    await app.strapi.db.query(COMMENT_UID).deleteMany({ where: { article: { documentId: articles[3] } } });
    await expectExactCounts();
    expect((await kept())[articles[3]]).toBeUndefined();
  });

  it('are the same after compaction and after a rebuild from scratch', async () => {
    const before = await kept();
    await app.strapi.db.connection.raw('SELECT khabar_comment_counts_compact()');
    expect(await kept()).toEqual(before);
    const { rows } = await app.strapi.db.connection.raw(
      'SELECT count(*) AS n FROM khabar_comment_counts GROUP BY document_id, counter HAVING count(*) > 1',
    );
    expect(rows).toEqual([]);
    await app.strapi.db.connection.raw('SELECT khabar_comment_counts_rebuild()');
    expect(await kept()).toEqual(before);
    await expectExactCounts();
  });

  it('keep the per-article totals exact when folded: no article left at zero, no delta twice', async () => {
    // An article counted in the totals loses all its comments: it leaves the list before the
    // fold and its totals row goes with the fold.
    await compact();
    const emptied = articles[1];
    expect((await kept())[emptied].total).toBeGreaterThan(0);
    await app.strapi.db.query(COMMENT_UID).deleteMany({ where: { article: { documentId: emptied } } });
    await expectExactCounts();
    expect((await pagedList('total')).some((listed) => listed.documentId === emptied)).toBe(false);
    await compact();
    await expectExactCounts();
    const { rows } = await app.strapi.db.connection.raw(
      'SELECT document_id FROM khabar_article_comment_totals WHERE document_id = ? OR total = 0',
      [emptied],
    );
    expect(rows).toEqual([]);
    // Folding twice in a row changes nothing.
    const listed = await pagedList('pending');
    await compact();
    expect(await pagedList('pending')).toEqual(listed);
  });

  it('fill the per-article totals from the counts on a database from before them, once', async () => {
    const knex = app.strapi.db.connection;
    const listsBefore = await Promise.all(SORTS.map((sort) => pagedList(sort)));
    await knex.raw(
      'DROP TABLE khabar_article_comment_totals, khabar_article_comment_totals_deltas, khabar_article_comment_totals_size',
    );
    const { ensure } = require(path.resolve(__dirname, '../../database/comment-counts.js')) as {
      ensure(knex: unknown): Promise<boolean>;
    };
    expect(await ensure(knex)).toBe(true);
    const totals = () => knex.raw('SELECT * FROM khabar_article_comment_totals ORDER BY document_id');
    const filled = (await totals()).rows;
    expect(filled.length).toBe((await recountedList('total')).length);
    await ensure(knex);
    expect((await totals()).rows).toEqual(filled);
    expect(await Promise.all(SORTS.map((sort) => pagedList(sort)))).toEqual(listsBefore);
    // Totals from before their size was kept: measured on the next boot.
    await knex.raw('DELETE FROM khabar_article_comment_totals_size');
    await ensure(knex);
    expect(await Promise.all(SORTS.map((sort) => pagedList(sort)))).toEqual(listsBefore);
    // Changes after the upgrade reach the totals too.
    await app.strapi.db.query(COMMENT_UID).deleteMany({ where: { article: { documentId: articles[5] } } });
    await expectExactCounts();
  });

  it('give deep pages of an article the order and total Strapi gives', async () => {
    const article = articles[4];
    const page = (extra: Record<string, unknown>) =>
      app.http().get(
        `/api/comments${query({
          filters: { article: { documentId: { $eq: article } }, ...extra },
          sort: 'createdAt:desc',
          pagination: { page: 4, pageSize: 20 },
        })}`,
      );
    // The second filter changes nothing but takes Strapi's general path.
    const [located, general] = await Promise.all([page({}), page({ authorName: { $notNull: true } })]);
    expect(located.status).toBe(200);
    expect(located.body.meta.pagination.total).toBeGreaterThan(60);
    expect(located.body).toEqual(general.body);
  });
});
