import { searchKey } from '../../src/plugins/moderation/server/src/domain/search-key';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { commentRow, expectLocalizedError, newComment, transition } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The moderation desk's API: the queue's filters (flag, reason, dates, Persian-normalized
 * search), its tab counts and highlighted words, and the audit trail (GET /moderation/events).
 */
let app: TestApp;
let moderator: AdminSession;
let editor: AdminSession;
let articleId: string;
let otherArticleId: string;
const ids: Record<string, string> = {};

const BODIES = {
  // With ZWNJ (می‌دهد, می‌کند) and Persian ی/ک.
  zwnj: 'این گزارش نشان می‌دهد که شهرداری کار خود را به‌خوبی می‌کند',
  // Typed on an Arabic keyboard: ي and ك.
  arabicKeyboard: 'مردم كتابخانه را دوست دارند و يكي از بهترين جاهاي شهر است',
  blocklisted: 'این مسئول یک دزد واقعی است و مزدورهای او هم همین‌طور',
  spam: 'برای خرید ارزان با شماره ۰۹۱۲۱۲۳۴۵۶۷ تماس بگیرید',
};

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  articleId = (await createArticle(app.strapi, { title: 'بازگشایی کتابخانهٔ شهر' })).documentId;
  otherArticleId = (await createArticle(app.strapi, { title: 'خبر دیگر' })).documentId;
  for (const [name, body] of Object.entries(BODIES)) {
    ids[name] = await newComment(app, articleId, { body, authorEmail: `${name}@example.com` });
  }
  ids.elsewhere = await newComment(app, otherArticleId, { body: 'نظری دربارهٔ خبر دیگر که کتابخانه ندارد' });
  await transition(app.strapi, ids.zwnj, 'approve');
});
afterAll(async () => {
  await app.stop();
});

const queue = (query: Record<string, string>, session: AdminSession = moderator) =>
  app.http().get('/moderation/comments').query(query).set('Authorization', session.auth);
const documentIds = (body: { data: { documentId: string }[] }) => body.data.map((comment) => comment.documentId).sort();

describe('search in comment text', () => {
  it('finds text written with ZWNJ from a query without it, and with a space inside the word left out', async () => {
    const response = await queue({ q: 'میکند', article: articleId });
    expect(response.status).toBe(200);
    expect(documentIds(response.body)).toEqual([ids.zwnj]);
    expect((await queue({ q: 'بهخوبی' })).body.data.map((c: { documentId: string }) => c.documentId)).toEqual([
      ids.zwnj,
    ]);
  });

  it('finds Arabic-keyboard spellings from Persian ones, and the reverse', async () => {
    expect(documentIds((await queue({ q: 'کتابخانه را' })).body)).toEqual([ids.arabicKeyboard]);
    expect(documentIds((await queue({ q: 'یکی از بهترین' })).body)).toEqual([ids.arabicKeyboard]);
    expect(documentIds((await queue({ q: 'مي‌دهد' })).body)).toEqual([ids.zwnj]);
  });

  it('matches digits in any script, takes % and _ literally, and ignores case', async () => {
    expect(documentIds((await queue({ q: '09121234567' })).body)).toEqual([ids.spam]);
    expect((await queue({ q: '%%%' })).body.data).toEqual([]);
    expect((await queue({ q: '___' })).body.data).toEqual([]);
  });

  it('combines with the status and the article, and counts what it found', async () => {
    const pending = await queue({ q: 'کتابخانه', moderationStatus: 'pending' });
    expect(documentIds(pending.body)).toEqual([ids.arabicKeyboard, ids.elsewhere].sort());
    expect(pending.body.meta.pagination.total).toBe(2);
    const oneArticle = await queue({ q: 'کتابخانه', article: otherArticleId });
    expect(documentIds(oneArticle.body)).toEqual([ids.elsewhere]);
    expect((await queue({ q: 'کتابخانه', moderationStatus: 'approved' })).body.data).toEqual([]);
  });

  it('uses the same key in the database as in the code', async () => {
    const samples = ['مي‌كند', 'ۀ ة ھ أ إ ؤ', 'مـــزدور', 'سَلامٌ', '۱۲۳٤٥٦', 'ABC‍x'];
    for (const sample of samples) {
      const { rows } = await app.strapi.db.connection.raw('SELECT khabar_search_key(?) AS key', [sample]);
      expect(rows[0].key).toBe(searchKey(sample));
    }
  });
});

