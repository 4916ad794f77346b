import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import {
  commentRow,
  commentWithStatus,
  EVENT_UID,
  eventsFor,
  expectLocalizedError,
  newComment,
  type Status,
  sqlCounts,
} from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let superAdmin: AdminSession;
let moderator: AdminSession;
let editor: AdminSession;
let author: AdminSession;
let articleId: string;
let secondArticleId: string;

const ARTICLE_TITLE = 'افزایش قیمت نان در شهرهای بزرگ';

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  author = await createAdmin(app.strapi, app.http, ['strapi-author']);
  articleId = (await createArticle(app.strapi, { title: ARTICLE_TITLE })).documentId;
  secondArticleId = (await createArticle(app.strapi, { title: 'گزارش دوم' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

const get = (path: string, session?: AdminSession) => {
  const request = app.http().get(path);
  return session ? request.set('Authorization', session.auth) : request;
};
const post = (path: string, body: unknown, session?: AdminSession) => {
  const request = app.http().post(path);
  if (session) request.set('Authorization', session.auth);
  return request.send(body as object);
};
const act = (id: string, action: string, body: Record<string, unknown> = {}, session: AdminSession = moderator) =>
  post(`/moderation/comments/${id}/${action}`, body, session);
const bulk = (body: Record<string, unknown>, session: AdminSession = moderator) =>
  post('/moderation/comments/bulk', body, session);
const statusOf = async (id: string): Promise<Status> => (await commentRow(app.strapi, id)).moderationStatus;
const statusesOf = (ids: string[]) => Promise.all(ids.map(statusOf));
const eventCount = (ids: string[]) =>
  app.strapi.db.query(EVENT_UID).count({ where: { commentDocumentId: { $in: ids } } });

describe('access control', () => {
  let commentId: string;
  beforeAll(async () => {
    commentId = await newComment(app, articleId);
  });

  const endpoints = (): [string, string, unknown?][] => [
    ['GET', '/moderation/comments'],
    ['GET', `/moderation/comments/${commentId}`],
    ['POST', `/moderation/comments/${commentId}/approve`, {}],
    ['POST', `/moderation/comments/${commentId}/reject`, { reason: 'spam' }],
    ['POST', `/moderation/comments/${commentId}/reopen`, {}],
    ['POST', '/moderation/comments/bulk', { action: 'approve', documentIds: [commentId] }],
    ['GET', '/moderation/stats'],
    ['GET', '/moderation/settings'],
    ['PUT', '/moderation/settings', { maxLinks: 50 }],
    ['POST', '/moderation/screen', { text: 'متن آزمایشی' }],
  ];

  const send = (method: string, path: string, body: unknown, session?: AdminSession) => {
    const request =
      method === 'GET' ? app.http().get(path) : method === 'PUT' ? app.http().put(path) : app.http().post(path);
    if (session) request.set('Authorization', session.auth);
    return body === undefined ? request : request.send(body as object);
  };

  it('answers 401 on every endpoint without a token', async () => {
    for (const [method, path, body] of endpoints()) {
      const response = await send(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, 401]);
    }
    expect(await statusOf(commentId)).toBe('pending');
  });

  it('answers 401 for a forged token', async () => {
    const response = await app.http().get('/moderation/comments').set('Authorization', 'Bearer not-a-real-token');
    expect(response.status).toBe(401);
  });

  it.each([
    ['strapi-editor', () => editor],
    ['strapi-author', () => author],
  ])('answers 403 on every endpoint for the role %s, changing nothing', async (_role, session) => {
    for (const [method, path, body] of endpoints()) {
      const response = await send(method, path, body, session());
      expect([method, path, response.status]).toEqual([method, path, 403]);
    }
    expect(await statusOf(commentId)).toBe('pending');
    expect(await eventsFor(app.strapi, commentId)).toHaveLength(0);
    expect((await get('/moderation/settings', superAdmin)).body.data.maxLinks).toBe(2);
  });

  it.each([
    ['khabar-moderator', () => moderator],
    ['strapi-super-admin', () => superAdmin],
  ])('lets %s read and moderate', async (_role, session) => {
    const id = await newComment(app, articleId);
    expect((await get('/moderation/comments', session())).status).toBe(200);
    expect((await get(`/moderation/comments/${id}`, session())).status).toBe(200);
    expect((await get('/moderation/stats', session())).status).toBe(200);
    expect((await act(id, 'approve', {}, session())).status).toBe(200);
    expect((await act(id, 'reject', { reason: 'other' }, session())).status).toBe(200);
    expect((await act(id, 'reopen', {}, session())).status).toBe(200);
    expect((await bulk({ action: 'approve', documentIds: [id] }, session())).status).toBe(200);
  });
});

describe('GET /moderation/comments', () => {
  let listArticle: string;
  let ids: string[];

  beforeAll(async () => {
    listArticle = (await createArticle(app.strapi, { title: 'فهرست صف بررسی' })).documentId;
    ids = [];
    for (const status of ['pending', 'approved', 'pending', 'rejected', 'pending'] as const) {
      ids.push(
        await commentWithStatus(
          app,
          listArticle,
          status,
          { authorEmail: `reader${ids.length}@example.ir` },
          { 'User-Agent': `KhabarReader/${ids.length}` },
        ),
      );
    }
  });

  const listIds = (body: { data: { documentId: string }[] }) => body.data.map((item) => item.documentId);

  it('shows every status with private fields and the article title, oldest first', async () => {
    const response = await get(`/moderation/comments?article=${listArticle}`, moderator);
    expect(response.status).toBe(200);
    expect(listIds(response.body)).toEqual(ids);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 50, total: 5, pageCount: 1 });
    const first = response.body.data[0];
    expect(first).toMatchObject({
      documentId: ids[0],
      moderationStatus: 'pending',
      authorEmail: 'reader0@example.ir',
      article: { documentId: listArticle, title: 'فهرست صف بررسی' },
    });
    expect(first.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.userAgent).toBe('KhabarReader/0');
    expect(first).toHaveProperty('screening');
    expect(first).toHaveProperty('moderationNote');
    expect(first).toHaveProperty('moderatedBy');
  });

  it('filters by moderationStatus', async () => {
    for (const [status, expected] of [
      ['pending', [ids[0], ids[2], ids[4]]],
      ['approved', [ids[1]]],
      ['rejected', [ids[3]]],
    ] as const) {
      const response = await get(`/moderation/comments?article=${listArticle}&moderationStatus=${status}`, moderator);
      expect(response.status).toBe(200);
      expect(listIds(response.body)).toEqual(expected);
      expect(response.body.meta.pagination.total).toBe(expected.length);
    }
  });

  it('filters by article', async () => {
    const other = await newComment(app, secondArticleId);
    const response = await get(`/moderation/comments?article=${secondArticleId}&pageSize=200`, moderator);
    expect(listIds(response.body)).toContain(other);
    for (const item of response.body.data) expect(item.article.documentId).toBe(secondArticleId);
    expect(listIds(response.body)).not.toContain(ids[0]);
  });

  it('sorts newest first on request', async () => {
    const response = await get(`/moderation/comments?article=${listArticle}&sort=createdAt:desc`, moderator);
    expect(listIds(response.body)).toEqual([...ids].reverse());
  });

  it('paginates', async () => {
    const page2 = await get(`/moderation/comments?article=${listArticle}&page=2&pageSize=2`, moderator);
    expect(page2.status).toBe(200);
    expect(listIds(page2.body)).toEqual(ids.slice(2, 4));
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
    const page3 = await get(`/moderation/comments?article=${listArticle}&page=3&pageSize=2`, moderator);
    expect(listIds(page3.body)).toEqual(ids.slice(4));
  });

  it.each([
    'moderationStatus=published',
    'moderationStatus=',
    'pageSize=0',
    'pageSize=201',
    'pageSize=abc',
    'page=0',
    'page=-1',
    'sort=authorEmail:asc',
    'sort=createdAt',
    'article=',
  ])('refuses %s with 400 and a Persian and English message', async (params) => {
    const response = await get(`/moderation/comments?${params}`, moderator);
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
  });
});

