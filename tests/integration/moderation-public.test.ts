import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createSource, query } from '../helpers/content';
import {
  COMMENT_UID,
  commentBody,
  commentCount,
  commentRow,
  commentWithStatus,
  expectLocalizedError,
  fewestQueries,
  newComment,
  postComment,
  publicStats,
} from '../helpers/moderation';
import { runningCache } from '../helpers/public-cache';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let moderator: AdminSession;
let superAdmin: AdminSession;

/** The article the read tests look at, with comments in every status. */
let articleId: string;
/** A second article, so list filters by article have something to exclude. */
let otherArticleId: string;

const SECRET_EMAIL = 'secret.reader@example.ir';
const SECRET_AGENT = 'SecretAgent/7.7 (khabar-test)';
const SECRET_NOTE = 'یادداشت محرمانهٔ ناظر';

let approvedIds: string[] = [];
let approvedBodies: string[] = [];
let pendingId: string;
let pendingBody: string;
let rejectedId: string;
let rejectedBody: string;
let otherApprovedId: string;
let secretHash: string;

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  superAdmin = await createAdmin(app.strapi, app.http);
  articleId = (await createArticle(app.strapi, { title: 'بودجهٔ شهرداری تهران' })).documentId;
  otherArticleId = (await createArticle(app.strapi, { title: 'گزارش هواشناسی' })).documentId;

  approvedBodies = [commentBody('نخستین'), commentBody('دومین'), commentBody('سومین')];
  approvedIds = [];
  for (const [index, body] of approvedBodies.entries()) {
    const response = await app
      .http()
      .post('/api/comments')
      .set('User-Agent', SECRET_AGENT)
      .send({
        data: { article: articleId, authorName: `خواننده ${index}`, authorEmail: `${index}${SECRET_EMAIL}`, body },
      });
    expect(response.status).toBe(201);
    approvedIds.push(response.body.data.documentId);
  }
  // Approved by a real moderator with a private note, so moderatedBy/moderationNote are set.
  for (const id of approvedIds) {
    const response = await app
      .http()
      .post(`/moderation/comments/${id}/approve`)
      .set('Authorization', moderator.auth)
      .send({ note: SECRET_NOTE });
    expect(response.status).toBe(200);
  }
  pendingBody = commentBody('در انتظار');
  pendingId = await newComment(app, articleId, { body: pendingBody, authorEmail: SECRET_EMAIL });
  rejectedBody = commentBody('ردشده');
  rejectedId = await commentWithStatus(app, articleId, 'rejected', { body: rejectedBody, authorEmail: SECRET_EMAIL });
  otherApprovedId = await commentWithStatus(app, otherArticleId, 'approved');
  secretHash = (await commentRow(app.strapi, approvedIds[0])).ipHash;
});
afterAll(async () => {
  await app.stop();
});

// Issue #14 added the readers' counters and the approved replies to the public shape.
const PUBLIC_ITEM_KEYS = ['article', 'authorName', 'body', 'createdAt', 'documentId', 'reactions', 'replies'];
const PRIVATE_VALUES = () => [SECRET_EMAIL, SECRET_AGENT, SECRET_NOTE, pendingBody, rejectedBody];
const leaksPrivate = (body: unknown) => {
  const text = JSON.stringify(body);
  return PRIVATE_VALUES().some((value) => text.includes(value)) || /[0-9a-f]{64}/.test(text);
};