describe('filters by flag, reason and date', () => {
  it('filters by a screening flag', async () => {
    const response = await queue({ flag: 'blocklisted' });
    expect(documentIds(response.body)).toEqual([ids.blocklisted]);
    expect(response.body.meta.pagination.total).toBe(1);
  });

  it('filters by rejection reason', async () => {
    await transition(app.strapi, ids.spam, 'reject', 'spam');
    try {
      expect(documentIds((await queue({ reason: 'spam' })).body)).toEqual([ids.spam]);
      expect((await queue({ reason: 'slander' })).body.data).toEqual([]);
    } finally {
      await transition(app.strapi, ids.spam, 'reopen');
    }
  });

  it('filters by the day received; a `to` day counts whole', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    expect((await queue({ from: today, to: today, article: articleId })).body.data).toHaveLength(4);
    expect((await queue({ from: tomorrow })).body.data).toEqual([]);
    expect((await queue({ to: yesterday })).body.data).toEqual([]);
    expect((await queue({ from: `${today}T00:00:00Z`, article: otherArticleId })).body.data).toHaveLength(1);
  });

  it('pages the filtered list, newest first on request', async () => {
    const first = await queue({ q: 'کتابخانه', pageSize: '1', sort: 'createdAt:desc' });
    const second = await queue({ q: 'کتابخانه', pageSize: '1', page: '2', sort: 'createdAt:desc' });
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 1, total: 2, pageCount: 2 });
    expect(first.body.data[0].documentId).toBe(ids.elsewhere);
    expect(second.body.data[0].documentId).toBe(ids.arabicKeyboard);
  });
});

describe('what the desk shows of a comment', () => {
  it('gives the tab counts, of all comments or of one article', async () => {
    const all = await queue({ moderationStatus: 'pending' });
    expect(all.body.meta.counts).toEqual({ pending: 4, approved: 1, rejected: 0, total: 5 });
    const one = await queue({ article: articleId, q: 'کتابخانه' });
    expect(one.body.meta.counts).toEqual({ pending: 3, approved: 1, rejected: 0, total: 4 });
  });

  it('locates the blocklisted words in the text as written, with their suffixes', async () => {
    const response = await app
      .http()
      .get(`/moderation/comments/${ids.blocklisted}`)
      .set('Authorization', moderator.auth);
    const { body, blocklistSpans, screening } = response.body.data;
    expect(screening.blocklist).toEqual(expect.arrayContaining(['دزد', 'مزدور']));
    expect(blocklistSpans.map(([start, end]: [number, number]) => body.slice(start, end))).toEqual(['دزد', 'مزدورهای']);
    const clean = (await commentRow(app.strapi, ids.zwnj)).documentId;
    const cleanView = await app.http().get(`/moderation/comments/${clean}`).set('Authorization', moderator.auth);
    expect(cleanView.body.data.blocklistSpans).toEqual([]);
  });
});

