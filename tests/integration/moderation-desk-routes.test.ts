import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { COMMENT_UID, commentWithStatus, expectLocalizedError, newComment, transition } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The admin routes the desk's settings page, article side panel and home widget read:
 * GET /moderation/stats/daily, GET /moderation/articles/:documentId/counts, and what
 * GET/PUT /moderation/settings tell the settings page. Every refusal: 401 without a token, 403
 * for a role without the permission, 400/404 with a message in Persian and English.
 */
let app: TestApp;
let superAdmin: AdminSession;
let moderator: AdminSession;
let editor: AdminSession;
/** Holds the queue permissions (read, moderate) but not the settings one. */
let deskOnly: AdminSession;
let articleId: string;

const DESK_ONLY_ROLE = 'khabar-test-desk-only';

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  const role = await app.strapi
    .service('admin::role')
    .create({ name: 'Desk only', code: DESK_ONLY_ROLE, description: 'queue without settings' });
  await app.strapi.service('admin::role').assignPermissions(role.id, [
    { action: 'api::moderation.read', subject: null, properties: {}, conditions: [] },
    { action: 'api::moderation.moderate', subject: null, properties: {}, conditions: [] },
  ]);
  deskOnly = await createAdmin(app.strapi, app.http, [DESK_ONLY_ROLE]);
  articleId = (await createArticle(app.strapi, { title: 'بازگشایی پل تاریخی شهر' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

const get = (path: string, session?: AdminSession) => {
  const request = app.http().get(path);
  return session ? request.set('Authorization', session.auth) : request;
};

/** Today's date in a time zone, as the route writes it (YYYY-MM-DD). */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

describe('who may use the routes', () => {
  const readRoutes = () => ['/moderation/stats/daily', `/moderation/articles/${articleId}/counts`];

  it('answers 401 without a token', async () => {
    for (const path of [...readRoutes(), '/moderation/settings']) {
      expect([path, (await get(path)).status]).toEqual([path, 401]);
    }
  });

  it('answers 403 to a role without the moderation permissions (Editor)', async () => {
    for (const path of [...readRoutes(), '/moderation/settings']) {
      expect([path, (await get(path, editor)).status]).toEqual([path, 403]);
    }
  });

  it('lets a role with the queue permissions read the figures, and refuses it the settings (403)', async () => {
    for (const path of readRoutes()) {
      expect([path, (await get(path, deskOnly)).status]).toEqual([path, 200]);
    }
    expect((await get('/moderation/settings', deskOnly)).status).toBe(403);
    const put = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', deskOnly.auth)
      .send({ blocklist: ['واژه'] });
    expect(put.status).toBe(403);
    const screen = await app
      .http()
      .post('/moderation/screen')
      .set('Authorization', deskOnly.auth)
      .send({ text: 'متن آزمایشی' });
    expect(screen.status).toBe(403);
  });
});

describe('GET /moderation/stats/daily', () => {
  it('gives the last 14 days by default, oldest first, ending today; today counts arrivals and decisions', async () => {
    const before = (await get('/moderation/stats/daily', moderator)).body.data;
    const fresh = await commentWithStatus(app, articleId, 'pending');
    const approved = await commentWithStatus(app, articleId, 'approved');
    const rejected = await commentWithStatus(app, articleId, 'rejected');
    // A comment approved, reopened and approved again today is one approved comment today.
    await transition(app.strapi, approved, 'reopen');
    await transition(app.strapi, approved, 'approve');

    const response = await get('/moderation/stats/daily', moderator);
    expect(response.status).toBe(200);
    const { days, timeZone, queue } = response.body.data;
    expect(timeZone).toBe('UTC');
    expect(days).toHaveLength(14);
    expect(days[13].date).toBe(todayIn('UTC'));
    for (let index = 1; index < days.length; index += 1) {
      const step = Date.parse(days[index].date) - Date.parse(days[index - 1].date);
      expect(step).toBe(24 * 60 * 60 * 1000);
    }
    const today = days[13];
    const earlier = before.days[13];
    expect(today.received - earlier.received).toBe(3);
    expect(today.pending - earlier.pending).toBe(1);
    expect(today.approved - earlier.approved).toBe(1);
    expect(today.rejected - earlier.rejected).toBe(1);
    expect(queue.pending).toBe(before.queue.pending + 1);
    expect(fresh).toBeTruthy();
    expect(rejected).toBeTruthy();
  });

  it('puts a comment on the day it arrived, in the time zone asked for', async () => {
    const id = await newComment(app, articleId);
    // Three days ago at noon UTC (the Node process's zone is the stored wall clock's).
    const threeDaysAgo = new Date();
    threeDaysAgo.setUTCDate(threeDaysAgo.getUTCDate() - 3);
    threeDaysAgo.setUTCHours(12, 0, 0, 0);
    await app.strapi.db.query(COMMENT_UID).update({ where: { documentId: id }, data: { createdAt: threeDaysAgo } });
    const response = await get('/moderation/stats/daily?days=5&timeZone=Asia/Tehran', moderator);
    expect(response.status).toBe(200);
    const { days } = response.body.data;
    expect(days).toHaveLength(5);
    expect(days[4].date).toBe(todayIn('Asia/Tehran'));
    const expectedDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(threeDaysAgo);
    const arrived = days.find((entry: { date: string }) => entry.date === expectedDate);
    expect(arrived).toMatchObject({ received: 1, pending: 1 });
  });

  it.each([
    ['days=0', 'days'],
    ['days=91', 'days'],
    ['days=abc', 'days'],
    ['days=1e1', 'days'],
    ['timeZone=Mars/Olympus', 'timeZone'],
    ['timeZone=%27%3B%20DROP%20TABLE%20comments', 'timeZone'],
  ])('refuses %s with a 400 naming the parameter', async (query, name) => {
    const response = await get(`/moderation/stats/daily?${query}`, moderator);
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    expect(response.body.error.details.code).toBe('moderation_bad_query');
    expect(response.body.error.details.messages.en).toContain(`"${name}"`);
  });

  it('reads the decisions through an index on the audit trail', async () => {
    const { rows } = await app.strapi.db.connection.raw(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'khabar_moderation_events_occurred_idx'",
    );
    expect(rows[0]?.indexdef).toContain('(occurred_at) INCLUDE (to_status, comment_document_id)');
  });
});

describe('GET /moderation/articles/:documentId/counts', () => {
  it("gives an article's exact counts: all, pending, published, approved, rejected", async () => {
    const article = (await createArticle(app.strapi, { title: 'افتتاح کتابخانهٔ محله' })).documentId;
    const empty = await get(`/moderation/articles/${article}/counts`, moderator);
    expect(empty.status).toBe(200);
    expect(empty.body.data).toEqual({
      documentId: article,
      total: 0,
      pending: 0,
      published: 0,
      approved: 0,
      rejected: 0,
    });
    await commentWithStatus(app, article, 'pending');
    await commentWithStatus(app, article, 'pending');
    await commentWithStatus(app, article, 'approved');
    await commentWithStatus(app, article, 'rejected');
    const response = await get(`/moderation/articles/${article}/counts`, moderator);
    expect(response.body.data).toEqual({
      documentId: article,
      total: 4,
      pending: 2,
      published: 1,
      approved: 1,
      rejected: 1,
    });
  });

  it('answers 404 with a message for an unknown article', async () => {
    const response = await get('/moderation/articles/no-such-article/counts', moderator);
    expect(response.status).toBe(404);
    expectLocalizedError(response.body);
    expect(response.body.error.details.code).toBe('moderation_article_not_found');
  });
});

describe('the settings as the settings page reads them', () => {
  it('says which rate limits the environment fixes on this server', async () => {
    const response = await get('/moderation/settings', moderator);
    expect(response.status).toBe(200);
    // The test harness fixes both at 0 (tests/helpers/strapi.ts).
    expect(response.body.meta).toEqual({ environment: { rateLimit: { perMinute: 0, perHour: 0 } } });
  });

  it('refuses bad values field by field, with both languages, and changes nothing', async () => {
    const response = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ maxLinks: -1, relevanceThreshold: 2, blocklist: ['دزد'] });
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    const errors = response.body.error.details.errors as { path: string[]; messages: { fa: string; en: string } }[];
    expect(errors.map((error) => error.path[0]).sort()).toEqual(['maxLinks', 'relevanceThreshold']);
    for (const error of errors) expect(error.messages.fa).toMatch(/[\u0600-\u06FF]/);
    expect((await get('/moderation/settings', superAdmin)).body.data.maxLinks).toBe(2);
  });
});
