import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import {
  ARTICLE_UID,
  COMMENT_UID,
  commentBody,
  commentCount,
  commentRow,
  commentWithStatus,
  concurrentHttp,
  eventsFor,
  expectLocalizedError,
  newComment,
  publicStats,
  type Status,
  sqlCounts,
} from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let superAdmin: AdminSession;
let moderator: AdminSession;
let editor: AdminSession;
let articleId: string;

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  articleId = (await createArticle(app.strapi, { title: 'مسیرهای نوشتن نظر' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

const cmPath = (documentId: string) => `/content-manager/collection-types/${COMMENT_UID}/${documentId}`;
const cmUpdate = (session: AdminSession, documentId: string, data: Record<string, unknown>) =>
  app.http().put(cmPath(documentId)).set('Authorization', session.auth).send(data);

describe('content manager edits of a comment', () => {
  describe.each([
    ['a super admin', () => superAdmin],
    ['a moderator', () => moderator],
  ])('as %s', (_label, session) => {
    it('approving runs a transition: status, moderatedBy, moderatedAt and one audit event', async () => {
      const id = await newComment(app, articleId);
      const before = Date.now();
      const response = await cmUpdate(session(), id, { moderationStatus: 'approved' });
      expect(response.status).toBe(200);
      const row = await commentRow(app.strapi, id);
      expect(row.moderationStatus).toBe('approved');
      expect(row.moderatedBy?.id).toBe(session().id);
      expect(new Date(row.moderatedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      const events = await eventsFor(app.strapi, id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ fromStatus: 'pending', toStatus: 'approved', actor: { id: session().id } });
      expect((await app.http().get(`/api/comments/${id}`)).status).toBe(200);
    });

    it('rejecting without a reason answers 400 with a readable message and changes nothing', async () => {
      const id = await newComment(app, articleId);
      const response = await cmUpdate(session(), id, { moderationStatus: 'rejected' });
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('moderation_reason_required');
      expect((await commentRow(app.strapi, id)).moderationStatus).toBe('pending');
      expect(await eventsFor(app.strapi, id)).toHaveLength(0);
    });

    it('rejecting with a reason and a note rejects', async () => {
      const id = await commentWithStatus(app, articleId, 'approved');
      const response = await cmUpdate(session(), id, {
        moderationStatus: 'rejected',
        rejectionReason: 'not_persian',
        moderationNote: 'به زبان دیگر',
      });
      expect(response.status).toBe(200);
      expect(await commentRow(app.strapi, id)).toMatchObject({
        moderationStatus: 'rejected',
        rejectionReason: 'not_persian',
        moderationNote: 'به زبان دیگر',
        moderatedBy: { id: session().id },
      });
      const events = await eventsFor(app.strapi, id);
      expect(events.at(-1)).toMatchObject({ fromStatus: 'approved', toStatus: 'rejected', reason: 'not_persian' });
    });

    it('never takes moderatedBy or moderatedAt from the input', async () => {
      const id = await newComment(app, articleId);
      const response = await cmUpdate(session(), id, {
        moderationStatus: 'approved',
        moderatedBy: editor.id,
        moderatedAt: '2001-01-01T00:00:00.000Z',
      });
      expect(response.status).toBe(200);
      const row = await commentRow(app.strapi, id);
      expect(row.moderatedBy.id).toBe(session().id);
      expect(new Date(row.moderatedAt).getUTCFullYear()).not.toBe(2001);
    });

    it('refuses an unknown status with 400', async () => {
      const id = await newComment(app, articleId);
      const response = await cmUpdate(session(), id, { moderationStatus: 'published' });
      expect(response.status).toBe(400);
      expect((await commentRow(app.strapi, id)).moderationStatus).toBe('pending');
    });
  });

  it('a status change saved together with an invalid edit changes nothing at all', async () => {
    const id = await newComment(app, articleId);
    const before = await commentRow(app.strapi, id);
    const response = await cmUpdate(superAdmin, id, { moderationStatus: 'approved', body: 'x' });
    expect(response.status).toBe(400);
    const after = await commentRow(app.strapi, id);
    expect(after.body).toBe(before.body);
    expect(after.moderationStatus).toBe('pending');
    expect(after.moderatedBy).toBeNull();
    expect(await eventsFor(app.strapi, id)).toHaveLength(0);
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(404);
  });

  it('a moderator cannot rewrite what the reader wrote', async () => {
    const id = await newComment(app, articleId);
    const before = await commentRow(app.strapi, id);
    const response = await cmUpdate(moderator, id, { body: 'متن دستکاری‌شده', authorName: 'دیگری' });
    expect(response.status).toBeLessThan(500);
    const after = await commentRow(app.strapi, id);
    expect(after.body).toBe(before.body);
    expect(after.authorName).toBe(before.authorName);
  });

  describe('as an editor (no moderation permission)', () => {
    it('changing the status answers 403 and changes nothing', async () => {
      const id = await newComment(app, articleId);
      const before = await commentRow(app.strapi, id);
      for (const data of [
        { moderationStatus: 'approved' },
        { moderationStatus: 'rejected', rejectionReason: 'spam' },
      ]) {
        const response = await cmUpdate(editor, id, data);
        expect(response.status).toBe(403);
      }
      expect(await commentRow(app.strapi, id)).toEqual(before);
      expect(await eventsFor(app.strapi, id)).toHaveLength(0);
    });

    it('has no content-manager rights on comments, events or settings (revoked at boot)', async () => {
      const id = await newComment(app, articleId);
      expect((await app.http().get(cmPath(id)).set('Authorization', editor.auth)).status).toBe(403);
      const granted = await app.strapi.db.query('admin::permission').count({
        where: {
          subject: { $startsWith: 'plugin::moderation' },
          role: { code: { $in: ['strapi-editor', 'strapi-author'] } },
        },
      });
      expect(granted).toBe(0);
    });

    it('cannot write a note, a reason or a moderator either', async () => {
      const id = await commentWithStatus(app, articleId, 'approved');
      const before = await commentRow(app.strapi, id);
      const response = await cmUpdate(editor, id, {
        moderationNote: 'یادداشت ویراستار',
        rejectionReason: 'spam',
        moderatedBy: editor.id,
        moderatedAt: '2001-01-01T00:00:00.000Z',
      });
      expect([200, 403]).toContain(response.status);
      const after = await commentRow(app.strapi, id);
      expect(after.moderationStatus).toBe('approved');
      expect(after.moderationNote).toBe(before.moderationNote);
      expect(after.rejectionReason).toBe(before.rejectionReason);
      expect(after.moderatedBy?.id ?? null).toBe(before.moderatedBy?.id ?? null);
      expect(after.moderatedAt).toEqual(before.moderatedAt);
    });
  });

  it('a comment created in the content manager as approved is stored pending', async () => {
    const before = await commentCount(app.strapi);
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${COMMENT_UID}`)
      .set('Authorization', superAdmin.auth)
      .send({
        body: commentBody('از پنل'),
        authorName: 'مدیر',
        moderationStatus: 'approved',
        rejectionReason: 'spam',
        moderatedBy: superAdmin.id,
        moderatedAt: '2001-01-01T00:00:00.000Z',
        article: { connect: [{ documentId: articleId, locale: 'fa' }] },
      });
    expect(response.status).toBe(201);
    expect(await commentCount(app.strapi)).toBe(before + 1);
    const row = await commentRow(app.strapi, response.body.data.documentId);
    expect(row).toMatchObject({ moderationStatus: 'pending', rejectionReason: null, moderatedAt: null });
    expect(row.moderatedBy).toBeNull();
    expect(await eventsFor(app.strapi, row.documentId)).toHaveLength(0);
  });
});

describe('what an edit may change once a comment arrived', () => {
  const SETTINGS_UID = 'plugin::moderation.moderation-setting';
  const cmGet = (session: AdminSession, documentId: string) =>
    app.http().get(cmPath(documentId)).set('Authorization', session.auth);

  it('the content manager round trip (every field sent back) approves a comment', async () => {
    const id = await newComment(app, articleId);
    const form = (await cmGet(superAdmin, id)).body.data;
    const response = await cmUpdate(superAdmin, id, {
      ...form,
      moderationStatus: 'approved',
      article: { connect: [], disconnect: [] },
    });
    expect(response.status).toBe(200);
    expect((await commentRow(app.strapi, id)).moderationStatus).toBe('approved');
  });

  it('the text of an approved comment cannot be rewritten in place (it would go public unreviewed)', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    const before = await commentRow(app.strapi, id);
    for (const change of [{ body: 'متن بازنویسی‌شده پس از تأیید' }, { authorName: 'نام دیگر' }]) {
      const response = await cmUpdate(superAdmin, id, change);
      expect(response.status).toBe(400);
      expectLocalizedError(response.body);
      expect(response.body.error.details.code).toBe('comment_edit_needs_pending');
    }
    expect(await commentRow(app.strapi, id)).toEqual(before);
    expect((await app.http().get(`/api/comments/${id}`)).body.data.body).toBe(before.body);
  });

  it('an approved comment cannot be moved to another article', async () => {
    const other = (await createArticle(app.strapi, { title: 'خبر دیگر برای جابه‌جایی' })).documentId;
    const id = await commentWithStatus(app, articleId, 'approved');
    const response = await cmUpdate(superAdmin, id, {
      article: { connect: [{ documentId: other, locale: 'fa' }], disconnect: [] },
    });
    expect(response.status).toBe(400);
    const row = await app.strapi.db
      .query(COMMENT_UID)
      .findOne({ where: { documentId: id }, populate: { article: { select: ['documentId'] } } });
    expect(row.article.documentId).toBe(articleId);
  });

  it('reopening together with an edit is allowed: the new text waits for review', async () => {
    const id = await commentWithStatus(app, articleId, 'approved');
    const response = await cmUpdate(superAdmin, id, { moderationStatus: 'pending', body: commentBody('اصلاح‌شده') });
    expect(response.status).toBe(200);
    const row = await commentRow(app.strapi, id);
    expect(row.moderationStatus).toBe('pending');
    expect(row.body).toContain('اصلاح‌شده');
    expect((await app.http().get(`/api/comments/${id}`)).status).toBe(404);
  });

  it('a note or reason changed without a status change is refused, not dropped silently', async () => {
    const id = await commentWithStatus(app, articleId, 'rejected');
    const before = await commentRow(app.strapi, id);
    for (const change of [{ moderationNote: 'یادداشت تازه' }, { rejectionReason: 'slander' }]) {
      const response = await cmUpdate(moderator, id, change);
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('moderation_fields_need_transition');
      expectLocalizedError(response.body);
    }
    expect(await commentRow(app.strapi, id)).toEqual(before);
    const unchanged = await cmUpdate(moderator, id, {
      moderationStatus: before.moderationStatus,
      rejectionReason: before.rejectionReason,
      moderationNote: before.moderationNote ?? '',
    });
    expect(unchanged.status).toBe(200);
  });

  it('a pending comment may be corrected before review', async () => {
    const id = await newComment(app, articleId);
    const response = await cmUpdate(superAdmin, id, { body: commentBody('ویرایش پیش از بررسی') });
    expect(response.status).toBe(200);
    expect((await commentRow(app.strapi, id)).body).toContain('ویرایش پیش از بررسی');
  });

  it.each([
    ['ipHash', 'f'.repeat(64)],
    ['userAgent', 'جعلی/1.0'],
    ['fingerprint', 'a'.repeat(64)],
    ['screening', { flags: [], suggestedReason: null }],
  ])('what the system recorded on arrival (%s) cannot be overwritten', async (field, value) => {
    const id = await newComment(app, articleId);
    const before = await commentRow(app.strapi, id);
    const response = await cmUpdate(superAdmin, id, { [field]: value });
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('comment_system_field');
    expect(await commentRow(app.strapi, id)).toEqual(before);
    await expect(
      app.strapi.db.query(COMMENT_UID).update({ where: { documentId: id }, data: { [field]: value } }),
    ).rejects.toThrow();
    expect(await commentRow(app.strapi, id)).toEqual(before);
  });

  it('strapi.db.query cannot rewrite an approved comment either, but can a pending one', async () => {
    const approved = await commentWithStatus(app, articleId, 'approved');
    await expect(
      app.strapi.db.query(COMMENT_UID).update({ where: { documentId: approved }, data: { body: 'دستکاری' } }),
    ).rejects.toThrow();
    await expect(
      app.strapi.db.query(COMMENT_UID).updateMany({ where: { documentId: approved }, data: { authorName: 'دیگری' } }),
    ).rejects.toThrow();
    const pending = await newComment(app, articleId);
    await app.strapi.db
      .query(COMMENT_UID)
      .update({ where: { documentId: pending }, data: { body: commentBody('تازه') } });
    expect((await commentRow(app.strapi, pending)).body).toContain('تازه');
  });

  describe('an editor given content-manager rights on comments and settings by mistake', () => {
    beforeAll(async () => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
      const actions = ['create', 'read', 'update', 'delete'].map(
        (action) => `plugin::content-manager.explorer.${action}`,
      );
      await app.strapi.service('admin::role').addPermissions(
        role.id,
        [COMMENT_UID, SETTINGS_UID].flatMap((subject) =>
          actions.map((action) => ({ action, subject, properties: {}, conditions: [] })),
        ),
      );
    });

    it('still cannot edit, create or delete a comment', async () => {
      const id = await commentWithStatus(app, articleId, 'approved');
      const before = await commentRow(app.strapi, id);
      const edit = await cmUpdate(editor, id, { body: commentBody('ویراستار') });
      expect(edit.status).toBe(403);
      expect(edit.body.error.details.code).toBe('comment_edit_forbidden');
      expectLocalizedError(edit.body);
      const removal = await app.http().delete(cmPath(id)).set('Authorization', editor.auth);
      expect(removal.status).toBe(403);
      const creation = await app
        .http()
        .post(`/content-manager/collection-types/${COMMENT_UID}`)
        .set('Authorization', editor.auth)
        .send({
          body: commentBody('ساختگی'),
          authorName: 'ویراستار',
          article: { connect: [{ documentId: articleId, locale: 'fa' }] },
        });
      expect(creation.status).toBe(403);
      expect(await commentRow(app.strapi, id)).toEqual(before);
    });

    it('still cannot change the screening settings', async () => {
      const before = await app.strapi.db.query(SETTINGS_UID).findOne({});
      const response = await app
        .http()
        .put(`/content-manager/single-types/${SETTINGS_UID}`)
        .set('Authorization', editor.auth)
        .send({ blocklist: '', autoRejectSpam: !before.autoRejectSpam });
      expect(response.status).toBe(403);
      expect(response.body.error.details.code).toBe('settings_forbidden');
      expect(await app.strapi.db.query(SETTINGS_UID).findOne({})).toEqual(before);
    });

    it('loses those rights at the next boot', async () => {
      const { revokeEditorialModerationRights } = await import('../../src/bootstrap/editorial-roles');
      await revokeEditorialModerationRights(app.strapi);
      const left = await app.strapi.db.query('admin::permission').count({
        where: { subject: { $in: [COMMENT_UID, SETTINGS_UID] }, role: { code: 'strapi-editor' } },
      });
      expect(left).toBe(0);
      const moderatorKept = await app.strapi.db.query('admin::permission').count({
        where: { subject: COMMENT_UID, role: { code: 'khabar-moderator' } },
      });
      expect(moderatorKept).toBeGreaterThan(0);
    });
  });

  it('a moderator with the settings permission may change the settings in the content manager', async () => {
    const before = await app.strapi.db.query(SETTINGS_UID).findOne({});
    const response = await app
      .http()
      .put(`/content-manager/single-types/${SETTINGS_UID}`)
      .set('Authorization', moderator.auth)
      .send({ autoRejectSpam: !before.autoRejectSpam });
    expect(response.status).toBe(200);
    expect((await app.strapi.db.query(SETTINGS_UID).findOne({})).autoRejectSpam).toBe(!before.autoRejectSpam);
  });
});

describe('editors and the article side of comments', () => {
  const articlePath = (documentId: string) =>
    `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?locale=fa`;
  const linkedArticle = async (commentId: string) =>
    (
      await app.strapi.db
        .query(COMMENT_UID)
        .findOne({ where: { documentId: commentId }, populate: { article: { select: ['documentId'] } } })
    ).article?.documentId;

  it('an Editor can edit a Persian article in the content manager (locales granted at boot)', async () => {
    const article = (await createArticle(app.strapi, { title: 'خبر ویراستار' })).documentId;
    const response = await app
      .http()
      .put(articlePath(article))
      .set('Authorization', editor.auth)
      .send({ title: 'خبر ویراستار، ویرایش دوم', comments: { connect: [], disconnect: [] } });
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('خبر ویراستار، ویرایش دوم');
  });

  it.each([
    ['connect', (id: string) => ({ connect: [{ documentId: id }] })],
    ['disconnect', (id: string) => ({ disconnect: [{ documentId: id }] })],
    ['set', (id: string) => ({ set: [{ documentId: id }] })],
  ])('nobody moves an approved comment through an article’s comments (%s)', async (_label, payload) => {
    const other = (await createArticle(app.strapi, { title: 'خبر مقصد' })).documentId;
    const comment = await commentWithStatus(app, articleId, 'approved');
    for (const session of [editor, superAdmin]) {
      const target = _label === 'disconnect' ? articleId : other;
      const response = await app
        .http()
        .put(articlePath(target))
        .set('Authorization', session.auth)
        .send({ comments: payload(comment) });
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('article_comments_read_only');
    }
    const created = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE_UID}?locale=fa`)
      .set('Authorization', editor.auth)
      .send({ title: 'خبر تازه با نظر دزدیده', comments: { connect: [{ documentId: comment }] } });
    expect(created.status).toBe(400);
    expect(await linkedArticle(comment)).toBe(articleId);
    expect(await eventsFor(app.strapi, comment)).toHaveLength(1);
  });
});

describe('code paths below the API', () => {
  const data = () => ({
    body: commentBody('از کد'),
    authorName: 'اسکریپت',
    moderationStatus: 'approved',
    rejectionReason: 'spam',
    moderationNote: 'x',
    moderatedAt: new Date('2001-01-01'),
  });

  it('the Document Service create stores pending', async () => {
    const created = await app.strapi.documents(COMMENT_UID).create({
      data: { ...data(), article: { documentId: articleId, locale: 'fa' } } as never,
    });
    expect(await commentRow(app.strapi, created.documentId)).toMatchObject({
      moderationStatus: 'pending',
      rejectionReason: null,
      moderationNote: null,
      moderatedAt: null,
    });
  });

  it('strapi.db.query create stores pending', async () => {
    const created = await app.strapi.db.query(COMMENT_UID).create({ data: data() });
    expect(await commentRow(app.strapi, created.documentId)).toMatchObject({
      moderationStatus: 'pending',
      rejectionReason: null,
      moderationNote: null,
      moderatedAt: null,
    });
  });

  it('strapi.db.query createMany stores pending', async () => {
    const first = data();
    const second = data();
    await app.strapi.db.query(COMMENT_UID).createMany({ data: [first, second] });
    const rows = await app.strapi.db
      .query(COMMENT_UID)
      .findMany({ where: { body: { $in: [first.body, second.body] } } });
    expect(rows.map((row: { moderationStatus: string }) => row.moderationStatus)).toEqual(['pending', 'pending']);
  });

  it.each([
    ['moderationStatus', { moderationStatus: 'approved' }],
    ['rejectionReason', { rejectionReason: 'spam' }],
    ['moderationNote', { moderationNote: 'x' }],
    ['moderatedAt', { moderatedAt: new Date() }],
  ])('strapi.db.query update of %s throws and changes nothing', async (_field, change) => {
    const id = await newComment(app, articleId);
    const before = await commentRow(app.strapi, id);
    await expect(
      app.strapi.db.query(COMMENT_UID).update({ where: { documentId: id }, data: change }),
    ).rejects.toThrow();
    await expect(
      app.strapi.db.query(COMMENT_UID).updateMany({ where: { documentId: id }, data: change }),
    ).rejects.toThrow();
    expect(await commentRow(app.strapi, id)).toEqual(before);
  });

  it('strapi.db.query update of other fields still works', async () => {
    const id = await newComment(app, articleId);
    await app.strapi.db.query(COMMENT_UID).update({ where: { documentId: id }, data: { authorName: 'نام تازه' } });
    expect(await commentRow(app.strapi, id)).toMatchObject({ authorName: 'نام تازه', moderationStatus: 'pending' });
  });

  it('a Document Service update of the status in trusted code runs an audited transition', async () => {
    const id = await newComment(app, articleId);
    await app.strapi.documents(COMMENT_UID).update({ documentId: id, data: { moderationStatus: 'approved' } } as never);
    expect((await commentRow(app.strapi, id)).moderationStatus).toBe('approved');
    const events = await eventsFor(app.strapi, id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: 'pending', toStatus: 'approved', actor: null, actorLabel: 'system' });
  });
});

describe('deleting an article', () => {
  const moderationStats = async (article?: string) =>
    (
      await app
        .http()
        .get(`/moderation/stats${article ? `?article=${article}` : ''}`)
        .set('Authorization', moderator.auth)
    ).body.data;

  const expectStatsMatchDatabase = async (articleDocumentIds: string[]) => {
    const stats = await moderationStats();
    expect(stats.overall).toEqual(await sqlCounts(app.strapi));
    for (const documentId of articleDocumentIds) {
      const sql = await sqlCounts(app.strapi, documentId);
      const [entry] = (await moderationStats(documentId)).articles;
      if (sql.total === 0) expect(entry).toBeUndefined();
      else expect(entry).toMatchObject(sql);
    }
  };

  it('in every locale deletes its comments; stats follow the database', async () => {
    const doomed = (await createArticle(app.strapi, { title: 'خبری که حذف می‌شود' })).documentId;
    const kept = (await createArticle(app.strapi, { title: 'خبری که می‌ماند' })).documentId;
    const doomedComments = [
      await commentWithStatus(app, doomed, 'pending'),
      await commentWithStatus(app, doomed, 'approved'),
      await commentWithStatus(app, doomed, 'rejected'),
    ];
    const keptComment = await commentWithStatus(app, kept, 'approved');
    await expectStatsMatchDatabase([doomed, kept]);
    const eventsBefore = (await Promise.all(doomedComments.map((id) => eventsFor(app.strapi, id)))).flat().length;

    await app.strapi.documents(ARTICLE_UID).delete({ documentId: doomed, locale: '*' });

    expect(await app.strapi.db.query(COMMENT_UID).count({ where: { documentId: { $in: doomedComments } } })).toBe(0);
    expect(await sqlCounts(app.strapi, doomed)).toEqual({ total: 0, pending: 0, approved: 0, rejected: 0 });
    expect(await commentRow(app.strapi, keptComment)).not.toBeNull();
    expect(await publicStats(app, kept)).toEqual({ total: 1, pending: 0, published: 1 });
    await expectStatsMatchDatabase([doomed, kept]);
    // The moderation queue holds no orphan.
    const queue = await app.http().get('/moderation/comments?pageSize=200').set('Authorization', moderator.auth);
    const queued = queue.body.data.map((item: { documentId: string }) => item.documentId);
    for (const id of doomedComments) expect(queued).not.toContain(id);
    // The audit trail stays.
    expect((await Promise.all(doomedComments.map((id) => eventsFor(app.strapi, id)))).flat()).toHaveLength(
      eventsBefore,
    );
    for (const id of doomedComments) expect((await app.http().get(`/api/comments/${id}`)).status).toBe(404);
  });

  it('through the content manager deletes its comments too', async () => {
    const doomed = (await createArticle(app.strapi, { title: 'حذف از پنل' })).documentId;
    const comments = [await commentWithStatus(app, doomed, 'approved'), await newComment(app, doomed)];
    const response = await app
      .http()
      .delete(`/content-manager/collection-types/${ARTICLE_UID}/${doomed}?locale=fa`)
      .set('Authorization', superAdmin.auth);
    expect(response.status).toBe(200);
    expect(await app.strapi.db.query(ARTICLE_UID).count({ where: { documentId: doomed } })).toBe(0);
    expect(await app.strapi.db.query(COMMENT_UID).count({ where: { documentId: { $in: comments } } })).toBe(0);
    await expectStatsMatchDatabase([doomed]);
  });

  it('in the locale the comment was posted in keeps it attached to the remaining locale', async () => {
    const article = (await createArticle(app.strapi, { title: 'خبر دوزبانهٔ دوم' })).documentId;
    await app.strapi.documents(ARTICLE_UID).update({
      documentId: article,
      locale: 'en',
      data: { title: 'A second bilingual story', lead: 'lead', body: 'body' },
    } as never);
    await app.strapi.documents(ARTICLE_UID).publish({ documentId: article, locale: 'en' } as never);
    const approved = await commentWithStatus(app, article, 'approved');
    const pending = await newComment(app, article);

    await app.strapi.documents(ARTICLE_UID).delete({ documentId: article, locale: 'fa' });

    // Comments belong to the article, not to a translation: they stay, and stay counted.
    expect(await commentRow(app.strapi, approved)).not.toBeNull();
    const english = await app.http().get(`/api/articles/${article}?locale=en`);
    expect(english.status).toBe(200);
    expect(english.body.data.commentStats).toEqual({ total: 2, pending: 1, published: 1 });
    const queued = await app.http().get(`/moderation/comments/${pending}`).set('Authorization', moderator.auth);
    expect(queued.body.data.article?.documentId).toBe(article);
    const listed = await app.http().get(`/api/comments?filters[article][documentId][$eq]=${article}&locale=en`);
    expect(listed.body.data.map((c: { documentId: string }) => c.documentId)).toEqual([approved]);
  });

  it('in one locale only keeps the comments while another locale remains', async () => {
    const article = (await createArticle(app.strapi, { title: 'خبر دوزبانه' })).documentId;
    await app.strapi.documents(ARTICLE_UID).update({
      documentId: article,
      locale: 'en',
      data: { title: 'A bilingual story', lead: 'lead', body: 'body' },
    } as never);
    await app.strapi.documents(ARTICLE_UID).publish({ documentId: article, locale: 'en' } as never);
    const comment = await commentWithStatus(app, article, 'approved');

    await app.strapi.documents(ARTICLE_UID).delete({ documentId: article, locale: 'en' });
    expect(await commentRow(app.strapi, comment)).not.toBeNull();
    expect(await publicStats(app, article)).toEqual({ total: 1, pending: 0, published: 1 });

    await app.strapi.documents(ARTICLE_UID).delete({ documentId: article, locale: 'fa' });
    expect(await commentRow(app.strapi, comment)).toBeNull();
    await expectStatsMatchDatabase([article]);
  });
});

describe('concurrent moderators', () => {
  const COMMENTS = 30;
  const REQUESTS = 50;
  let parallel: Awaited<ReturnType<typeof concurrentHttp>>;
  beforeAll(async () => {
    parallel = await concurrentHttp(app);
  });

  /** A small deterministic generator, so a failure replays the same mix. */
  const random = (() => {
    let seed = 20240917;
    return () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
  })();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  it('leave every comment in one valid state with one audit event per successful transition', async () => {
    const article = (await createArticle(app.strapi, { title: 'صف شلوغ' })).documentId;
    const ids: string[] = [];
    for (let index = 0; index < COMMENTS; index += 1) {
      ids.push(await commentWithStatus(app, article, pick(['pending', 'pending', 'approved', 'rejected'] as const)));
    }
    const eventsBefore = new Map<string, number>();
    for (const id of ids) eventsBefore.set(id, (await eventsFor(app.strapi, id)).length);

    const moderators = [moderator, await createAdmin(app.strapi, app.http, ['khabar-moderator']), superAdmin];
    moderators.push(await createAdmin(app.strapi, app.http, ['khabar-moderator']));
    // Most requests hit a small set of hot comments, so they really race.
    const hot = ids.slice(0, 8);
    type Planned = { action: 'approve' | 'reject' | 'reopen'; targets: string[]; bulk: boolean; session: AdminSession };
    const planned: Planned[] = Array.from({ length: REQUESTS }, (_, index) => {
      const action = pick(['approve', 'reject', 'reopen'] as const);
      const bulk = index % 7 === 3;
      const pool = random() < 0.7 ? hot : ids;
      const targets = bulk ? [...new Set([pick(pool), pick(pool), pick(ids)])] : [pick(pool)];
      return { action, targets, bulk, session: pick(moderators) };
    });

    const responses = await Promise.all(
      planned.map(({ action, targets, bulk, session }) => {
        const body: Record<string, unknown> =
          action === 'reject' ? { reason: pick(['spam', 'off_topic', 'other']) } : {};
        const request = bulk
          ? parallel()
              .post('/moderation/comments/bulk')
              .send({ ...body, action, documentIds: targets })
          : parallel().post(`/moderation/comments/${targets[0]}/${action}`).send(body);
        return request.set('Authorization', session.auth);
      }),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect(statuses).toContain(200);

    const transitions = new Map<string, number>(ids.map((id) => [id, 0]));
    planned.forEach(({ targets }, index) => {
      if (responses[index].status !== 200) return;
      for (const id of targets) transitions.set(id, (transitions.get(id) ?? 0) + 1);
    });

    for (const id of ids) {
      const row = await commentRow(app.strapi, id);
      expect(['pending', 'approved', 'rejected']).toContain(row.moderationStatus);
      if (row.moderationStatus === 'rejected') expect(row.rejectionReason).not.toBeNull();
      else expect(row.rejectionReason).toBeNull();

      const events = await eventsFor(app.strapi, id);
      expect([id, events.length - (eventsBefore.get(id) ?? 0)]).toEqual([id, transitions.get(id)]);
      // The trail is a chain: each event starts where the previous one ended, and ends at the current status.
      let status: Status = 'pending';
      for (const event of events) {
        expect([id, event.fromStatus]).toEqual([id, status]);
        expect(event.toStatus).not.toBe(event.fromStatus);
        status = event.toStatus;
      }
      expect([id, status]).toEqual([id, row.moderationStatus]);
    }

    const sql = await sqlCounts(app.strapi, article);
    expect(sql.total).toBe(COMMENTS);
    expect(await publicStats(app, article)).toEqual({
      total: sql.total,
      pending: sql.pending,
      published: sql.approved,
    });
    const stats = (await app.http().get(`/moderation/stats?article=${article}`).set('Authorization', moderator.auth))
      .body.data;
    expect(stats.overall).toEqual(await sqlCounts(app.strapi));
    expect(stats.articles[0]).toMatchObject(sql);
  });

  it('let exactly one of many simultaneous approvals of one comment win', async () => {
    const id = await newComment(app, articleId);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        parallel()
          .post(`/moderation/comments/${id}/approve`)
          .set('Authorization', (index % 2 ? moderator : superAdmin).auth)
          .send({}),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(409)]);
    expect(await eventsFor(app.strapi, id)).toHaveLength(1);
  });
});

describe('editors at work: clone, publish, delete', () => {
  const articlePath = (documentId: string) =>
    `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?locale=fa`;

  it('an Editor can publish, unpublish and delete an article (permissions repaired at boot)', async () => {
    const article = (await createArticle(app.strapi, { title: 'خبر انتشار ویراستار' }, { published: false }))
      .documentId;
    const publish = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE_UID}/${article}/actions/publish?locale=fa`)
      .set('Authorization', editor.auth)
      .send({});
    expect(publish.status).toBe(200);
    expect((await app.http().get(`/api/articles/${article}`)).status).toBe(200);
    const unpublish = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE_UID}/${article}/actions/unpublish?locale=fa`)
      .set('Authorization', editor.auth)
      .send({});
    expect(unpublish.status).toBe(200);
    const removal = await app.http().delete(articlePath(article)).set('Authorization', editor.auth);
    expect(removal.status).toBe(200);
  });

  it('cloning an article copies no comments and gives the copy its own slug', async () => {
    const original = await createArticle(app.strapi, { title: 'خبر اصلی برای رونوشت' });
    const comment = await commentWithStatus(app, original.documentId, 'approved');
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE_UID}/clone/${original.documentId}?locale=fa`)
      .set('Authorization', editor.auth)
      .send({ title: 'رونوشت خبر اصلی' });
    expect(response.status).toBe(200);
    const copy = response.body.data.documentId as string;
    const row = await app.strapi.db
      .query(COMMENT_UID)
      .findOne({ where: { documentId: comment }, populate: { article: { select: ['documentId'] } } });
    expect(row.article.documentId).toBe(original.documentId);
    expect(await publicStats(app, original.documentId)).toEqual({ total: 1, pending: 0, published: 1 });
    expect((await app.http().get(`/api/comments/${comment}`)).status).toBe(200);
    const copyRow = await app.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId: copy }, select: ['slug'] });
    expect(copyRow.slug).not.toBe(original.slug);
    const publish = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE_UID}/${copy}/actions/publish?locale=fa`)
      .set('Authorization', editor.auth)
      .send({});
    expect(publish.status).toBe(200);
    expect(await publicStats(app, copy)).toEqual({ total: 0, pending: 0, published: 0 });
  });
});