describe('refusals', () => {
  it.each([
    ['a search shorter than three letters', { q: 'دز' }],
    ['a search of spaces and half-spaces', { q: ' \u200c \u200c ' }],
    ['an unknown flag', { flag: 'rude' }],
    ['an unknown reason', { reason: 'boring' }],
    ['a date Date would guess at', { from: 'yesterday' }],
    ['an impossible date', { to: '2026-13-45' }],
    ['a range that ends before it starts', { from: '2026-11-30', to: '2026-11-01' }],
  ])('answers 400 to %s', async (_name, query) => {
    const response = await queue(query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('moderation_bad_query');
    expectLocalizedError(response.body);
  });

  it('refuses the filters to a user without the moderation permissions', async () => {
    expect((await queue({ q: 'کتابخانه' }, editor)).status).toBe(403);
    expect((await app.http().get('/moderation/comments').query({ q: 'کتابخانه' })).status).toBe(401);
  });
});

describe('the audit trail: GET /moderation/events', () => {
  const events = (query: Record<string, string>, session: AdminSession = moderator) =>
    app.http().get('/moderation/events').query(query).set('Authorization', session.auth);

  beforeAll(async () => {
    const response = await app
      .http()
      .post(`/moderation/comments/${ids.blocklisted}/reject`)
      .set('Authorization', moderator.auth)
      .send({ reason: 'slander', note: 'توهین به مسئول' });
    expect(response.status).toBe(200);
  });

  it("gives a comment's decisions, newest first, with who decided but not their email", async () => {
    const response = await events({ comment: ids.blocklisted });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        commentDocumentId: ids.blocklisted,
        commentExcerpt: BODIES.blocklisted,
        fromStatus: 'pending',
        toStatus: 'rejected',
        reason: 'slander',
        note: 'توهین به مسئول',
        actorId: moderator.id,
      }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain(moderator.email);
    expect(response.body.meta.actors).toEqual(expect.arrayContaining([expect.objectContaining({ id: moderator.id })]));
  });

  it('filters by moderator, reason and date', async () => {
    const mine = await events({ actor: String(moderator.id) });
    expect(mine.body.data.map((event: { commentDocumentId: string }) => event.commentDocumentId)).toEqual([
      ids.blocklisted,
    ]);
    const all = await events({});
    expect(all.body.meta.pagination.total).toBeGreaterThan(1);
    expect((await events({ reason: 'slander' })).body.data).toHaveLength(1);
    expect((await events({ reason: 'other' })).body.data).toEqual([]);
    const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    expect((await events({ from: tomorrow })).body.data).toEqual([]);
    expect((await events({ to: tomorrow })).body.meta.pagination.total).toBe(all.body.meta.pagination.total);
  });

  it('answers 400 to bad filters and 403 without the read permission', async () => {
    const bad: Record<string, string>[] = [
      { actor: 'me' },
      { reason: 'boring' },
      { from: 'today' },
      { pageSize: '5000' },
    ];
    for (const query of bad) {
      const response = await events(query);
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
    }
    expect((await events({}, editor)).status).toBe(403);
    expect((await app.http().get('/moderation/events')).status).toBe(401);
  });
});

describe('indexes', () => {
  /** The plan PostgreSQL chooses once sequential scans are priced out: proves the index fits the query. */
  async function plan(sql: string, bindings: unknown[]): Promise<string> {
    return app.strapi.db.connection.transaction(async (trx) => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      const { rows } = await trx.raw(`EXPLAIN ${sql}`, bindings);
      return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    });
  }

  it('answer the search and the flag filter from their indexes', async () => {
    expect(
      await plan("SELECT id FROM comments WHERE khabar_search_key(body) LIKE ? ESCAPE '\\'", ['%کتابخانه%']),
    ).toContain('khabar_comments_search_idx');
    expect(await plan("SELECT id FROM comments WHERE screening -> 'flags' @> ?::jsonb", ['["spam"]'])).toContain(
      'khabar_comments_flags_idx',
    );
    expect(
      await plan('SELECT id FROM comments WHERE rejection_reason = ? ORDER BY created_at, id LIMIT 50', ['spam']),
    ).toContain('khabar_comments_reason_created_idx');
    expect(await plan('SELECT id FROM moderation_events WHERE comment_document_id = ?', ['x'])).toContain(
      'khabar_moderation_events_comment_idx',
    );
  });
});