describe('GET /moderation/comments/:documentId', () => {
  it('shows one comment with its private fields', async () => {
    const id = await newComment(app, articleId, { authorEmail: 'one@example.ir' });
    const response = await get(`/moderation/comments/${id}`, moderator);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: id,
      moderationStatus: 'pending',
      authorEmail: 'one@example.ir',
      rejectionReason: null,
      moderatedBy: null,
      moderatedAt: null,
      article: { documentId: articleId, title: ARTICLE_TITLE },
    });
  });

  it('answers 404 with a Persian and English message for an unknown id', async () => {
    const response = await get('/moderation/comments/doesnotexist000000000000', moderator);
    expect(response.status).toBe(404);
    expectLocalizedError(response.body);
    expect(response.body.error.details.code).toBe('moderation_not_found');
  });
});

describe('approve, reject and reopen', () => {
  it('approve records the status, the moderator and the time', async () => {
    const id = await newComment(app, articleId);
    const before = Date.now();
    const response = await act(id, 'approve');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: id,
      moderationStatus: 'approved',
      rejectionReason: null,
      moderatedBy: { id: moderator.id },
    });
    const row = await commentRow(app.strapi, id);
    expect(row.moderationStatus).toBe('approved');
    expect(row.moderatedBy.id).toBe(moderator.id);
    expect(new Date(row.moderatedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(200);
  });

  it('reject records the reason and the note', async () => {
    const id = await newComment(app, articleId);
    const response = await act(id, 'reject', { reason: 'off_topic', note: '  ربطی به خبر ندارد  ' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      moderationStatus: 'rejected',
      rejectionReason: 'off_topic',
      moderationNote: 'ربطی به خبر ندارد',
      moderatedBy: { id: moderator.id },
    });
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(404);
  });

  it('reopen puts a decided comment back in the queue and clears the reason', async () => {
    const id = await commentWithStatus(app, articleId, 'rejected');
    const response = await act(id, 'reopen', {}, superAdmin);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      moderationStatus: 'pending',
      rejectionReason: null,
      moderatedBy: { id: superAdmin.id },
    });
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['an unknown reason', { reason: 'rude' }],
    ['a reason of the wrong type', { reason: ['spam'] }],
  ])('reject with %s answers 400 and changes nothing', async (_label, body) => {
    const id = await newComment(app, articleId);
    const response = await act(id, 'reject', body);
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    expect(response.body.error.details.code).toBe('moderation_reason_required');
    expect(await statusOf(id)).toBe('pending');
    expect(await eventsFor(app.strapi, id)).toHaveLength(0);
  });

  it('approve with a reason answers 400 and changes nothing', async () => {
    const id = await newComment(app, articleId);
    const response = await act(id, 'approve', { reason: 'spam' });
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    expect(await statusOf(id)).toBe('pending');
  });

  it('a note that is too long or not text answers 400', async () => {
    const id = await newComment(app, articleId);
    for (const note of ['ن'.repeat(2001), 42, { text: 'x' }]) {
      const response = await act(id, 'approve', { note });
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
    }
    expect(await statusOf(id)).toBe('pending');
  });

  it.each([
    ['approve', 'approved', {}],
    ['reject', 'rejected', { reason: 'spam' }],
    ['reopen', 'pending', {}],
  ] as const)('%s on a comment already %s answers 409 and records nothing', async (action, status, body) => {
    const id = await commentWithStatus(app, articleId, status);
    const before = await commentRow(app.strapi, id);
    const events = await eventsFor(app.strapi, id);
    const response = await act(id, action, body);
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({
      code: 'moderation_already_in_status',
      documentId: id,
      moderationStatus: status,
    });
    expectLocalizedError(response.body);
    expect(await commentRow(app.strapi, id)).toEqual(before);
    expect(await eventsFor(app.strapi, id)).toEqual(events);
  });

  it('approving twice answers 200 then 409', async () => {
    const id = await newComment(app, articleId);
    expect((await act(id, 'approve')).status).toBe(200);
    expect((await act(id, 'approve', {}, superAdmin)).status).toBe(409);
    expect((await commentRow(app.strapi, id)).moderatedBy.id).toBe(moderator.id);
    expect(await eventsFor(app.strapi, id)).toHaveLength(1);
  });

  it.each(['approve', 'reject', 'reopen'])('%s on an unknown id answers 404', async (action) => {
    const response = await act('doesnotexist000000000000', action, { reason: 'spam' });
    expect(response.status).toBe(404);
    expectLocalizedError(response.body);
  });
});