// Last in the file: it deletes the English locale of this test database.
describe('deleting a locale in the i18n settings', () => {
  it('moves the comments of that translation to a remaining locale; with none left, deletes them', async () => {
    const articles = app.strapi.documents(ARTICLE_UID);
    const bilingual = (await createArticle(app.strapi, { title: 'Only in English at first' }, { locale: 'en' }))
      .documentId;
    const onEnglish = await commentWithStatus(app, bilingual, 'approved');
    await articles.update({ documentId: bilingual, locale: 'fa', data: { title: 'اکنون به فارسی هم' } } as never);
    await articles.publish({ documentId: bilingual, locale: 'fa' } as never);
    const englishOnly = (await createArticle(app.strapi, { title: 'English only' }, { locale: 'en' })).documentId;
    const orphanCandidate = await newComment(app, englishOnly);

    const english = await app.strapi.db.query('plugin::i18n.locale').findOne({ where: { code: 'en' } });
    const response = await app.http().delete(`/i18n/locales/${english.id}`).set('Authorization', superAdmin.auth);
    expect(response.status).toBe(200);

    const moved = await app.strapi.db
      .query(COMMENT_UID)
      .findOne({ where: { documentId: onEnglish }, populate: { article: { select: ['documentId', 'locale'] } } });
    expect(moved.article).toMatchObject({ documentId: bilingual, locale: 'fa' });
    expect((await app.http().get(`/api/comments/${onEnglish}`)).status).toBe(200);
    expect(await commentCount(app.strapi, { documentId: orphanCandidate })).toBe(0);
  });
});
