import { randomBytes } from 'node:crypto';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import {
  commentWithStatus,
  concurrentHttp,
  EVENT_UID,
  eventsFor,
  expectLocalizedError,
  transition,
} from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Agree/disagree and reports on published comments (issue #14), over HTTP on a real Strapi:
 * each rule and refusal, the leak paths (a pending or rejected comment answers exactly like a
 * missing one), exact counts under concurrency, the reported queue, dismissals and the threshold.
 */
let app: TestApp;
let moderator: AdminSession;
let editor: AdminSession;
let articleId: string;

const cookie = () => `khabar_reader=${randomBytes(32).toString('base64url')}`;
const react = (id: string, body: unknown, readerCookie?: string) => {
  const request = app.http().post(`/api/comments/${id}/reactions`);
  if (readerCookie) request.set('Cookie', readerCookie);
  return request.send(body as object);
};
const report = (id: string, body: unknown, readerCookie?: string) => {
  const request = app.http().post(`/api/comments/${id}/reports`);
  if (readerCookie) request.set('Cookie', readerCookie);
  return request.send(body as object);
};
const publicComment = async (id: string) => (await app.http().get(`/api/comments/${id}`)).body.data;

beforeAll(async () => {
  // The reader actions' own budgets are off here, except in the rate-limit test.
  process.env.REACTION_RATE_LIMIT_PER_MINUTE = '0';
  process.env.REACTION_RATE_LIMIT_PER_HOUR = '0';
  process.env.REPORT_RATE_LIMIT_PER_MINUTE = '0';
  process.env.REPORT_RATE_LIMIT_PER_HOUR = '0';
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  articleId = (await createArticle(app.strapi, { title: 'افزایش قیمت بلیت مترو در تهران' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

describe('reactions', () => {
  it('counts one reaction per reader, a new kind replacing the old, and shows counts on every public comment', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    expect((await publicComment(id)).reactions).toEqual({ agree: 0, disagree: 0 });

    const first = await react(id, { kind: 'agree' });
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ documentId: id, reaction: 'agree', reactions: { agree: 1, disagree: 0 } });
    // The anonymous cookie: long-lived, HttpOnly, SameSite=Lax.
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/khabar_reader=[A-Za-z0-9_-]{43}/);
    expect(setCookie).toMatch(/httponly/i);
    expect(setCookie).toMatch(/samesite=lax/i);
    expect(setCookie).toMatch(/expires=/i);
    const readerCookie = setCookie.match(/khabar_reader=[A-Za-z0-9_-]{43}/)?.[0] as string;

    // The same reader again: nothing added; then a change of mind replaces the reaction.
    const again = await react(id, { kind: 'agree' }, readerCookie);
    expect(again.body.data.reactions).toEqual({ agree: 1, disagree: 0 });
    expect(again.headers['set-cookie']).toBeUndefined();
    const changed = await react(id, { kind: 'disagree' }, readerCookie);
    expect(changed.body.data.reactions).toEqual({ agree: 0, disagree: 1 });
    // Another reader adds to the count.
    await react(id, { kind: 'disagree' }, cookie());
    expect((await publicComment(id)).reactions).toEqual({ agree: 0, disagree: 2 });
    const list = await app
      .http()
      .get(`/api/comments?filters[article][documentId][$eq]=${articleId}&sort=createdAt:desc`);
    expect(list.body.data.find((comment: { documentId: string }) => comment.documentId === id).reactions).toEqual({
      agree: 0,
      disagree: 2,
    });
  });

  it('refuses a missing or unknown kind with a 400 in Persian and English', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    for (const body of [{}, { kind: 'love' }, { kind: ['agree'] }, []]) {
      const response = await react(id, body, cookie());
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('reaction_kind_invalid');
    }
  });

  it('answers a pending, rejected or missing comment exactly like a missing one, and stores nothing', async () => {
    const pending = await commentWithStatus(app, articleId, 'pending');
    const rejected = await commentWithStatus(app, articleId, 'rejected');
    const missing = await react('doesnotexist0000000000000', { kind: 'agree' }, cookie());
    expect(missing.status).toBe(404);
    expect(missing.headers['set-cookie']).toBeUndefined();
    for (const id of [pending, rejected]) {
      const response = await react(id, { kind: 'agree' }, cookie());
      expect(response.status).toBe(missing.status);
      expect(response.body).toEqual(missing.body);
      expect(response.headers['set-cookie']).toBeUndefined();
      const reportResponse = await report(id, { reason: 'spam' }, cookie());
      expect(reportResponse.status).toBe(404);
      expect(reportResponse.body).toEqual(missing.body);
    }
    const stored = await app.strapi.db.connection.raw(
      'SELECT count(*) AS n FROM khabar_comment_reactions r JOIN comments c ON c.id = r.comment_id WHERE c.document_id IN (?, ?)',
      [pending, rejected],
    );
    expect(Number(stored.rows[0].n)).toBe(0);
  });

  it('keeps the reactions of a comment that is rejected and approved again, hidden meanwhile', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    await react(id, { kind: 'agree' }, cookie());
    await transition(app.strapi, id, 'reject', 'spam');
    expect((await react(id, { kind: 'agree' }, cookie())).status).toBe(404);
    await transition(app.strapi, id, 'approve');
    expect((await publicComment(id)).reactions).toEqual({ agree: 1, disagree: 0 });
  });

  it('counts 200 concurrent reactions exactly', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    const http = await concurrentHttp(app);
    const kinds = Array.from({ length: 200 }, (_, index) => (index % 4 === 0 ? 'disagree' : 'agree'));
    const responses = await Promise.all(
      kinds.map((kind) => http().post(`/api/comments/${id}/reactions`).set('Cookie', cookie()).send({ kind })),
    );
    expect(responses.map((response) => response.status)).toEqual(kinds.map(() => 200));
    expect((await publicComment(id)).reactions).toEqual({ agree: 150, disagree: 50 });
    // And 200 concurrent changes of mind by the same readers' twins: the counts follow exactly.
    const readers = Array.from({ length: 100 }, () => cookie());
    await Promise.all(
      readers.map((c) => http().post(`/api/comments/${id}/reactions`).set('Cookie', c).send({ kind: 'agree' })),
    );
    await Promise.all(
      readers.flatMap((c) => [
        http().post(`/api/comments/${id}/reactions`).set('Cookie', c).send({ kind: 'disagree' }),
        http().post(`/api/comments/${id}/reactions`).set('Cookie', c).send({ kind: 'disagree' }),
      ]),
    );
    expect((await publicComment(id)).reactions).toEqual({ agree: 150, disagree: 150 });
    const truth = await app.strapi.db.connection.raw(
      `SELECT kind, count(*) AS n FROM khabar_comment_reactions r JOIN comments c ON c.id = r.comment_id
        WHERE c.document_id = ? GROUP BY kind`,
      [id],
    );
    const counted = Object.fromEntries(truth.rows.map((row: { kind: string; n: string }) => [row.kind, Number(row.n)]));
    expect(counted).toEqual({ agree: 150, disagree: 150 });
  });

  it('is rate limited per address with its own budget', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    process.env.REACTION_RATE_LIMIT_PER_MINUTE = '3';
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await react(id, { kind: 'agree' }, cookie())).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await react(id, { kind: 'agree' }, cookie());
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expectLocalizedError(limited.body);
      // Comments are not in that budget.
      await commentWithStatus(app, articleId, 'pending');
    } finally {
      process.env.REACTION_RATE_LIMIT_PER_MINUTE = '0';
    }
  });
});