describe('POST /api/comments', () => {
  it('answers 201 with exactly the public fields of a pending comment', async () => {
    const body = commentBody();
    const response = await app
      .http()
      .post('/api/comments')
      .send({ data: { article: articleId, authorName: ' علی ', authorEmail: 'ali@example.ir', body } });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(['data']);
    expect(Object.keys(response.body.data).sort()).toEqual([
      'authorName',
      'body',
      'createdAt',
      'documentId',
      'moderationStatus',
    ]);
    expect(response.body.data).toMatchObject({ moderationStatus: 'pending', authorName: 'علی', body });
    expect(typeof response.body.data.documentId).toBe('string');
    expect(Number.isNaN(Date.parse(response.body.data.createdAt))).toBe(false);
    const row = await commentRow(app.strapi, response.body.data.documentId);
    expect(row).toMatchObject({ moderationStatus: 'pending', authorEmail: 'ali@example.ir', body });
    expect(row.article.documentId).toBe(articleId);
  });

  it('ignores every moderation and system field a reader sends (mass assignment)', async () => {
    const body = commentBody('نفوذی');
    const before = await commentCount(app.strapi);
    const response = await app
      .http()
      .post('/api/comments?status=published')
      .send({
        data: {
          article: articleId,
          authorName: 'نفوذی',
          body,
          moderationStatus: 'approved',
          rejectionReason: 'spam',
          moderationNote: 'injected',
          moderatedBy: moderator.id,
          moderatedAt: '2001-01-01T00:00:00.000Z',
          publishedAt: '2001-01-01T00:00:00.000Z',
          ipHash: 'injected-hash',
          userAgent: 'injected-agent',
          fingerprint: 'injected',
          id: 999999,
          documentId: 'chosenbyattacker00000000',
          locale: 'en',
          screening: { flags: [], language: 'fa', trusted: true },
          createdAt: '2001-01-01T00:00:00.000Z',
        },
      });
    expect(response.status).toBe(201);
    expect(response.body.data.moderationStatus).toBe('pending');
    expect(await commentCount(app.strapi)).toBe(before + 1);

    const row = await commentRow(app.strapi, response.body.data.documentId);
    expect(row.moderationStatus).toBe('pending');
    expect(row.rejectionReason).toBeNull();
    expect(row.moderationNote).toBeNull();
    expect(row.moderatedBy).toBeNull();
    expect(row.moderatedAt).toBeNull();
    expect(row.id).not.toBe(999999);
    expect(row.documentId).not.toBe('chosenbyattacker00000000');
    expect(row.locale).not.toBe('en');
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ipHash).not.toContain('127.0.0.1');
    expect(row.userAgent).not.toBe('injected-agent');
    expect(row.fingerprint).not.toBe('injected');
    expect(row.screening).not.toHaveProperty('trusted');
    expect(new Date(row.createdAt).getUTCFullYear()).not.toBe(2001);
    expect(await app.strapi.db.query(COMMENT_UID).count({ where: { documentId: 'chosenbyattacker00000000' } })).toBe(0);
    // Not public either.
    expect((await app.http().get(`/api/comments/${row.documentId}`)).status).toBe(404);
  });

  it('stores the same salted hash for the same address, never the address itself', async () => {
    const first = await commentRow(app.strapi, await newComment(app, articleId));
    const second = await commentRow(app.strapi, await newComment(app, articleId));
    expect(first.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.ipHash).toBe(first.ipHash);
  });

  describe('refuses bad input with 400 and a Persian and English message, storing nothing', () => {
    const cases: [string, () => Record<string, unknown> | undefined | string][] = [
      ['no data', () => undefined],
      ['data as a string', () => 'comment'],
      ['missing article', () => ({ authorName: 'مریم', body: commentBody() })],
      ['empty article', () => ({ article: '', authorName: 'مریم', body: commentBody() })],
      ['missing authorName', () => ({ article: articleId, body: commentBody() })],
      ['empty authorName', () => ({ article: articleId, authorName: '', body: commentBody() })],
      ['blank authorName', () => ({ article: articleId, authorName: '   ', body: commentBody() })],
      ['missing body', () => ({ article: articleId, authorName: 'مریم' })],
      ['empty body', () => ({ article: articleId, authorName: 'مریم', body: '' })],
      ['body of 1 character', () => ({ article: articleId, authorName: 'مریم', body: 'خ' })],
      ['body of 3001 characters', () => ({ article: articleId, authorName: 'مریم', body: 'ب'.repeat(3001) })],
      ['name of 81 characters', () => ({ article: articleId, authorName: 'م'.repeat(81), body: commentBody() })],
      [
        'invalid email',
        () => ({ article: articleId, authorName: 'مریم', authorEmail: 'not-an-email', body: commentBody() }),
      ],
      ['unknown article', () => ({ article: 'doesnotexist000000000000', authorName: 'مریم', body: commentBody() })],
    ];

    it.each(cases)('%s', async (_label, data) => {
      const before = await commentCount(app.strapi);
      const payload = data();
      const response = await app
        .http()
        .post('/api/comments')
        .send(payload === undefined ? {} : { data: payload });
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
      expect(typeof response.body.error.details.code).toBe('string');
      expect(await commentCount(app.strapi)).toBe(before);
    });

    it('names the failing field in the error details', async () => {
      const response = await postComment(app, { article: articleId, body: 'خ' });
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('comment_body_too_short');
      expect(response.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['body'], code: 'comment_body_too_short' }),
      ]);
    });

    it('accepts exactly 3000 characters and 80-character names', async () => {
      const response = await postComment(app, {
        article: articleId,
        authorName: 'م'.repeat(80),
        body: `${Math.random().toString(36).slice(2, 12).padEnd(10, 'x')}${'ب'.repeat(2990)}`,
      });
      expect(response.status).toBe(201);
      expect([...(await commentRow(app.strapi, response.body.data.documentId)).body]).toHaveLength(3000);
    });
  });

  describe('refuses comments on articles a reader cannot see', () => {
    const expectRefused = async (article: string) => {
      const before = await commentCount(app.strapi);
      const response = await postComment(app, { article });
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('comment_article_not_found');
      expect(await commentCount(app.strapi)).toBe(before);
    };

    it('a draft that was never published', async () => {
      const draft = await createArticle(app.strapi, { title: 'پیش‌نویس' }, { published: false });
      await expectRefused(draft.documentId);
    });

    it('an article whose only published version was unpublished', async () => {
      const article = await createArticle(app.strapi, { title: 'خبر پس‌گرفته' });
      await app.strapi.documents('api::article.article').unpublish({ documentId: article.documentId });
      await expectRefused(article.documentId);
    });

    it('a deleted article', async () => {
      const article = await createArticle(app.strapi, { title: 'خبر حذف‌شده' });
      await app.strapi.documents('api::article.article').delete({ documentId: article.documentId, locale: '*' });
      await expectRefused(article.documentId);
    });

    it('an article with comments closed answers 403 in Persian and English', async () => {
      const closed = await createArticle(app.strapi, { title: 'نظرها بسته', commentsEnabled: false });
      const before = await commentCount(app.strapi);
      const response = await postComment(app, { article: closed.documentId });
      expect(response.status).toBe(403);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('comment_comments_closed');
      expect(response.body.error.details.messages.fa).toContain('بسته');
      expect(await commentCount(app.strapi)).toBe(before);
    });
  });

  describe('malformed requests answer 4xx, never 500', () => {
    it('a text/plain body', async () => {
      const before = await commentCount(app.strapi);
      const response = await app.http().post('/api/comments').set('Content-Type', 'text/plain').send('hello');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await commentCount(app.strapi)).toBe(before);
    });

    it('malformed JSON', async () => {
      const before = await commentCount(app.strapi);
      const response = await app
        .http()
        .post('/api/comments')
        .set('Content-Type', 'application/json')
        .send('{"data": {"article": ');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await commentCount(app.strapi)).toBe(before);
    });

    it('a 2 MB body answers 413 or 400', async () => {
      const before = await commentCount(app.strapi);
      const response = await app
        .http()
        .post('/api/comments')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ data: { article: articleId, authorName: 'مریم', body: 'ب'.repeat(2 * 1024 * 1024) } }));
      expect([400, 413]).toContain(response.status);
      expect(await commentCount(app.strapi)).toBe(before);
    });
  });
});