describe('POST /moderation/comments/bulk', () => {
  const fresh = async (count: number, status: Status = 'pending') => {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) ids.push(await commentWithStatus(app, articleId, status));
    return ids;
  };

  it('approves every listed comment', async () => {
    const ids = await fresh(3);
    const response = await bulk({ action: 'approve', documentIds: ids });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual(
      ids.map((documentId) => ({ documentId, from: 'pending', to: 'approved', rejectionReason: null })),
    );
    expect(await statusesOf(ids)).toEqual(['approved', 'approved', 'approved']);
    expect(await eventCount(ids)).toBe(3);
  });

  it('rejects every listed comment with the reason', async () => {
    const ids = await fresh(2);
    const response = await bulk({ action: 'reject', reason: 'spam', note: 'تبلیغ', documentIds: ids });
    expect(response.status).toBe(200);
    for (const id of ids) {
      expect(await commentRow(app.strapi, id)).toMatchObject({
        moderationStatus: 'rejected',
        rejectionReason: 'spam',
        moderationNote: 'تبلیغ',
      });
    }
  });

  it('reopens every listed comment, from approved and rejected alike', async () => {
    const ids = [...(await fresh(1, 'approved')), ...(await fresh(1, 'rejected'))];
    const response = await bulk({ action: 'reopen', documentIds: ids });
    expect(response.status).toBe(200);
    expect(response.body.data.map((r: { from: string }) => r.from)).toEqual(['approved', 'rejected']);
    expect(await statusesOf(ids)).toEqual(['pending', 'pending']);
  });

  it('treats a repeated id once', async () => {
    const [id] = await fresh(1);
    const response = await bulk({ action: 'approve', documentIds: [id, id, id] });
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(await eventsFor(app.strapi, id)).toHaveLength(1);
  });

  it.each(['approve', 'reject', 'reopen'])('%s with one unknown id answers 404 and changes nothing', async (action) => {
    const ids = [...(await fresh(1, action === 'reopen' ? 'approved' : 'pending')), ...(await fresh(1, 'rejected'))];
    const targets = action === 'reopen' ? ids : [ids[0]];
    const before = await statusesOf(ids);
    const events = await eventCount(ids);
    const response = await bulk({
      action,
      reason: action === 'reject' ? 'other' : undefined,
      documentIds: [...targets, 'doesnotexist000000000000'],
    });
    expect(response.status).toBe(404);
    expectLocalizedError(response.body);
    expect(response.body.error.details.documentIds).toEqual(['doesnotexist000000000000']);
    expect(await statusesOf(ids)).toEqual(before);
    expect(await eventCount(ids)).toBe(events);
  });

  it('approve with one already-approved comment answers 409 and changes nothing', async () => {
    const pending = await fresh(3);
    const [approved] = await fresh(1, 'approved');
    const ids = [...pending, approved];
    const events = await eventCount(ids);
    const response = await bulk({ action: 'approve', documentIds: ids });
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'moderation_already_in_status', documentId: approved });
    expectLocalizedError(response.body);
    expect(await statusesOf(ids)).toEqual(['pending', 'pending', 'pending', 'approved']);
    expect(await eventCount(ids)).toBe(events);
  });

  it('names every conflicting comment when several conflict', async () => {
    const [pending] = await fresh(1);
    const rejected = await fresh(2, 'rejected');
    const response = await bulk({ action: 'reject', reason: 'spam', documentIds: [pending, ...rejected] });
    expect(response.status).toBe(409);
    expect([...response.body.error.details.documentIds].sort()).toEqual([...rejected].sort());
    expect(await statusOf(pending)).toBe('pending');
  });

  it.each([
    ['no ids', () => ({ action: 'approve' })],
    ['an empty list', () => ({ action: 'approve', documentIds: [] })],
    ['more than 500 ids', () => ({ action: 'approve', documentIds: Array.from({ length: 501 }, (_, i) => `id${i}`) })],
    ['ids that are not strings', () => ({ action: 'approve', documentIds: [1, 2] })],
    ['an empty-string id', () => ({ action: 'approve', documentIds: [''] })],
    ['ids as a string', () => ({ action: 'approve', documentIds: 'abc' })],
    ['an unknown action', () => ({ action: 'delete', documentIds: ['abc'] })],
    ['no action', () => ({ documentIds: ['abc'] })],
    ['reject without a reason', () => ({ action: 'reject', documentIds: ['abc'] })],
    ['reject with an unknown reason', () => ({ action: 'reject', reason: 'rude', documentIds: ['abc'] })],
  ])('refuses %s with 400', async (_label, body) => {
    const response = await bulk(body());
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
  });

  it('accepts exactly 500 ids (and answers 404 when they are unknown)', async () => {
    const [id] = await fresh(1);
    const ids = [id, ...Array.from({ length: 499 }, (_, i) => `unknown${i}`)];
    const response = await bulk({ action: 'approve', documentIds: ids });
    expect(response.status).toBe(404);
    expect(await statusOf(id)).toBe('pending');
  });
});

