import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, query } from '../helpers/content';
import {
  commentBody,
  commentWithStatus,
  expectLocalizedError,
  fewestQueries,
  newComment,
  postComment,
  publicStats,
  transition,
} from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Replies, closing old articles and the commenter history (issue #14), over HTTP on a real
 * Strapi: each rule and refusal, and the leak paths (a reply never reveals a pending or
 * rejected comment; the history is never public, by REST, GraphQL, filters or populate).
 */
let app: TestApp;
let moderator: AdminSession;
let superAdmin: AdminSession;
let articleId: string;
let otherArticleId: string;

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  superAdmin = await createAdmin(app.strapi, app.http);
  articleId = (await createArticle(app.strapi, { title: 'افزایش قیمت نان در شهرهای بزرگ' })).documentId;
  otherArticleId = (await createArticle(app.strapi, { title: 'گزارش هواشناسی' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

const reply = (article: string, parent: unknown, data: Record<string, unknown> = {}) =>
  postComment(app, { article, parent, ...data });
const articlePage = (article: string, pageSize = 25) =>
  app
    .http()
    .get(
      `/api/comments${query({ filters: { article: { documentId: { $eq: article } } }, sort: 'createdAt:asc', pagination: { pageSize } })}`,
    );
const moderatorView = async (id: string) =>
  (await app.http().get(`/moderation/comments/${id}`).set('Authorization', moderator.auth)).body.data;

describe('replies', () => {
  it('are pending like any comment, counted, and shown only under their approved parent once approved', async () => {
    const article = (await createArticle(app.strapi, { title: 'افزایش قیمت نان و واکنش نانوایان' })).documentId;
    const parent = await commentWithStatus(app, article, 'approved');
    const before = await publicStats(app, article);

    const body = commentBody('پاسخ');
    const posted = await reply(article, parent, { body });
    expect(posted.status).toBe(201);
    expect(posted.body.data.moderationStatus).toBe('pending');
    expect(await publicStats(app, article)).toEqual({
      total: before.total + 1,
      pending: before.pending + 1,
      published: before.published,
    });
    const replyId = posted.body.data.documentId;
    // Pending: nowhere public.
    expect(JSON.stringify((await articlePage(article)).body)).not.toContain(body);
    expect((await app.http().get(`/api/comments/${parent}`)).body.data.replies).toEqual([]);

    await transition(app.strapi, replyId, 'approve');
    expect(await publicStats(app, article)).toEqual({
      total: before.total + 1,
      pending: before.pending,
      published: before.published + 1,
    });
    const page = await articlePage(article);
    // The page lists comments, not replies; the reply is nested under its parent.
    expect(page.body.data.map((comment: { documentId: string }) => comment.documentId)).toEqual([parent]);
    expect(page.body.meta.pagination.total).toBe(1);
    expect(page.body.data[0].replies).toEqual([
      {
        documentId: replyId,
        authorName: 'مریم',
        body,
        createdAt: expect.any(String),
        parent: { documentId: parent },
        reactions: { agree: 0, disagree: 0 },
      },
    ]);
    expect(new Date(page.body.data[0].replies[0].createdAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect((await app.http().get(`/api/comments/${parent}`)).body.data.replies).toHaveLength(1);
    // Read under its parent only: on its own it answers like a missing comment.
    expect((await app.http().get(`/api/comments/${replyId}`)).status).toBe(404);
    // The general list path nests it too and does not count it as a comment of its own.
    const general = await app.http().get(`/api/comments${query({ filters: { article: { documentId: article } } })}`);
    expect(general.body.data.map((comment: { documentId: string }) => comment.documentId)).toEqual([parent]);
    expect(general.body.data[0].replies).toHaveLength(1);
    expect(general.body.meta.pagination.total).toBe(1);

    // Readers react to a public reply like to any public comment.
    const reacted = await app.http().post(`/api/comments/${replyId}/reactions`).send({ kind: 'agree' });
    expect(reacted.status).toBe(200);
    expect((await articlePage(article)).body.data[0].replies[0].reactions).toEqual({ agree: 1, disagree: 0 });
  });

  it('disappear with a parent that is later rejected, counts included, and come back with it', async () => {
    const article = (await createArticle(app.strapi, { title: 'قیمت نان در بازار' })).documentId;
    const parent = await commentWithStatus(app, article, 'approved');
    const replyId = (await reply(article, parent)).body.data.documentId;
    await transition(app.strapi, replyId, 'approve');
    expect((await publicStats(app, article)).published).toBe(2);

    await transition(app.strapi, parent, 'reject', 'slander');
    expect((await publicStats(app, article)).published).toBe(0);
    const page = await articlePage(article);
    expect(page.body.data).toEqual([]);
    expect(page.body.meta.pagination.total).toBe(0);
    expect(JSON.stringify(page.body)).not.toContain(replyId);
    // A reaction or report on the hidden reply is the 404 of a missing comment.
    const missing = await app.http().post('/api/comments/doesnotexist0000000000000/reactions').send({ kind: 'agree' });
    const hidden = await app.http().post(`/api/comments/${replyId}/reactions`).send({ kind: 'agree' });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);

    await transition(app.strapi, parent, 'reopen');
    await transition(app.strapi, parent, 'approve');
    expect((await publicStats(app, article)).published).toBe(2);
    expect((await articlePage(article)).body.data[0].replies.map((r: { documentId: string }) => r.documentId)).toEqual([
      replyId,
    ]);
  });

  it("to a pending, rejected, missing or other article's comment are refused alike, revealing nothing", async () => {
    const pending = await commentWithStatus(app, articleId, 'pending');
    const rejected = await commentWithStatus(app, articleId, 'rejected');
    const elsewhere = await commentWithStatus(app, otherArticleId, 'approved');
    const missing = await reply(articleId, 'doesnotexist0000000000000');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.code).toBe('comment_parent_not_found');
    expectLocalizedError(missing.body);
    for (const parent of [pending, rejected, elsewhere]) {
      const response = await reply(articleId, parent);
      expect(response.status).toBe(missing.status);
      expect(response.body).toEqual(missing.body);
    }
    const bad = await reply(articleId, { documentId: pending });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('comment_parent_invalid');
  });

  it('go one level deep: a reply to a reply is refused', async () => {
    const parent = await commentWithStatus(app, articleId, 'approved');
    const replyId = (await reply(articleId, parent)).body.data.documentId;
    await transition(app.strapi, replyId, 'approve');
    const nested = await reply(articleId, replyId);
    expect(nested.status).toBe(400);
    expect(nested.body.error.details.code).toBe('comment_parent_is_reply');
    expectLocalizedError(nested.body);
  });

  it('show their parent in the moderation API', async () => {
    const parentBody = commentBody('والد');
    const parent = await commentWithStatus(app, articleId, 'approved', { body: parentBody, authorName: 'رضا' });
    const replyId = (await reply(articleId, parent)).body.data.documentId;
    expect((await moderatorView(replyId)).parent).toEqual({ documentId: parent, body: parentBody, authorName: 'رضا' });
    expect((await moderatorView(parent)).parent).toBeNull();
    const list = await app
      .http()
      .get(`/moderation/comments?article=${articleId}&pageSize=200`)
      .set('Authorization', moderator.auth);
    const entry = list.body.data.find((comment: { documentId: string }) => comment.documentId === replyId);
    expect(entry.parent.documentId).toBe(parent);
  });

  it('cannot be set, read or filtered through the content API or the Document Service path', async () => {
    const parent = await commentWithStatus(app, articleId, 'approved');
    for (const path of [
      `/api/comments${query({ filters: { parentDocumentId: { $null: true } } })}`,
      `/api/comments${query({ filters: { parentDocumentId: parent } })}`,
      `/api/comments${query({ fields: ['parentDocumentId'] })}`,
      `/api/comments${query({ sort: 'parentDocumentId:asc' })}`,
      `/api/comments${query({ filters: { authorKey: { $null: false } } })}`,
    ]) {
      const response = await app.http().get(path);
      expect([path, response.status]).toEqual([path, 400]);
    }
    // Code creating a comment through the Document Service cannot make it a reply.
    const created = await app.strapi.documents('api::comment.comment').create({
      data: { body: 'نظر ساخته‌شده در کد', authorName: 'کد', article: articleId, parentDocumentId: parent },
    } as never);
    const row = await app.strapi.db.connection('comments').first('parent_document_id').where({ id: created.id });
    expect(row.parent_document_id).toBeNull();
  });

  it('keep an article page at a constant number of queries however many comments and replies it shows', async () => {
    const article = (await createArticle(app.strapi, { title: 'نان و یارانه' })).documentId;
    for (let index = 0; index < 12; index += 1) {
      const parent = await commentWithStatus(app, article, 'approved');
      const replyId = (await reply(article, parent)).body.data.documentId;
      await transition(app.strapi, replyId, 'approve');
    }
    await articlePage(article, 2);
    const two = await fewestQueries(app.strapi, () => articlePage(article, 2));
    const twelve = await fewestQueries(app.strapi, () => articlePage(article, 12));
    expect(two.result.body.data).toHaveLength(2);
    expect(twelve.result.body.data).toHaveLength(12);
    expect(twelve.result.body.data.every((comment: { replies: unknown[] }) => comment.replies.length === 1)).toBe(true);
    expect(twelve.count).toBe(two.count);
  });
});

describe('closing old articles', () => {
  const setSettings = (update: Record<string, unknown>) =>
    app.http().put('/moderation/settings').set('Authorization', superAdmin.auth).send(update);
  const articleOpen = async (id: string) => (await app.http().get(`/api/articles/${id}`)).body.data.commentsOpen;

  it('refuses comments and replies on an article with comments turned off, with 403 in Persian and English', async () => {
    const open = (await createArticle(app.strapi, { title: 'نان' })).documentId;
    const approved = await commentWithStatus(app, open, 'approved');
    expect(await articleOpen(open)).toBe(true);
    await app.strapi
      .documents('api::article.article')
      .update({ documentId: open, data: { commentsEnabled: false } } as never);
    await app.strapi.documents('api::article.article').publish({ documentId: open } as never);
    for (const response of [await postComment(app, { article: open }), await reply(open, approved)]) {
      expect(response.status).toBe(403);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('comment_comments_closed');
    }
    expect(await articleOpen(open)).toBe(false);
    // Its published comments stay readable.
    expect((await app.http().get(`/api/comments/${approved}`)).status).toBe(200);
  });

  it("closes at the article's own date, and that date overrides the site-wide age", async () => {
    const past = (
      await createArticle(app.strapi, { title: 'نان', commentsCloseAt: new Date(Date.now() - 60_000).toISOString() })
    ).documentId;
    const future = (
      await createArticle(app.strapi, {
        title: 'نان',
        commentsCloseAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).documentId;
    expect((await postComment(app, { article: past })).status).toBe(403);
    expect(await articleOpen(past)).toBe(false);
    expect((await postComment(app, { article: future })).status).toBe(201);
    expect(await articleOpen(future)).toBe(true);

    // Published 40 days ago, with the site closing comments after 30: only the close date keeps it open.
    await app.strapi.db
      .connection('articles')
      .where({ document_id: future })
      .whereNotNull('published_at')
      .update({ published_at: new Date(Date.now() - 40 * 86_400_000) });
    expect((await setSettings({ closeCommentsAfterDays: 30 })).status).toBe(200);
    try {
      expect((await postComment(app, { article: future })).status).toBe(201);
    } finally {
      await setSettings({ closeCommentsAfterDays: null });
    }
  });

  it("closes articles older than closeCommentsAfterDays, and leaves newer ones and the setting's absence open", async () => {
    const old = (await createArticle(app.strapi, { title: 'نان' })).documentId;
    const recent = (await createArticle(app.strapi, { title: 'نان' })).documentId;
    const oldComment = await commentWithStatus(app, old, 'approved');
    await app.strapi.db
      .connection('articles')
      .where({ document_id: old })
      .whereNotNull('published_at')
      .update({ published_at: new Date(Date.now() - 40 * 86_400_000) });
    expect((await postComment(app, { article: old })).status).toBe(201);
    expect((await setSettings({ closeCommentsAfterDays: 30 })).status).toBe(200);
    try {
      const refused = await postComment(app, { article: old });
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.messages.fa).toMatch(/بسته/);
      expect(await articleOpen(old)).toBe(false);
      expect(await articleOpen(recent)).toBe(true);
      expect((await postComment(app, { article: recent })).status).toBe(201);
      // The list of articles carries it too, and its comments stay readable.
      const list = await app.http().get(`/api/articles${query({ filters: { documentId: { $in: [old, recent] } } })}`);
      const byId = Object.fromEntries(
        list.body.data.map((article: { documentId: string; commentsOpen: boolean }) => [
          article.documentId,
          article.commentsOpen,
        ]),
      );
      expect(byId).toEqual({ [old]: false, [recent]: true });
      expect((await app.http().get(`/api/comments/${oldComment}`)).status).toBe(200);
    } finally {
      await setSettings({ closeCommentsAfterDays: null });
    }
    expect(await articleOpen(old)).toBe(true);
  });
});

describe('commenter history for moderators', () => {
  it("counts the author's earlier comments by status and reason, keyed by the normalized email, excluding this one", async () => {
    const email = `history.${Date.now()}@example.ir`;
    const first = await commentWithStatus(app, articleId, 'approved', { authorEmail: email });
    const second = await commentWithStatus(app, articleId, 'rejected', { authorEmail: `  ${email.toUpperCase()} ` });
    await transition(app.strapi, second, 'reopen');
    await transition(app.strapi, second, 'reject', 'slander');
    const third = await commentWithStatus(app, articleId, 'pending', { authorEmail: email });
    const fourth = await commentWithStatus(app, articleId, 'pending', { authorEmail: email });
    // Another author's comment in between counts for no one here.
    await commentWithStatus(app, articleId, 'approved', { authorEmail: `someone.else.${Date.now()}@example.ir` });

    const firstView = await moderatorView(first);
    expect(firstView.authorHistory).toMatchObject({ approved: 0, rejected: 0, pending: 0, recent: [] });

    const view = await moderatorView(fourth);
    expect(view.authorHistory.approved).toBe(1);
    expect(view.authorHistory.rejected).toBe(1);
    expect(view.authorHistory.pending).toBe(1);
    expect(view.authorHistory.rejectedByReason).toEqual({
      slander: 1,
      not_persian: 0,
      off_topic: 0,
      spam: 0,
      other: 0,
    });
    expect(view.authorHistory.recent.map((entry: { documentId: string }) => entry.documentId)).toEqual([
      third,
      second,
      first,
    ]);
    expect(view.authorHistory.recent[0]).toEqual({
      documentId: third,
      moderationStatus: 'pending',
      createdAt: expect.any(String),
      body: expect.any(String),
    });

    // The list carries the same, for every comment of the page.
    const list = await app
      .http()
      .get(`/moderation/comments?article=${articleId}&pageSize=200`)
      .set('Authorization', moderator.auth);
    const entry = list.body.data.find((comment: { documentId: string }) => comment.documentId === fourth);
    expect(entry.authorHistory).toEqual(view.authorHistory);
  });

  it('gives each of many comments by one author on a page only its own earlier ones', async () => {
    const email = `flood.${Date.now()}@example.ir`;
    const article = (await createArticle(app.strapi, { title: 'سیل نظرها از یک نویسنده' })).documentId;
    const statuses = ['approved', 'rejected', 'pending', 'approved', 'rejected', 'pending', 'pending'] as const;
    const made: string[] = [];
    for (const status of statuses) made.push(await commentWithStatus(app, article, status, { authorEmail: email }));
    const list = await app
      .http()
      .get(`/moderation/comments?article=${article}&sort=createdAt:asc&pageSize=50`)
      .set('Authorization', moderator.auth);
    expect(list.body.data.map((comment: { documentId: string }) => comment.documentId)).toEqual(made);
    list.body.data.forEach((comment: { authorHistory: Record<string, unknown> }, index: number) => {
      const earlier = statuses.slice(0, index);
      expect(comment.authorHistory).toMatchObject({
        approved: earlier.filter((status) => status === 'approved').length,
        rejected: earlier.filter((status) => status === 'rejected').length,
        pending: earlier.filter((status) => status === 'pending').length,
        rejectedByReason: { spam: earlier.filter((status) => status === 'rejected').length, slander: 0 },
      });
    });
  });

  it('keys comments without an email by the address hash', async () => {
    const first = await newComment(app, articleId, { authorEmail: null });
    const second = await newComment(app, articleId, { authorEmail: null });
    const view = await moderatorView(second);
    expect(view.authorHistory.recent[0].documentId).toBe(first);
    // An email comment from the same address is another author.
    const withEmail = await newComment(app, articleId, { authorEmail: `lone.${Date.now()}@example.ir` });
    expect((await moderatorView(withEmail)).authorHistory.recent).toEqual([]);
  });

  it('costs the same number of queries for a page of 5 as for 50', async () => {
    for (let index = 0; index < 50; index += 1)
      await newComment(app, otherArticleId, { authorEmail: `q${index % 3}@example.ir` });
    const page = (pageSize: number) =>
      app.http().get(`/moderation/comments?pageSize=${pageSize}`).set('Authorization', moderator.auth);
    await page(5);
    const five = await fewestQueries(app.strapi, () => page(5));
    const fifty = await fewestQueries(app.strapi, () => page(50));
    expect(fifty.result.body.data).toHaveLength(50);
    expect(fifty.count).toBe(five.count);
  });

  it('is never public: not in REST, not in GraphQL, not through filters or populate', async () => {
    const email = `private.history.${Date.now()}@example.ir`;
    await commentWithStatus(app, articleId, 'rejected', { authorEmail: email });
    const approved = await commentWithStatus(app, articleId, 'approved', { authorEmail: email });
    const one = await app.http().get(`/api/comments/${approved}`);
    const text = JSON.stringify(one.body) + JSON.stringify((await articlePage(articleId, 100)).body);
    for (const word of ['authorHistory', 'rejectedByReason', 'author_key', 'authorKey', 'reports', email]) {
      expect(text).not.toContain(word);
    }
    for (const path of [
      `/api/comments${query({ populate: { parent: true } })}`,
      `/api/comments${query({ populate: ['authorHistory'] })}`,
      `/api/articles${query({ populate: { comments: { populate: '*' } } })}`,
      `/api/articles${query({ filters: { comments: { authorEmail: { $eq: email } } } })}`,
    ]) {
      const response = await app.http().get(path);
      expect([path, response.status]).toEqual([path, 400]);
    }
    const graphql = await app
      .http()
      .post('/graphql')
      .send({ query: `{ comments { documentId authorHistory { approved } } }` });
    expect(graphql.body.errors?.length).toBeGreaterThan(0);
    const parentField = await app
      .http()
      .post('/graphql')
      .send({ query: `{ comments { documentId parentDocumentId } }` });
    expect(parentField.body.errors?.length).toBeGreaterThan(0);
  });
});

describe('GraphQL', () => {
  it('shows reactions, approved replies and commentsOpen, and never a pending reply or a reply as a comment', async () => {
    const article = (await createArticle(app.strapi, { title: 'نان در گراف‌کیوال' })).documentId;
    const parent = await commentWithStatus(app, article, 'approved');
    const approvedReply = (await reply(article, parent)).body.data.documentId;
    await transition(app.strapi, approvedReply, 'approve');
    const pendingBody = commentBody('پاسخ در انتظار');
    await reply(article, parent, { body: pendingBody });
    await app.http().post(`/api/comments/${parent}/reactions`).send({ kind: 'disagree' });

    const response = await app
      .http()
      .post('/graphql')
      .send({
        query: `query($article: ID!) {
          article(documentId: $article) { documentId commentsOpen commentStats { total pending published } }
          comments(filters: { article: { documentId: { eq: $article } } }) {
            documentId reactions { agree disagree } replies { documentId body reactions { agree disagree } }
          }
        }`,
        variables: { article },
      });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.article).toEqual({
      documentId: article,
      commentsOpen: true,
      commentStats: { total: 3, pending: 1, published: 2 },
    });
    expect(response.body.data.comments).toEqual([
      {
        documentId: parent,
        reactions: { agree: 0, disagree: 1 },
        replies: [{ documentId: approvedReply, body: expect.any(String), reactions: { agree: 0, disagree: 0 } }],
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain(pendingBody);
    // A reply through GraphQL's createComment: the same checks as REST.
    const submitted = await app
      .http()
      .post('/graphql')
      .send({
        query: `mutation($data: CommentSubmissionInput!) { createComment(data: $data) { documentId moderationStatus } }`,
        variables: { data: { article, parent, authorName: 'سارا', body: 'پاسخ دربارهٔ نان از گراف‌کیوال' } },
      });
    expect(submitted.body.data.createComment.moderationStatus).toBe('pending');
    const refused = await app
      .http()
      .post('/graphql')
      .send({
        query: `mutation($data: CommentSubmissionInput!) { createComment(data: $data) { documentId } }`,
        variables: { data: { article, parent: approvedReply, authorName: 'سارا', body: 'پاسخ به پاسخ دربارهٔ نان' } },
      });
    expect(JSON.stringify(refused.body.errors)).toContain('comment_parent_is_reply');
    const asComment = await app
      .http()
      .post('/graphql')
      .send({ query: `query($id: ID!) { comment(documentId: $id) { documentId } }`, variables: { id: approvedReply } });
    expect(asComment.body.data?.comment ?? null).toBeNull();
  });
});