describe('reports', () => {
  it('takes one report per reader, keeps the comment published, and refuses bad input', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    const readerCookie = cookie();
    const first = await report(id, { reason: 'slander', note: '  تهمت به یک شخص  ' }, readerCookie);
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ documentId: id, reported: true });
    const again = await report(id, { reason: 'spam' }, readerCookie);
    expect(again.status).toBe(200);
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(200);
    // Nothing of the report is public.
    expect(JSON.stringify(await publicComment(id))).not.toMatch(/report|slander|تهمت/);

    for (const [body, code] of [
      [{}, 'report_reason_invalid'],
      [{ reason: 'boring' }, 'report_reason_invalid'],
      [{ reason: 'other', note: 'ب'.repeat(501) }, 'report_note_too_long'],
      [{ reason: 'other', note: 5 }, 'report_note_too_long'],
    ] as const) {
      const response = await report(id, body, cookie());
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe(code);
    }
  });

  it('lists reported comments for moderators, most reported first, with their reports', async () => {
    const once = await commentWithStatus(app, articleId, 'approved');
    const thrice = await commentWithStatus(app, articleId, 'approved');
    await report(once, { reason: 'spam' }, cookie());
    for (const reason of ['slander', 'slander', 'other']) await report(thrice, { reason }, cookie());

    const queue = await app
      .http()
      .get('/moderation/comments?reported=true&pageSize=200')
      .set('Authorization', moderator.auth);
    expect(queue.status).toBe(200);
    const ids = queue.body.data.map((comment: { documentId: string }) => comment.documentId);
    expect(ids.indexOf(thrice)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(thrice)).toBeLessThan(ids.indexOf(once));
    const entry = queue.body.data.find((comment: { documentId: string }) => comment.documentId === thrice);
    expect(entry.reports.open).toBe(3);
    expect(entry.reports.items.map((item: { reason: string }) => item.reason).sort()).toEqual([
      'other',
      'slander',
      'slander',
    ]);
    expect(entry.reports.items[0]).not.toHaveProperty('reader');
    expect(queue.body.meta.pagination.total).toBe(ids.length);

    // Only moderators: an editor (no moderation permission) and the public are refused.
    expect((await app.http().get('/moderation/comments?reported=true').set('Authorization', editor.auth)).status).toBe(
      403,
    );
    expect((await app.http().get('/moderation/comments?reported=true')).status).toBe(401);
  });

  it('dismisses the open reports with an audit of who did it, and refuses a second dismissal', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    await report(id, { reason: 'off_topic' }, cookie());
    await report(id, { reason: 'spam' }, cookie());
    const dismiss = () =>
      app.http().post(`/moderation/comments/${id}/reports/dismiss`).set('Authorization', moderator.auth).send({});
    expect(
      (await app.http().post(`/moderation/comments/${id}/reports/dismiss`).set('Authorization', editor.auth)).status,
    ).toBe(403);
    const done = await dismiss();
    expect(done.status).toBe(200);
    expect(done.body.data.moderationStatus).toBe('approved');
    expect(done.body.data.reports.open).toBe(0);
    expect(done.body.data.reports.items).toHaveLength(2);
    for (const item of done.body.data.reports.items) {
      expect(item.resolution).toBe('dismissed');
      expect(item.resolvedBy.id).toBe(moderator.id);
      expect(typeof item.resolvedAt).toBe('string');
    }
    const queue = await app
      .http()
      .get('/moderation/comments?reported=true&pageSize=200')
      .set('Authorization', moderator.auth);
    expect(queue.body.data.map((comment: { documentId: string }) => comment.documentId)).not.toContain(id);
    const second = await dismiss();
    expect(second.status).toBe(409);
    expect(second.body.error.details.code).toBe('moderation_no_open_reports');
    const missing = await app
      .http()
      .post('/moderation/comments/doesnotexist0000000000000/reports/dismiss')
      .set('Authorization', moderator.auth)
      .send({});
    expect(missing.status).toBe(404);
  });

  it('rejecting a reported comment unpublishes it through the transitions and settles its reports', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    await report(id, { reason: 'slander' }, cookie());
    const rejected = await app
      .http()
      .post(`/moderation/comments/${id}/reject`)
      .set('Authorization', moderator.auth)
      .send({ reason: 'slander', note: 'گزارش خوانندگان درست بود' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data.reports.open).toBe(0);
    expect(rejected.body.data.reports.items[0].resolution).toBe('rejected');
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(404);
    const events = await eventsFor(app.strapi, id);
    expect(events.at(-1)).toMatchObject({ fromStatus: 'approved', toStatus: 'rejected', reason: 'slander' });
  });

  it('takes concurrent reports from distinct readers, one each', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    const http = await concurrentHttp(app);
    const readers = Array.from({ length: 40 }, () => cookie());
    const responses = await Promise.all(
      [...readers, ...readers].map((c) =>
        http().post(`/api/comments/${id}/reports`).set('Cookie', c).send({ reason: 'spam' }),
      ),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(40);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(40);
    const view = await app.http().get(`/moderation/comments/${id}`).set('Authorization', moderator.auth);
    expect(view.body.data.reports.open).toBe(40);
  });

  it('with a threshold set, moves a comment back to pending once, at the Nth distinct report, audited', async () => {
    const settings = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', (await createAdmin(app.strapi, app.http)).auth)
      .send({ reportThreshold: 5 });
    expect(settings.status).toBe(200);
    expect(settings.body.data.reportThreshold).toBe(5);
    try {
      const id = await commentWithStatus(app, articleId, 'approved');
      const http = await concurrentHttp(app);
      const responses = await Promise.all(
        Array.from({ length: 12 }, () =>
          http().post(`/api/comments/${id}/reports`).set('Cookie', cookie()).send({ reason: 'slander' }),
        ),
      );
      // The readers cannot tell: every report is answered alike (those after the move are 404s
      // only because the comment is no longer public).
      expect(responses.filter((response) => response.status === 201).length).toBeGreaterThanOrEqual(5);
      expect((await app.http().get(`/api/comments/${id}`)).status).toBe(404);
      const events = await app.strapi.db
        .query(EVENT_UID)
        .findMany({ where: { commentDocumentId: id, toStatus: 'pending' } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ fromStatus: 'approved', actorLabel: 'reports' });
      const view = await app.http().get(`/moderation/comments/${id}`).set('Authorization', moderator.auth);
      expect(view.body.data.moderationStatus).toBe('pending');
      expect(view.body.data.reports.open).toBeGreaterThanOrEqual(5);
    } finally {
      const admin = await createAdmin(app.strapi, app.http);
      await app.http().put('/moderation/settings').set('Authorization', admin.auth).send({ reportThreshold: null });
    }
  });

  it('is off by default: many reports never hide a comment by themselves', async () => {
    const admin = await createAdmin(app.strapi, app.http);
    const settings = await app.http().get('/moderation/settings').set('Authorization', admin.auth);
    expect(settings.body.data.reportThreshold).toBeNull();
    const id = await commentWithStatus(app, articleId, 'approved');
    for (let index = 0; index < 8; index += 1) await report(id, { reason: 'spam' }, cookie());
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(200);
  });
});