describe('GET /moderation/stats', () => {
  it('gives overall and per-article counts equal to the database', async () => {
    const article = (await createArticle(app.strapi, { title: 'آمار بررسی' })).documentId;
    await commentWithStatus(app, article, 'pending');
    await commentWithStatus(app, article, 'approved');
    await commentWithStatus(app, article, 'rejected');
    await commentWithStatus(app, article, 'rejected');
    const response = await get('/moderation/stats', moderator);
    expect(response.status).toBe(200);
    expect(response.body.data.overall).toEqual(await sqlCounts(app.strapi));
    const one = await get(`/moderation/stats?article=${article}`, moderator);
    expect(one.status).toBe(200);
    expect(one.body.data.overall).toEqual(response.body.data.overall);
    expect(one.body.data.articles).toEqual([
      { documentId: article, title: 'آمار بررسی', total: 4, pending: 1, approved: 1, rejected: 2 },
    ]);
    expect(one.body.meta.pagination).toEqual({ page: 1, pageSize: 50, total: 1, pageCount: 1 });
    for (const item of response.body.data.articles) {
      const { total, pending, approved, rejected } = await sqlCounts(app.strapi, item.documentId);
      expect(item).toMatchObject({ total, pending, approved, rejected });
    }
    const documentIds = response.body.data.articles.map((a: { documentId: string }) => a.documentId);
    expect(new Set(documentIds).size).toBe(documentIds.length);
  });

  it('pages through every article with comments, the most pending (or of another counter) first', async () => {
    const busier = (await createArticle(app.strapi, { title: 'آمار صفحه‌ها' })).documentId;
    for (let i = 0; i < 3; i += 1) await commentWithStatus(app, busier, 'rejected');
    for (const sort of ['pending', 'approved', 'rejected', 'total'] as const) {
      const seen: { documentId: string; total: number; pending: number; approved: number; rejected: number }[] = [];
      let pageCount = 1;
      for (let page = 1; page <= pageCount; page += 1) {
        const response = await get(`/moderation/stats?sort=${sort}&pageSize=2&page=${page}`, moderator);
        expect(response.status).toBe(200);
        expect(response.body.data.articles.length).toBeLessThanOrEqual(2);
        pageCount = response.body.meta.pagination.pageCount;
        seen.push(...response.body.data.articles);
      }
      const overall = await sqlCounts(app.strapi);
      // Every article with comments once, their counts adding up to the overall ones.
      expect(new Set(seen.map((a) => a.documentId)).size).toBe(seen.length);
      expect(seen.reduce((sum, a) => sum + a.total, 0)).toBe(overall.total);
      expect(seen.reduce((sum, a) => sum + a.pending, 0)).toBe(overall.pending);
      expect(seen.every((a) => a.total > 0)).toBe(true);
      const keys = seen.map((a) => a[sort]);
      expect(keys).toEqual([...keys].sort((a, b) => b - a));
      expect(seen.find((a) => a.documentId === busier)).toMatchObject({ rejected: 3, total: 3 });
    }
  });

  it('answers an empty page past the last one, with the number of articles', async () => {
    const first = await get('/moderation/stats?pageSize=1', moderator);
    const past = await get(`/moderation/stats?pageSize=1&page=${first.body.meta.pagination.total + 1}`, moderator);
    expect(past.status).toBe(200);
    expect(past.body.data.articles).toEqual([]);
    expect(past.body.meta.pagination.total).toBe(first.body.meta.pagination.total);
    const none = await get('/moderation/stats?article=no-such-article', moderator);
    expect(none.body.data.articles).toEqual([]);
    expect(none.body.meta.pagination.total).toBe(0);
  });

  it.each(['pageSize=201', 'pageSize=0', 'page=0', 'page=1e3', 'sort=title', 'article='])(
    'refuses ?%s with a 400 naming the parameter',
    async (query) => {
      const response = await get(`/moderation/stats?${query}`, moderator);
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('moderation_bad_query');
    },
  );
});

