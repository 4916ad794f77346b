import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createFullAccessToken, query } from '../helpers/content';
import {
  commentRow,
  commentWithStatus,
  EVENT_UID,
  expectLocalizedError,
  newComment,
  postComment,
  publicStats,
} from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

// Issue #16: what admin roles and API tokens could reach beyond the moderation policy.

let app: TestApp;
let superAdmin: AdminSession;
let articleId: string;

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  articleId = (await createArticle(app.strapi, { title: 'امنیت نظرها در برابر نقش‌ها و توکن‌ها' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

async function apiToken(type: 'full-access' | 'read-only' | 'custom', permissions: string[] = []) {
  if (type === 'full-access') return createFullAccessToken(app.strapi);
  const token = await app.strapi.service('admin::api-token').create({
    name: `security-${type}-${Math.random().toString(36).slice(2)}`,
    type,
    lifespan: null,
    ...(type === 'custom' ? { permissions } : {}),
  });
  return token.accessKey as string;
}

describe('comment writes through API tokens', () => {
  const tokenKinds: [string, () => Promise<string>][] = [
    ['a full-access token', () => apiToken('full-access')],
    [
      'a custom token holding update and delete on comments',
      () => apiToken('custom', ['api::comment.comment.update', 'api::comment.comment.delete']),
    ],
    ['a read-only token', () => apiToken('read-only')],
  ];

  it.each(tokenKinds)('%s cannot delete a comment (403, fa/en) and the comment stays', async (_label, make) => {
    const token = await make();
    const id = await commentWithStatus(app, articleId, 'approved');
    const response = await app.http().delete(`/api/comments/${id}`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(403);
    expectLocalizedError(response.body);
    expect(await commentRow(app.strapi, id)).toMatchObject({ moderationStatus: 'approved' });
  });

  it.each(tokenKinds)('%s cannot rewrite a pending comment (403, fa/en)', async (_label, make) => {
    const token = await make();
    const id = await newComment(app, articleId, { body: 'متن اصلی خواننده دربارهٔ این گزارش' });
    const response = await app
      .http()
      .put(`/api/comments/${id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { body: 'متن دیگری که خواننده ننوشته است' } });
    expect(response.status).toBe(403);
    expectLocalizedError(response.body);
    expect((await commentRow(app.strapi, id)).body).toBe('متن اصلی خواننده دربارهٔ این گزارش');
  });

  it('the full-access token gets the comment-specific refusal, not a bare Forbidden', async () => {
    const token = await apiToken('full-access');
    const id = await newComment(app, articleId);
    const response = await app.http().delete(`/api/comments/${id}`).set('Authorization', `Bearer ${token}`);
    expect(response.body.error.details.code).toBe('comment_api_write_forbidden');
  });

  it('a comment created with a full-access token goes through submission: pending and screened', async () => {
    const token = await apiToken('full-access');
    const response = await postComment(
      app,
      { article: articleId },
      {
        Authorization: `Bearer ${token}`,
      },
    );
    expect(response.status).toBe(201);
    const row = await commentRow(app.strapi, response.body.data.documentId);
    expect(row.moderationStatus).toBe('pending');
    expect(row.screening).toBeTruthy();
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("Strapi's own entry.* webhook events", () => {
  let server: Server;
  const received: { body: any; raw: string }[] = [];

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
        received.push({ body, raw });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const created = await app
      .http()
      .post('/admin/webhooks')
      .set('Authorization', superAdmin.auth)
      .send({ name: 'page refresh', url, headers: {}, events: ['entry.create', 'entry.update', 'entry.delete'] });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const deliveriesFor = (id: string) => received.filter((delivery) => delivery.body?.entry?.documentId === id);
  const waitFor = async (predicate: () => boolean) => {
    for (let attempt = 0; attempt < 100 && !predicate(); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('carry no unapproved comment’s text or name on create, update and delete', async () => {
    const body = 'متن محرمانهٔ در انتظار بررسی دربارهٔ این گزارش';
    const id = await newComment(app, articleId, { body, authorName: 'نام پنهان خواننده' });
    const path = `/content-manager/collection-types/api::comment.comment/${id}`;
    const corrected = 'متن اصلاح‌شدهٔ در انتظار بررسی دربارهٔ این گزارش';
    expect((await app.http().put(path).set('Authorization', superAdmin.auth).send({ body: corrected })).status).toBe(
      200,
    );
    expect((await app.http().delete(path).set('Authorization', superAdmin.auth)).status).toBe(200);
    await waitFor(() => deliveriesFor(id).length >= 3);
    const deliveries = deliveriesFor(id);
    expect(deliveries.map((delivery) => delivery.body.event).sort()).toEqual([
      'entry.create',
      'entry.delete',
      'entry.update',
    ]);
    for (const delivery of deliveries) {
      expect(delivery.body).toMatchObject({ model: 'comment', entry: { documentId: id } });
      for (const secret of [body, corrected, 'نام پنهان خواننده', 'authorName', '"body"']) {
        expect(delivery.raw).not.toContain(secret);
      }
    }
  });
});

describe('the audit trail keeps who acted after the admin account is deleted', () => {
  const eventsOverHttp = async (commentId: string) => {
    const response = await app
      .http()
      .get(
        `/content-manager/collection-types/plugin::moderation.moderation-event${query({
          filters: { commentDocumentId: { $eq: commentId } },
          sort: 'id:asc',
        })}`,
      )
      .set('Authorization', superAdmin.auth);
    expect(response.status).toBe(200);
    return response.body.results as Record<string, unknown>[];
  };

  it('actorId, actorEmail and actorLabel stay on the event; the moderator is gone', async () => {
    const moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
    const id = await newComment(app, articleId);
    const approve = await app
      .http()
      .post(`/moderation/comments/${id}/approve`)
      .set('Authorization', moderator.auth)
      .send({});
    expect(approve.status).toBe(200);
    const removed = await app.http().delete(`/admin/users/${moderator.id}`).set('Authorization', superAdmin.auth);
    expect(removed.status).toBe(200);

    const [event] = await eventsOverHttp(id);
    expect(event).toMatchObject({
      toStatus: 'approved',
      actorId: moderator.id,
      actorEmail: moderator.email,
      actorLabel: expect.stringContaining('Test Admin'),
    });
    const row = await app.strapi.db.query(EVENT_UID).findOne({ where: { commentDocumentId: id }, populate: ['actor'] });
    expect(row.actor).toBeNull();
  });

  it('records written before the columns existed get them at boot from the still-existing account', async () => {
    const moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
    const id = await newComment(app, articleId);
    await app.http().post(`/moderation/comments/${id}/approve`).set('Authorization', moderator.auth).send({});
    // As an older record: the link only.
    await app.strapi.db.connection.raw(
      'UPDATE moderation_events SET actor_id = NULL, actor_email = NULL WHERE comment_document_id = ?',
      [id],
    );
    const { backfillAuditActors } = await import('../../src/plugins/moderation/server/src/audit-actors');
    expect(await backfillAuditActors(app.strapi)).toBeGreaterThanOrEqual(1);
    const [event] = await eventsOverHttp(id);
    expect(event).toMatchObject({ actorId: moderator.id, actorEmail: moderator.email });
  });
});

describe('automatic rejection is not observable through the public counts', () => {
  const settings = (body: Record<string, unknown>) =>
    app.http().put('/moderation/settings').set('Authorization', superAdmin.auth).send(body);
  let statsArticle: string;

  beforeAll(async () => {
    statsArticle = (await createArticle(app.strapi, { title: 'قیمت بلیت مترو برای دانشجوها' })).documentId;
    expect((await settings({ autoReject: { spam: true, blocklisted: true } })).status).toBe(200);
  });
  afterAll(async () => {
    await settings({ autoReject: { spam: false, blocklisted: false } });
  });

  const delta = async (submit: () => Promise<unknown>) => {
    const before = await publicStats(app, statsArticle);
    await submit();
    const after = await publicStats(app, statsArticle);
    return {
      total: after.total - before.total,
      pending: after.pending - before.pending,
      published: after.published - before.published,
    };
  };

  it('a duplicate of a pending text, auto-rejected, moves the counts like an innocent comment', async () => {
    const guessed = 'به نظر من قیمت بلیت مترو برای دانشجوها و کارگران خیلی زیاد شده است';
    await newComment(app, statsArticle, { body: guessed });
    const innocent = await delta(() => newComment(app, statsArticle));
    const duplicate = await delta(async () => {
      const id = await newComment(app, statsArticle, { body: guessed });
      expect((await commentRow(app.strapi, id)).moderationStatus).toBe('rejected');
    });
    expect(innocent).toEqual({ total: 1, pending: 1, published: 0 });
    expect(duplicate).toEqual(innocent);
  });

  it('a listed word, auto-rejected, moves the counts like an unlisted one', async () => {
    const listed = await delta(async () => {
      const id = await newComment(app, statsArticle, { body: 'این مسئول مترو یک دزد است و قیمت بلیت را بالا برد' });
      expect((await commentRow(app.strapi, id)).moderationStatus).toBe('rejected');
    });
    expect(listed).toEqual({ total: 1, pending: 1, published: 0 });
  });

  it('moderators still see the automatic rejections as rejected in /moderation/stats', async () => {
    const response = await app
      .http()
      .get(`/moderation/stats?article=${statsArticle}`)
      .set('Authorization', superAdmin.auth);
    expect(response.status).toBe(200);
    expect(response.body.data.articles[0]).toMatchObject({ documentId: statsArticle, rejected: 2 });
  });

  it('once a moderator reviews the comment (reopen, reject), the public counts show it rejected', async () => {
    const id = await newComment(app, statsArticle, { body: 'دزد دیگری در مترو که قیمت بلیت را گران کرد' });
    const before = await publicStats(app, statsArticle);
    const act = (action: string, body: Record<string, unknown> = {}) =>
      app.http().post(`/moderation/comments/${id}/${action}`).set('Authorization', superAdmin.auth).send(body);
    expect((await act('reopen')).status).toBe(200);
    expect((await act('reject', { reason: 'slander' })).status).toBe(200);
    const after = await publicStats(app, statsArticle);
    expect(after).toEqual({ ...before, pending: before.pending - 1 });
  });
});

describe('populating relations in the content manager obeys the target type’s permissions', () => {
  const SECRET_EMAIL = 'reader.secret@example.ir';
  const CM = '/content-manager/collection-types';
  let editor: AdminSession;
  let author: AdminSession;
  let moderator: AdminSession;
  let sourceId: string;
  let editorsArticle: string;
  let authorsArticle: string;

  const get = (session: AdminSession, path: string) => app.http().get(path).set('Authorization', session.auth);
  const privateFields = ['authorEmail', 'ipHash', 'userAgent', 'screening', 'fingerprint', 'moderationNote'];
  const expectNoCommentData = (raw: string) => {
    expect(raw).not.toContain(SECRET_EMAIL);
    for (const field of privateFields) expect(raw).not.toContain(`"${field}"`);
    expect(raw).not.toContain('نظر در انتظار برای آزمون نقش‌ها');
  };

  beforeAll(async () => {
    editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
    author = await createAdmin(app.strapi, app.http, ['strapi-author']);
    moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
    const source = await app.strapi.documents('api::source.source').create({
      data: { name: 'خبرگزاری نقش‌ها', kind: 'news_agency', slug: `roles-${Date.now()}` } as never,
    });
    sourceId = source.documentId;
    editorsArticle = (await createArticle(app.strapi, { title: 'خبر ویراستار', source: sourceId })).documentId;
    // The Author writes an article of their own through the content manager.
    const created = await app
      .http()
      .post(`${CM}/api::article.article?locale=fa`)
      .set('Authorization', author.auth)
      .send({ title: 'خبر نویسنده', lead: 'خلاصه', body: 'متن' });
    expect(created.status).toBe(201);
    authorsArticle = created.body.data.documentId;
    // Published by someone allowed to (an Author may not publish).
    await app.strapi.documents('api::article.article').publish({ documentId: authorsArticle, locale: 'fa' });
    for (const article of [editorsArticle, authorsArticle]) {
      const pending = await newComment(app, article, {
        authorEmail: SECRET_EMAIL,
        body: 'نظر در انتظار برای آزمون نقش‌ها و دسترسی',
      });
      const approved = await commentWithStatus(app, article, 'approved', { authorEmail: SECRET_EMAIL });
      expect(pending && approved).toBeTruthy();
      const moderated = await newComment(app, article, { authorEmail: SECRET_EMAIL });
      await app.http().post(`/moderation/comments/${moderated}/approve`).set('Authorization', moderator.auth).send({});
    }
  });

  it('an Editor reading an article with populate[comments] gets no comment', async () => {
    const response = await get(
      editor,
      `${CM}/api::article.article/${editorsArticle}?locale=fa&populate[comments]=true`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('خبر ویراستار');
    expectNoCommentData(response.text);
  });

  it('an Editor listing articles with comments and their moderator gets neither', async () => {
    const response = await get(
      editor,
      `${CM}/api::article.article?locale=fa&populate[comments][populate][moderatedBy]=true`,
    );
    expect(response.status).toBe(200);
    expect(response.body.results.length).toBeGreaterThan(0);
    expectNoCommentData(response.text);
    expect(response.text).not.toContain(moderator.email);
  });

  it('an Editor listing sources with their articles’ comments gets the articles, not the comments', async () => {
    const response = await get(
      editor,
      `${CM}/api::source.source?locale=fa&populate[articles][populate][comments]=true`,
    );
    expect(response.status).toBe(200);
    const source = response.body.results.find((item: { documentId: string }) => item.documentId === sourceId);
    expect(source.articles).toEqual(expect.arrayContaining([expect.objectContaining({ documentId: editorsArticle })]));
    expectNoCommentData(response.text);
  });

  it('an Author reading their own published article with populate[comments] gets no comment', async () => {
    const response = await get(
      author,
      `${CM}/api::article.article/${authorsArticle}?locale=fa&populate[comments]=true`,
    );
    expect(response.status).toBe(200);
    expectNoCommentData(response.text);
  });

  it.each([
    ['an Editor', () => editor],
    ['an Author', () => author],
  ])('%s cannot list an article’s comments through the relations endpoint (403, fa/en)', async (_label, session) => {
    const article = session() === author ? authorsArticle : editorsArticle;
    const response = await get(
      session(),
      `/content-manager/relations/api::article.article/${article}/comments?locale=fa`,
    );
    expect(response.status).toBe(403);
    expectLocalizedError(response.body);
    expectNoCommentData(response.text);
  });

  it('an Editor cannot filter articles on their comments’ private fields (403, fa/en)', async () => {
    const response = await get(
      editor,
      `${CM}/api::article.article${query({ locale: 'fa', filters: { comments: { authorEmail: { $eq: SECRET_EMAIL } } } })}`,
    );
    expect(response.status).toBe(403);
    expectLocalizedError(response.body);
  });

  it('a Moderator populating a comment’s moderator sees the name, not the admin’s email', async () => {
    const response = await get(
      moderator,
      `${CM}/api::comment.comment${query({ populate: { moderatedBy: true }, filters: { article: { documentId: { $eq: editorsArticle } } } })}`,
    );
    expect(response.status).toBe(200);
    const moderated = response.body.results.filter((item: { moderatedBy?: unknown }) => item.moderatedBy);
    expect(moderated.length).toBeGreaterThan(0);
    expect(response.text).not.toContain(moderator.email);
  });

  it('a custom role that reads some comment fields gets only those through populate', async () => {
    const role = await app.strapi
      .service('admin::role')
      .create({ name: `Comment readers ${Date.now()}`, description: 'x' });
    const read = 'plugin::content-manager.explorer.read';
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      { action: read, subject: 'api::article.article', properties: { fields: ['title', 'comments'], locales: ['fa'] } },
      { action: read, subject: 'api::comment.comment', properties: { fields: ['body', 'authorName', 'article'] } },
    ]);
    const reader = await createAdmin(app.strapi, app.http, [role.code]);
    const response = await get(
      reader,
      `${CM}/api::article.article/${editorsArticle}?locale=fa&populate[comments]=true`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data.comments.length).toBeGreaterThan(0);
    for (const comment of response.body.data.comments) {
      expect(typeof comment.body).toBe('string');
      for (const field of [...privateFields, 'moderationStatus']) expect(comment).not.toHaveProperty(field);
    }
    expect(response.text).not.toContain(SECRET_EMAIL);
    const filtered = await get(
      reader,
      `${CM}/api::article.article${query({ locale: 'fa', filters: { comments: { authorEmail: { $eq: SECRET_EMAIL } } } })}`,
    );
    expect(filtered.status).toBe(403);
  });

  it('a Super Admin still reads everything', async () => {
    const response = await get(
      superAdmin,
      `${CM}/api::article.article/${editorsArticle}?locale=fa&populate[comments]=true`,
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain(SECRET_EMAIL);
  });
});

describe('an Author cannot rewire or reveal other people’s entries', () => {
  const CM = '/content-manager/collection-types';
  let author: AdminSession;
  let othersSource: string;
  let othersArticle: string;
  let othersDraft: string;

  const sourceOf = async (articleDocumentId: string) => {
    const rows = await app.strapi.db.query('api::article.article').findMany({
      where: { documentId: articleDocumentId },
      populate: { source: { select: ['documentId'] } },
    });
    return [...new Set(rows.map((row: { source?: { documentId: string } | null }) => row.source?.documentId ?? null))];
  };

  beforeAll(async () => {
    author = await createAdmin(app.strapi, app.http, ['strapi-author']);
    othersSource = (
      await app.strapi.documents('api::source.source').create({
        data: { name: 'خبرگزاری دیگران', kind: 'news_agency', slug: `others-${Date.now()}` } as never,
      })
    ).documentId;
    othersArticle = (await createArticle(app.strapi, { title: 'خبر منتشرشدهٔ دیگران', source: othersSource }))
      .documentId;
    othersDraft = (
      await createArticle(
        app.strapi,
        { title: 'پیش‌نویس دیگران', body: 'متن منتشرنشدهٔ محرمانهٔ پیش‌نویس' },
        { published: false },
      )
    ).documentId;
  });

  it('cloning someone else’s source is refused (403, fa/en) and its articles stay', async () => {
    const response = await app
      .http()
      .post(`${CM}/api::source.source/clone/${othersSource}?locale=fa`)
      .set('Authorization', author.auth)
      .send({ name: 'کپی نویسنده', kind: 'news_agency', slug: `author-copy-${Date.now()}` });
    expect(response.status).toBe(403);
    expectLocalizedError(response.body);
    expect(await sourceOf(othersArticle)).toEqual([othersSource]);
  });

  it('even a Super Admin’s copy of a source takes none of its articles', async () => {
    const response = await app
      .http()
      .post(`${CM}/api::source.source/clone/${othersSource}?locale=fa`)
      .set('Authorization', superAdmin.auth)
      .send({ name: 'کپی مدیر', kind: 'news_agency', slug: `admin-copy-${Date.now()}` });
    expect(response.status).toBe(200);
    expect(await sourceOf(othersArticle)).toEqual([othersSource]);
  });

  it('attaching someone else’s article from the Author’s own source is refused (400, fa/en)', async () => {
    const created = await app
      .http()
      .post(`${CM}/api::source.source?locale=fa`)
      .set('Authorization', author.auth)
      .send({ name: 'منبع نویسنده', kind: 'news_agency', slug: `author-source-${Date.now()}` });
    expect(created.status).toBe(201);
    const own = created.body.data.documentId;
    const article = await app.strapi.db
      .query('api::article.article')
      .findOne({ where: { documentId: othersArticle, publishedAt: { $notNull: true } } });
    const response = await app
      .http()
      .put(`${CM}/api::source.source/${own}?locale=fa`)
      .set('Authorization', author.auth)
      .send({ name: 'منبع نویسنده', articles: { connect: [{ id: article.id }] } });
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    expect(response.body.error.details.code).toBe('relation_inverse_side_read_only');
    expect(await sourceOf(othersArticle)).toEqual([othersSource]);
    const publicArticle = await app.http().get(`/api/articles/${othersArticle}?populate[source]=true`);
    expect(publicArticle.body.data.source.documentId).toBe(othersSource);
  });

  it('a full-access token cannot attach articles to a source from the source either (400)', async () => {
    const token = await createFullAccessToken(app.strapi);
    const created = await app
      .http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: 'منبع توکن', kind: 'news_agency', slug: `token-source-${Date.now()}` } });
    expect(created.status).toBe(201);
    const response = await app
      .http()
      .put(`/api/sources/${created.body.data.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { articles: { connect: [othersArticle] } } });
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    expect(await sourceOf(othersArticle)).toEqual([othersSource]);
  });

  it('an untouched articles field (what the admin form sends) still saves', async () => {
    const created = await app
      .http()
      .post(`${CM}/api::source.source?locale=fa`)
      .set('Authorization', author.auth)
      .send({ name: 'منبع دوم', kind: 'news_agency', slug: `author-second-${Date.now()}` });
    const response = await app
      .http()
      .put(`${CM}/api::source.source/${created.body.data.documentId}?locale=fa`)
      .set('Authorization', author.auth)
      .send({ name: 'منبع دوم ویرایش‌شده', articles: { connect: [], disconnect: [] } });
    expect(response.status).toBe(200);
  });

  it('cloning someone else’s draft article is refused (403) and reveals nothing of it', async () => {
    const read = await app
      .http()
      .get(`${CM}/api::article.article/${othersDraft}?locale=fa`)
      .set('Authorization', author.auth);
    expect(read.status).toBe(403);
    const response = await app
      .http()
      .post(`${CM}/api::article.article/clone/${othersDraft}?locale=fa`)
      .set('Authorization', author.auth)
      .send({ title: 'کپی' });
    expect(response.status).toBe(403);
    expectLocalizedError(response.body);
    expect(response.text).not.toContain('متن منتشرنشدهٔ محرمانهٔ پیش‌نویس');
  });
});