describe("settings of the readers' side", () => {
  it.each([
    [{ reportThreshold: 0 }],
    [{ reportThreshold: 1.5 }],
    [{ reportThreshold: '3' }],
    [{ reportThreshold: 1001 }],
    [{ closeCommentsAfterDays: 0 }],
    [{ closeCommentsAfterDays: -1 }],
    [{ closeCommentsAfterDays: 3651 }],
    [{ closeCommentsAfterDays: 'never' }],
  ])('refuses %j with a 400 in Persian and English and changes nothing', async (update) => {
    const admin = await createAdmin(app.strapi, app.http);
    const before = (await app.http().get('/moderation/settings').set('Authorization', admin.auth)).body.data;
    const response = await app.http().put('/moderation/settings').set('Authorization', admin.auth).send(update);
    expect(response.status).toBe(400);
    expectLocalizedError(response.body);
    expect(response.body.error.details.errors[0].path).toEqual([Object.keys(update)[0]]);
    const after = (await app.http().get('/moderation/settings').set('Authorization', admin.auth)).body.data;
    expect(after).toEqual(before);
  });

  it('takes a number or null for both', async () => {
    const admin = await createAdmin(app.strapi, app.http);
    const set = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', admin.auth)
      .send({ closeCommentsAfterDays: 30, reportThreshold: 3 });
    expect(set.body.data).toMatchObject({ closeCommentsAfterDays: 30, reportThreshold: 3 });
    const cleared = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', admin.auth)
      .send({ closeCommentsAfterDays: null, reportThreshold: null });
    expect(cleared.body.data).toMatchObject({ closeCommentsAfterDays: null, reportThreshold: null });
  });
});