describe('GET /moderation/stats for articles outside the default locale', () => {
  it('lists an article published only in English with its counts', async () => {
    const article = (await createArticle(app.strapi, { title: 'An English-only story' }, { locale: 'en' })).documentId;
    await commentWithStatus(app, article, 'pending');
    await commentWithStatus(app, article, 'approved');
    const response = await get(`/moderation/stats?article=${article}`, moderator);
    expect(response.status).toBe(200);
    expect(response.body.data.articles).toEqual([
      {
        documentId: article,
        title: 'An English-only story',
        total: 2,
        pending: 1,
        approved: 1,
        rejected: 0,
      },
    ]);
  });
});

describe('audit trail', () => {
  it('records one event per effective transition with from, to, reason, note and actor', async () => {
    const id = await newComment(app, articleId);
    expect((await act(id, 'approve', { note: 'خوب است' })).status).toBe(200);
    expect((await act(id, 'approve')).status).toBe(409);
    expect((await act(id, 'reject', { reason: 'slander', note: 'توهین' }, superAdmin)).status).toBe(200);
    expect((await act(id, 'reject', { reason: 'spam' })).status).toBe(409);
    expect((await act(id, 'reopen')).status).toBe(200);
    expect((await bulk({ action: 'approve', documentIds: [id] })).status).toBe(200);

    const events = await eventsFor(app.strapi, id);
    expect(
      events.map((e: any) => ({
        from: e.fromStatus,
        to: e.toStatus,
        reason: e.reason,
        note: e.note,
        actor: e.actor?.id ?? null,
      })),
    ).toEqual([
      { from: 'pending', to: 'approved', reason: null, note: 'خوب است', actor: moderator.id },
      { from: 'approved', to: 'rejected', reason: 'slander', note: 'توهین', actor: superAdmin.id },
      { from: 'rejected', to: 'pending', reason: null, note: null, actor: moderator.id },
      { from: 'pending', to: 'approved', reason: null, note: null, actor: moderator.id },
    ]);
    for (const event of events) {
      expect(typeof event.actorLabel).toBe('string');
      expect(event.actorLabel.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
    }
  });

  describe('cannot be rewritten', () => {
    let event: any;
    beforeAll(async () => {
      const id = await commentWithStatus(app, articleId, 'rejected');
      [event] = await eventsFor(app.strapi, id);
    });
    const unchanged = async () => {
      const now = await app.strapi.db.query(EVENT_UID).findOne({ where: { id: event.id }, populate: { actor: true } });
      expect(now).toEqual(event);
    };
    const path = () => `/content-manager/collection-types/${EVENT_UID}/${event.documentId}`;

    it('through the content manager: PUT answers 4xx', async () => {
      const response = await app
        .http()
        .put(path())
        .set('Authorization', superAdmin.auth)
        .send({ toStatus: 'approved', note: 'دستکاری' });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      await unchanged();
    });

    it('through the content manager: DELETE answers 4xx', async () => {
      const response = await app.http().delete(path()).set('Authorization', superAdmin.auth);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      await unchanged();
    });

    it('through the content manager: the refusal explains itself in Persian and English', async () => {
      const response = await app.http().delete(path()).set('Authorization', superAdmin.auth);
      expect(response.status).toBe(403);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('audit_read_only');
      await unchanged();
    });

    it('through the content manager: POST of a forged event answers 4xx', async () => {
      const before = await app.strapi.db.query(EVENT_UID).count();
      const response = await app
        .http()
        .post(`/content-manager/collection-types/${EVENT_UID}`)
        .set('Authorization', superAdmin.auth)
        .send({ commentDocumentId: 'x', toStatus: 'approved', occurredAt: new Date().toISOString() });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await app.strapi.db.query(EVENT_UID).count()).toBe(before);
    });

    it('in code: strapi.db.query delete, deleteMany, update and create throw', async () => {
      const events = app.strapi.db.query(EVENT_UID);
      await expect(events.delete({ where: { id: event.id } })).rejects.toThrow();
      await expect(events.deleteMany({ where: { id: event.id } })).rejects.toThrow();
      await expect(events.update({ where: { id: event.id }, data: { note: 'x' } })).rejects.toThrow();
      await expect(
        events.create({ data: { commentDocumentId: 'x', toStatus: 'approved', occurredAt: new Date() } }),
      ).rejects.toThrow();
      await unchanged();
    });

    it('in code: the Document Service delete and update throw', async () => {
      const documents = app.strapi.documents(EVENT_UID);
      await expect(documents.delete({ documentId: event.documentId })).rejects.toThrow();
      await expect(documents.update({ documentId: event.documentId, data: { note: 'x' } } as never)).rejects.toThrow();
      await unchanged();
    });
  });
});