describe('GET /api/comments and /api/comments/:id', () => {
  const listIds = (body: { data: { documentId: string }[] }) => body.data.map((item) => item.documentId);

  it('lists approved comments only', async () => {
    const response = await app.http().get('/api/comments?pagination[pageSize]=100');
    expect(response.status).toBe(200);
    expect(listIds(response.body).sort()).toEqual([...approvedIds, otherApprovedId].sort());
    expect(response.body.meta.pagination.total).toBe(approvedIds.length + 1);
    expect(leaksPrivate(response.body)).toBe(false);
  });

  it('shows each item with exactly documentId, authorName, body, createdAt, article.documentId, reactions and replies', async () => {
    const response = await app.http().get('/api/comments');
    for (const item of response.body.data) {
      expect(Object.keys(item).sort()).toEqual(PUBLIC_ITEM_KEYS);
      expect(Object.keys(item.article)).toEqual(['documentId']);
    }
    const one = await app.http().get(`/api/comments/${approvedIds[0]}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body.data).sort()).toEqual(PUBLIC_ITEM_KEYS);
    expect(one.body.data).toMatchObject({
      documentId: approvedIds[0],
      body: approvedBodies[0],
      article: { documentId: articleId },
    });
    expect(leaksPrivate(one.body)).toBe(false);
  });

  it('answers 404 for pending and rejected comments exactly like for a missing one', async () => {
    const missing = await app.http().get('/api/comments/doesnotexist000000000000');
    expect(missing.status).toBe(404);
    for (const id of [pendingId, rejectedId]) {
      const response = await app.http().get(`/api/comments/${id}`);
      expect(response.status).toBe(missing.status);
      expect(response.body).toEqual(missing.body);
      for (const status of ['draft', 'published']) {
        const withStatus = await app.http().get(`/api/comments/${id}?status=${status}`);
        expect(withStatus.status).toBe(404);
        expect(withStatus.body).toEqual(missing.body);
      }
    }
  });

  it('filters by article', async () => {
    const response = await app
      .http()
      .get(`/api/comments${query({ filters: { article: { documentId: { $eq: otherArticleId } } } })}`);
    expect(response.status).toBe(200);
    expect(listIds(response.body)).toEqual([otherApprovedId]);
    expect(response.body.meta.pagination.total).toBe(1);
  });

  it('sorts by createdAt both ways', async () => {
    const params = (sort: string) =>
      query({ filters: { article: { documentId: { $eq: articleId } } }, sort: [`createdAt:${sort}`] });
    const asc = await app.http().get(`/api/comments${params('asc')}`);
    const desc = await app.http().get(`/api/comments${params('desc')}`);
    expect(asc.status).toBe(200);
    expect(listIds(asc.body)).toEqual(approvedIds);
    expect(listIds(desc.body)).toEqual([...approvedIds].reverse());
  });

  it('paginates with page and pageSize', async () => {
    const page = (n: number) =>
      app
        .http()
        .get(
          `/api/comments${query({ filters: { article: { documentId: { $eq: articleId } } }, sort: ['createdAt:asc'], pagination: { page: n, pageSize: 2 } })}`,
        );
    const first = await page(1);
    const second = await page(2);
    expect(listIds(first.body)).toEqual(approvedIds.slice(0, 2));
    expect(listIds(second.body)).toEqual(approvedIds.slice(2));
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: approvedIds.length });
  });
});

describe('private fields and hidden comments cannot be probed', () => {
  const unfiltered = async () => (await app.http().get('/api/comments?pagination[pageSize]=100')).body;

  /** Same answer whether the probe matches a private value or not: 400, or the filter has no effect. */
  const expectNoOracle = async (matching: Record<string, unknown>, nonMatching: Record<string, unknown>) => {
    const hit = await app.http().get(`/api/comments${query({ ...matching, pagination: { pageSize: 100 } })}`);
    const miss = await app.http().get(`/api/comments${query({ ...nonMatching, pagination: { pageSize: 100 } })}`);
    expect(hit.status).toBeLessThan(500);
    expect(miss.status).toBe(hit.status);
    if (hit.status === 200) {
      expect(hit.body).toEqual(miss.body);
      expect(hit.body).toEqual(await unfiltered());
    } else {
      expect(hit.status).toBe(400);
    }
    expect(leaksPrivate(hit.body)).toBe(false);
  };

  it.each([
    [
      'authorEmail $eq',
      () => ({ authorEmail: { $eq: `0${SECRET_EMAIL}` } }),
      () => ({ authorEmail: { $eq: 'x@y.ir' } }),
    ],
    [
      'authorEmail $startsWith',
      () => ({ authorEmail: { $startsWith: '0secret' } }),
      () => ({ authorEmail: { $startsWith: 'zzz' } }),
    ],
    [
      'authorEmail $containsi',
      () => ({ authorEmail: { $containsi: 'SECRET' } }),
      () => ({ authorEmail: { $containsi: 'qqq' } }),
    ],
    ['ipHash $notNull', () => ({ ipHash: { $notNull: true } }), () => ({ ipHash: { $null: true } })],
    ['ipHash $eq', () => ({ ipHash: { $eq: secretHash } }), () => ({ ipHash: { $eq: 'z' } })],
    [
      'ipHash $startsWith',
      () => ({ ipHash: { $startsWith: secretHash.slice(0, 2) } }),
      () => ({ ipHash: { $startsWith: 'z' } }),
    ],
    ['userAgent $eq', () => ({ userAgent: { $eq: SECRET_AGENT } }), () => ({ userAgent: { $eq: 'other' } })],
    ['moderationNote $eq', () => ({ moderationNote: { $eq: SECRET_NOTE } }), () => ({ moderationNote: { $eq: 'x' } })],
    [
      'rejectionReason $null',
      () => ({ rejectionReason: { $null: true } }),
      () => ({ rejectionReason: { $notNull: true } }),
    ],
    ['screening $notNull', () => ({ screening: { $notNull: true } }), () => ({ screening: { $null: true } })],
    [
      'moderatedBy.id',
      () => ({ moderatedBy: { id: { $eq: moderator.id } } }),
      () => ({ moderatedBy: { id: { $eq: 999999 } } }),
    ],
    [
      'moderatedBy.email',
      () => ({ moderatedBy: { email: { $eq: moderator.email } } }),
      () => ({ moderatedBy: { email: { $eq: 'no@x.ir' } } }),
    ],
    ['moderatedAt $notNull', () => ({ moderatedAt: { $notNull: true } }), () => ({ moderatedAt: { $null: true } })],
    ['fingerprint $notNull', () => ({ fingerprint: { $notNull: true } }), () => ({ fingerprint: { $null: true } })],
    [
      'authorEmail inside $or',
      () => ({ $or: [{ authorEmail: { $startsWith: '0' } }, { body: 'x' }] }),
      () => ({ $or: [{ authorEmail: { $startsWith: 'z' } }, { body: 'x' }] }),
    ],
    [
      'authorEmail inside $not',
      () => ({ $not: { authorEmail: { $startsWith: '0' } } }),
      () => ({ $not: { authorEmail: { $startsWith: 'z' } } }),
    ],
    [
      'article.comments walking back to a hidden comment',
      () => ({ article: { comments: { body: { $eq: pendingBody } } } }),
      () => ({ article: { comments: { body: { $eq: 'nothing' } } } }),
    ],
  ])('filters on %s', async (_label, matching, nonMatching) => {
    await expectNoOracle({ filters: matching() }, { filters: nonMatching() });
  });

  it.each([
    ['authorEmail', () => ({ authorEmail: { $eq: `0${SECRET_EMAIL}` } }), () => ({ authorEmail: { $eq: 'x@y.ir' } })],
    ['ipHash', () => ({ ipHash: { $eq: secretHash } }), () => ({ ipHash: { $eq: 'z' } })],
    ['userAgent', () => ({ userAgent: { $eq: SECRET_AGENT } }), () => ({ userAgent: { $eq: 'z' } })],
    ['moderationNote', () => ({ moderationNote: { $eq: SECRET_NOTE } }), () => ({ moderationNote: { $eq: 'z' } })],
    [
      'moderatedBy',
      () => ({ moderatedBy: { id: { $eq: moderator.id } } }),
      () => ({ moderatedBy: { id: { $eq: 0 } } }),
    ],
  ])('findOne filtered on %s answers the same whether it matches or not', async (_label, matching, nonMatching) => {
    const hit = await app.http().get(`/api/comments/${approvedIds[0]}${query({ filters: matching() })}`);
    const miss = await app.http().get(`/api/comments/${approvedIds[0]}${query({ filters: nonMatching() })}`);
    expect(hit.status).toBeLessThan(500);
    expect(miss.status).toBe(hit.status);
    expect(hit.body).toEqual(miss.body);
    expect(leaksPrivate(hit.body)).toBe(false);
  });

  it.each(['authorEmail', 'ipHash', 'userAgent', 'moderationNote', 'rejectionReason', 'screening', 'moderatedAt'])(
    'sorting on %s is refused or ignored',
    async (field) => {
      const asc = await app
        .http()
        .get(`/api/comments${query({ sort: [`${field}:asc`], pagination: { pageSize: 100 } })}`);
      const desc = await app
        .http()
        .get(`/api/comments${query({ sort: [`${field}:desc`], pagination: { pageSize: 100 } })}`);
      expect(asc.status).toBeLessThan(500);
      expect(desc.status).toBe(asc.status);
      if (asc.status === 200) expect(asc.body).toEqual(desc.body);
      else expect(asc.status).toBe(400);
    },
  );

  it.each(['authorEmail', 'ipHash', 'userAgent', 'moderationNote', 'rejectionReason', 'screening', 'moderationStatus'])(
    'fields=%s never returns it',
    async (field) => {
      for (const url of [`/api/comments?fields[0]=${field}`, `/api/comments/${approvedIds[0]}?fields[0]=${field}`]) {
        const response = await app.http().get(url);
        expect(response.status).toBeLessThan(500);
        expect(leaksPrivate(response.body)).toBe(false);
        const items = response.status === 200 ? [response.body.data].flat() : [];
        for (const item of items) expect(Object.keys(item).sort()).toEqual(PUBLIC_ITEM_KEYS);
      }
    },
  );

  it.each(['moderatedBy', '*', 'article'])('populate=%s never returns private data', async (populate) => {
    for (const url of [`/api/comments?populate=${populate}`, `/api/comments/${approvedIds[0]}?populate=${populate}`]) {
      const response = await app.http().get(url);
      expect(response.status).toBeLessThan(500);
      expect(leaksPrivate(response.body)).toBe(false);
      expect(JSON.stringify(response.body)).not.toContain(moderator.email);
    }
  });

  it.each([
    ['moderationStatus=pending', { moderationStatus: 'pending' }],
    ['moderationStatus $eq rejected', { moderationStatus: { $eq: 'rejected' } }],
    ['moderationStatus $ne approved', { moderationStatus: { $ne: 'approved' } }],
    ['moderationStatus $in pending/rejected', { moderationStatus: { $in: ['pending', 'rejected'] } }],
    ['$or with a pending body', { $or: [{ body: { $eq: 'x' } }, { body: { $eq: '__PENDING__' } }] }],
    ['$or with a pending status', { $or: [{ moderationStatus: 'pending' }, { moderationStatus: 'rejected' }] }],
    ['$not approved', { $not: { moderationStatus: { $eq: 'approved' } } }],
    ['nested $and/$or', { $and: [{ $or: [{ body: { $eq: '__PENDING__' } }] }, { $not: { body: { $eq: 'x' } } }] }],
    ['$not inside $and', { $and: [{ $not: { moderationStatus: 'approved' } }] }],
    ['documentId of a pending one', { documentId: { $eq: '__PENDING_ID__' } }],
    ['body $contains of a rejected one', { body: { $contains: '__REJECTED__' } }],
  ])('%s returns nothing and a total of 0', async (_label, filters) => {
    const text = JSON.stringify(filters)
      .replaceAll('__PENDING__', pendingBody)
      .replaceAll('__PENDING_ID__', pendingId)
      .replaceAll('__REJECTED__', rejectedBody.slice(0, 12));
    const response = await app.http().get(`/api/comments${query({ filters: JSON.parse(text) })}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
    expect(response.body.meta.pagination.total).toBe(0);
  });

  it.each(['draft', 'published', 'DRAFT', 'modified'])(
    'status=%s still lists approved comments only',
    async (status) => {
      const response = await app.http().get(`/api/comments?status=${status}&pagination[pageSize]=100`);
      expect(response.status).toBe(200);
      expect(response.body.meta.pagination.total).toBe(approvedIds.length + 1);
      expect(leaksPrivate(response.body)).toBe(false);
    },
  );

  it('refuses a top-level where with 400', async () => {
    for (const url of [
      `/api/comments?where[moderationStatus]=pending`,
      `/api/comments?where[body]=${encodeURIComponent(pendingBody)}`,
      `/api/comments/${pendingId}?where[moderationStatus]=pending`,
    ]) {
      const response = await app.http().get(url);
      expect(response.status).toBe(400);
      expect(leaksPrivate(response.body)).toBe(false);
    }
  });

  it('never counts hidden comments in meta.pagination.total', async () => {
    const all = approvedIds.length + 1;
    const cases: [Record<string, unknown>, number][] = [
      [{}, all],
      [{ filters: { article: { documentId: articleId } } }, approvedIds.length],
      [{ filters: { body: { $notNull: true } } }, all],
      [{ pagination: { pageSize: 1 } }, all],
      [{ pagination: { start: 0, limit: 1 } }, all],
    ];
    for (const [params, expected] of cases) {
      const response = await app.http().get(`/api/comments${query(params)}`);
      expect(response.status).toBe(200);
      expect(response.body.meta.pagination.total).toBe(expected);
    }
  });
});

describe('articles never expose comments', () => {
  it.each([
    'populate=comments',
    'populate=*',
    'populate[comments]=true',
    'populate[comments][populate]=*',
    'populate[comments][filters][moderationStatus]=pending',
  ])('/api/articles?%s', async (params) => {
    for (const url of [`/api/articles?${params}`, `/api/articles/${articleId}?${params}`]) {
      const response = await app.http().get(url);
      expect(response.status).toBeLessThan(500);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(pendingBody);
      expect(text).not.toContain(rejectedBody);
      expect(text).not.toContain(approvedBodies[0]);
      if (response.status === 200) {
        for (const article of [response.body.data].flat()) expect(article).not.toHaveProperty('comments');
      }
    }
  });

  it('filtering articles by a hidden comment body matches nothing', async () => {
    for (const body of [pendingBody, rejectedBody]) {
      const hit = await app.http().get(`/api/articles${query({ filters: { comments: { body: { $eq: body } } } })}`);
      const miss = await app.http().get(`/api/articles${query({ filters: { comments: { body: { $eq: 'هیچ' } } } })}`);
      expect([200, 400]).toContain(hit.status);
      expect(miss.status).toBe(hit.status);
      if (hit.status === 200) {
        expect(hit.body.data).toEqual([]);
        expect(hit.body.meta.pagination.total).toBe(0);
      }
    }
  });

  it('filtering articles by a hidden comment status or private field matches nothing', async () => {
    for (const filters of [
      { comments: { moderationStatus: { $eq: 'pending' } } },
      { comments: { authorEmail: { $eq: SECRET_EMAIL } } },
      { comments: { id: { $notNull: true } } },
    ]) {
      const response = await app.http().get(`/api/articles${query({ filters })}`);
      expect([200, 400]).toContain(response.status);
      if (response.status === 200) {
        // The only answer that reveals nothing is the same one for every article: none.
        expect(response.body.data).toEqual([]);
      }
    }
  });
});

describe('public writes to comments are refused', () => {
  it.each(['put', 'delete'] as const)('%s /api/comments/:id answers 403 and changes nothing', async (method) => {
    for (const id of [approvedIds[0], pendingId]) {
      const before = await commentRow(app.strapi, id);
      const response = await app
        .http()
        [method](`/api/comments/${id}`)
        .send({ data: { body: 'عوض شد', moderationStatus: 'approved' } });
      expect(response.status).toBe(403);
      expect(await commentRow(app.strapi, id)).toEqual(before);
    }
  });
});

describe('commentStats on articles', () => {
  const moderate = (id: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/moderation/comments/${id}/${action}`).set('Authorization', moderator.auth).send(body);

  const statsInList = async (documentId: string) => {
    const response = await app.http().get(`/api/articles${query({ filters: { documentId: { $eq: documentId } } })}`);
    expect(response.status).toBe(200);
    return response.body.data[0].commentStats;
  };

  const expectStats = async (documentId: string, expected: { total: number; pending: number; published: number }) => {
    expect(await publicStats(app, documentId)).toEqual(expected);
    expect(await statsInList(documentId)).toEqual(expected);
  };

  it('shows zeros for an article without comments', async () => {
    const article = await createArticle(app.strapi, { title: 'بی‌نظر' });
    await expectStats(article.documentId, { total: 0, pending: 0, published: 0 });
  });

  it('follows create, approve, reject, reopen and delete exactly', async () => {
    const article = (await createArticle(app.strapi, { title: 'آمار نظرها' })).documentId;
    const a = await newComment(app, article);
    await expectStats(article, { total: 1, pending: 1, published: 0 });
    const b = await newComment(app, article);
    const c = await newComment(app, article);
    await expectStats(article, { total: 3, pending: 3, published: 0 });

    expect((await moderate(a, 'approve')).status).toBe(200);
    await expectStats(article, { total: 3, pending: 2, published: 1 });

    expect((await moderate(b, 'reject', { reason: 'off_topic' })).status).toBe(200);
    await expectStats(article, { total: 3, pending: 1, published: 1 });

    expect((await moderate(a, 'reject', { reason: 'slander' })).status).toBe(200);
    await expectStats(article, { total: 3, pending: 1, published: 0 });

    expect((await moderate(b, 'reopen')).status).toBe(200);
    await expectStats(article, { total: 3, pending: 2, published: 0 });

    expect((await moderate(c, 'approve')).status).toBe(200);
    await expectStats(article, { total: 3, pending: 1, published: 1 });

    const deleted = await app
      .http()
      .delete(`/content-manager/collection-types/api::comment.comment/${c}`)
      .set('Authorization', superAdmin.auth);
    expect(deleted.status).toBe(200);
    await expectStats(article, { total: 2, pending: 1, published: 0 });

    const deletedPending = await app
      .http()
      .delete(`/content-manager/collection-types/api::comment.comment/${b}`)
      .set('Authorization', superAdmin.auth);
    expect(deletedPending.status).toBe(200);
    await expectStats(article, { total: 1, pending: 0, published: 0 });
  });

  it('survives a new version of the article being published', async () => {
    const article = (await createArticle(app.strapi, { title: 'خبر ویرایش‌شونده' })).documentId;
    await commentWithStatus(app, article, 'approved');
    await newComment(app, article);
    await app.strapi.documents('api::article.article').update({ documentId: article, data: { lead: 'تازه' } } as never);
    await app.strapi.documents('api::article.article').publish({ documentId: article } as never);
    await expectStats(article, { total: 2, pending: 1, published: 1 });
  });

  it('are on articles populated from their source too', async () => {
    const source = await createSource(app.strapi, { name: 'خبرگزاری آمار' });
    const article = (await createArticle(app.strapi, { title: 'خبر منبع‌دار', source: source.documentId })).documentId;
    await commentWithStatus(app, article, 'approved');
    await newComment(app, article);
    await commentWithStatus(app, article, 'rejected');
    const expected = { total: 3, pending: 1, published: 1 };
    const one = await app.http().get(`/api/sources/${source.documentId}?populate=articles`);
    expect(one.status).toBe(200);
    expect(one.body.data.articles).toEqual([expect.objectContaining({ documentId: article, commentStats: expected })]);
    const list = await app
      .http()
      .get(`/api/sources${query({ filters: { documentId: { $eq: source.documentId } }, populate: ['articles'] })}`);
    expect(list.body.data[0].articles[0].commentStats).toEqual(expected);
  });

  describe('on a list of 25 articles', () => {
    let ids: string[] = [];

    beforeAll(async () => {
      ids = [];
      for (let index = 0; index < 25; index += 1) {
        const article = await createArticle(app.strapi, { title: `خبر فهرست ${index}`, lead: `listing-${index}` });
        ids.push(article.documentId);
      }
      for (let index = 0; index < 25; index += 3) {
        await commentWithStatus(app, ids[index], 'approved');
        await newComment(app, ids[index]);
      }
    });

    const listing = (pageSize: number) =>
      app
        .http()
        .get(
          `/api/articles${query({ filters: { lead: { $startsWith: 'listing-' } }, sort: ['id:asc'], pagination: { pageSize } })}`,
        );

    it('gives every article its own exact counts', async () => {
      const response = await listing(25);
      expect(response.status).toBe(200);
      expect(response.body.data).toHaveLength(25);
      for (const article of response.body.data) {
        const index = ids.indexOf(article.documentId);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(article.commentStats).toEqual(
          index % 3 === 0 ? { total: 2, pending: 1, published: 1 } : { total: 0, pending: 0, published: 0 },
        );
      }
    });

    it('costs the same number of SQL queries for 5 articles as for 25', async () => {
      await listing(5); // warm caches
      await listing(25);
      // Computed, not answered from the public cache (a hit costs no query: public-cache.test.ts).
      const uncached = (pageSize: number) => async () => {
        runningCache().invalidateEverything(app.strapi);
        return listing(pageSize);
      };
      const five = await fewestQueries(app.strapi, uncached(5));
      const twentyFive = await fewestQueries(app.strapi, uncached(25));
      expect(five.result.body.data).toHaveLength(5);
      expect(twentyFive.result.body.data).toHaveLength(25);
      expect(five.count).toBeGreaterThan(0);
      expect(twentyFive.count).toBe(five.count);
    });
  });
});

describe('comments of an unpublished article', () => {
  it('stop being public when the article is unpublished, and come back when it is republished', async () => {
    const article = await createArticle(app.strapi, { title: 'خبری که پس گرفته می‌شود' });
    const approved = await commentWithStatus(app, article.documentId, 'approved');
    expect((await app.http().get(`/api/comments/${approved}`)).status).toBe(200);

    await app.strapi.documents('api::article.article').unpublish({ documentId: article.documentId });
    expect((await app.http().get(`/api/comments/${approved}`)).status).toBe(404);
    const list = await app
      .http()
      .get(`/api/comments${query({ filters: { article: { documentId: { $eq: article.documentId } } } })}`);
    expect(list.body.data).toEqual([]);
    expect(list.body.meta.pagination.total).toBe(0);

    await app.strapi.documents('api::article.article').publish({ documentId: article.documentId });
    expect((await app.http().get(`/api/comments/${approved}`)).status).toBe(200);
  });

  it('count as published in commentStats only while the public list shows them (one locale withdrawn)', async () => {
    const articles = app.strapi.documents('api::article.article');
    const article = await createArticle(app.strapi, { title: 'خبر دوزبانه' });
    const { documentId } = article;
    await articles.update({ documentId, locale: 'en', data: { title: 'A bilingual story' } } as never);
    await articles.publish({ documentId, locale: 'en' } as never);
    await commentWithStatus(app, documentId, 'approved');
    const publicList = async () =>
      (await app.http().get(`/api/comments${query({ filters: { article: { documentId: { $eq: documentId } } } })}`))
        .body.meta.pagination.total;
    const englishStats = async () =>
      (await app.http().get(`/api/articles/${documentId}?locale=en`)).body.data.commentStats;

    expect(await publicList()).toBe(1);
    expect(await englishStats()).toEqual({ total: 1, pending: 0, published: 1 });

    // The comment was posted on the Persian version; withdrawing only that locale hides it.
    await articles.unpublish({ documentId, locale: 'fa' } as never);
    expect(await publicList()).toBe(0);
    expect(await englishStats()).toEqual({ total: 1, pending: 0, published: 0 });

    await articles.publish({ documentId, locale: 'fa' } as never);
    expect(await publicList()).toBe(1);
    expect(await englishStats()).toEqual({ total: 1, pending: 0, published: 1 });
  });
});