describe('webhooks', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingHttpHeaders; body: any; raw: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => {
        raw += chunk;
      });
      request.on('end', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(raw);
        } catch {
          body = null;
        }
        received.push({ headers: { ...request.headers, method: request.method }, body, raw });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const webhook = await app.strapi.get('webhookStore').createWebhook({
      name: 'moderation test hook',
      url,
      headers: {},
      events: ['comment.approved', 'comment.rejected'],
      isEnabled: true,
    });
    app.strapi.get('webhookRunner').add(webhook);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const waitFor = async (predicate: () => boolean) => {
    for (let attempt = 0; attempt < 100 && !predicate(); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const deliveriesFor = (id: string) => received.filter((r) => r.body?.entry?.documentId === id);

  it('posts comment.approved with the comment id and no private data', async () => {
    const id = await newComment(app, articleId, { authorEmail: 'hook.secret@example.ir' });
    expect((await act(id, 'approve', { note: 'یادداشت خصوصی وبهوک' })).status).toBe(200);
    await waitFor(() => deliveriesFor(id).length > 0);
    const [delivery] = deliveriesFor(id);
    expect(delivery).toBeDefined();
    expect(delivery.headers.method).toBe('POST');
    expect(delivery.headers['x-strapi-event']).toBe('comment.approved');
    expect(delivery.body).toMatchObject({
      event: 'comment.approved',
      entry: { documentId: id, moderationStatus: 'approved', article: { documentId: articleId } },
    });
    // What a CDN must purge (issue #11): the cache tags and URLs of the article's public answers.
    expect(delivery.body.purge.tags).toContain(`article:${articleId}`);
    expect(delivery.body.purge.urls).toEqual([`/api/articles/${articleId}`, `/api/comments/${id}`]);
    const row = await commentRow(app.strapi, id);
    for (const forbidden of ['authorEmail', 'ipHash', 'userAgent', 'moderationNote', 'screening', 'fingerprint']) {
      expect(delivery.raw).not.toContain(forbidden);
    }
    for (const value of ['hook.secret@example.ir', row.ipHash, 'یادداشت خصوصی وبهوک']) {
      expect(delivery.raw).not.toContain(value);
    }
  });

  it('posts comment.rejected, and nothing for a reopen or a refused action', async () => {
    const id = await newComment(app, articleId);
    expect((await act(id, 'reject', { reason: 'spam' })).status).toBe(200);
    expect((await act(id, 'reject', { reason: 'spam' })).status).toBe(409);
    expect((await act(id, 'reopen')).status).toBe(200);
    expect((await act(id, 'approve')).status).toBe(200);
    await waitFor(() => deliveriesFor(id).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let any stray delivery arrive
    const events = deliveriesFor(id).map((delivery) => delivery.body.event);
    expect(events.sort()).toEqual(['comment.approved', 'comment.rejected']);
  });

  it('posts one delivery per comment of a bulk action', async () => {
    const ids = [await newComment(app, articleId), await newComment(app, articleId)];
    expect((await bulk({ action: 'approve', documentIds: ids })).status).toBe(200);
    await waitFor(() => ids.every((id) => deliveriesFor(id).length > 0));
    for (const id of ids) expect(deliveriesFor(id)).toHaveLength(1);
  });

  it('posts nothing when a bulk action is refused', async () => {
    const [pending, approved] = [await newComment(app, articleId), await commentWithStatus(app, articleId, 'approved')];
    await waitFor(() => deliveriesFor(approved).length > 0);
    expect((await bulk({ action: 'approve', documentIds: [pending, approved] })).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deliveriesFor(pending)).toHaveLength(0);
    expect(deliveriesFor(approved)).toHaveLength(1);
  });

  // Last in this block: from here on every approval is also delivered as entry.update.
  it("also posts Strapi's entry.update, the event the admin webhook form offers", async () => {
    const webhook = await app.strapi.get('webhookStore').createWebhook({
      name: 'entry update hook',
      url,
      headers: {},
      events: ['entry.update'],
      isEnabled: true,
    });
    app.strapi.get('webhookRunner').add(webhook);
    const id = await newComment(app, articleId, { authorEmail: 'entry.secret@example.ir' });
    expect((await act(id, 'approve')).status).toBe(200);
    await waitFor(() => deliveriesFor(id).some((delivery) => delivery.body.event === 'entry.update'));
    const delivery = deliveriesFor(id).find((candidate) => candidate.body.event === 'entry.update');
    expect(delivery?.body).toMatchObject({ model: 'comment', entry: { documentId: id, moderationStatus: 'approved' } });
    expect(delivery?.raw).not.toContain('entry.secret@example.ir');
  });
});

describe('the Moderator role', () => {
  it('can read articles but not create, edit or publish them', async () => {
    const article = await createArticle(app.strapi, { title: 'خبری که ناظر نباید منتشر کند' }, { published: false });
    const base = '/content-manager/collection-types/api::article.article';
    const read = await app.http().get(`${base}/${article.documentId}`).set('Authorization', moderator.auth);
    expect(read.status).toBe(200);
    const publish = await app
      .http()
      .post(`${base}/${article.documentId}/actions/publish`)
      .set('Authorization', moderator.auth)
      .send({});
    expect(publish.status).toBe(403);
    const create = await app.http().post(base).set('Authorization', moderator.auth).send({ title: 'خبر تازه' });
    expect(create.status).toBe(403);
    const update = await app
      .http()
      .put(`${base}/${article.documentId}`)
      .set('Authorization', moderator.auth)
      .send({ title: 'عنوان دیگر' });
    expect(update.status).toBe(403);
    const published = await app.strapi.db
      .query('api::article.article')
      .count({ where: { documentId: article.documentId, publishedAt: { $notNull: true } } });
    expect(published).toBe(0);
  });

  it('is restored with the same permissions at every boot', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'khabar-moderator' } });
    await app.strapi.service('admin::role').assignPermissions(role.id, []);
    const { ensureModeratorRole } = await import('../../src/bootstrap/moderator-role');
    await ensureModeratorRole(app.strapi);
    const actions = (await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id } })).map(
      (permission: { action: string }) => permission.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['api::moderation.moderate', 'plugin::content-manager.explorer.read']),
    );
    expect(actions).not.toContain('plugin::content-manager.explorer.publish');
  });
});

describe('webhooks set up through the admin API', () => {
  it('accept the comment.approved and comment.rejected events', async () => {
    const response = await app
      .http()
      .post('/admin/webhooks')
      .set('Authorization', superAdmin.auth)
      .send({
        name: 'frontend refresh',
        url: 'https://frontend.example/refresh',
        headers: {},
        events: ['comment.approved', 'comment.rejected'],
      });
    expect(response.status).toBe(201);
    expect(response.body.data.events).toEqual(['comment.approved', 'comment.rejected']);
  });
});

describe('text the database cannot store is refused with a 400, never a 500', () => {
  it.each([
    ['a NUL in a query parameter', () => get('/moderation/comments?article=%00', moderator)],
    ['a NUL in a comment id', () => get('/moderation/comments/%00', moderator)],
    ['a NUL under an upper-case path', () => get('/MODERATION/comments?article=%00', moderator)],
    ['a NUL in an approved id', () => post('/moderation/comments/%00/approve', {}, moderator)],
    [
      'a NUL in a rejection note',
      async () => act(await newComment(app, articleId), 'reject', { reason: 'spam', note: 'a\u0000b' }),
    ],
    ['a NUL in a bulk id', () => bulk({ action: 'approve', documentIds: ['a\u0000'] })],
    [
      'a NUL in the word list',
      () =>
        app
          .http()
          .put('/moderation/settings')
          .set('Authorization', moderator.auth)
          .send({ blocklist: ['a\u0000b'] }),
    ],
    [
      'a lone surrogate in the word list',
      () =>
        app
          .http()
          .put('/moderation/settings')
          .set('Authorization', moderator.auth)
          .send({ blocklist: ['a\ud800b'] }),
    ],
    [
      'a NUL in a screening preview',
      () => post('/moderation/screen', { text: 'متن آزمایشی', article: 'a\u0000' }, moderator),
    ],
  ])('%s', async (_label, request) => {
    const response = await request();
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('request_bad_characters');
    expectLocalizedError(response.body);
  });
});

describe('the largest word list the settings allow', () => {
  it('fits in one PUT /moderation/settings (5,000 Persian terms of 100 characters)', async () => {
    const blocklist = Array.from({ length: 5000 }, (_, index) => `${'ک'.repeat(94)}${String(index).padStart(6, '0')}`);
    const response = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ blocklist });
    expect(response.status).toBe(200);
    expect((await get('/moderation/settings', moderator)).body.data.blocklist).toHaveLength(5000);
  });
});
