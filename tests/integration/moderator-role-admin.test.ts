import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { COMMENT_UID, commentRow, EVENT_UID, newComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The Moderator role as the admin panel sees it: the role editor (Settings → Roles) and the
 * content manager read `properties.fields` / `properties.locales` of each permission, and the
 * role editor writes back what it read.
 */
let app: TestApp;
let superAdmin: AdminSession;
let moderator: AdminSession;
let roleId: number;
let articleId: string;

const SETTINGS_UID = 'plugin::moderation.moderation-setting';
const CM = 'plugin::content-manager.explorer';

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  roleId = (await app.strapi.db.query('admin::role').findOne({ where: { code: 'khabar-moderator' } })).id;
  articleId = (await createArticle(app.strapi, { title: 'گزارش نقش ناظر' })).documentId;
});
afterAll(async () => {
  await app.stop();
});

interface PermissionView {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] };
  conditions: string[];
}

async function rolePermissions(): Promise<PermissionView[]> {
  const response = await app.http().get(`/admin/roles/${roleId}/permissions`).set('Authorization', superAdmin.auth);
  expect(response.status).toBe(200);
  return response.body.data;
}
const find = (permissions: PermissionView[], action: string, subject: string) =>
  permissions.find((permission) => permission.action === `${CM}.${action}` && permission.subject === subject);

const cm = (path: string) => `/content-manager/collection-types/${path}`;

describe('the Moderator role read through the admin API (Settings → Roles)', () => {
  it('grants every field of comments, events, settings, articles and sources, and every locale', async () => {
    const permissions = await rolePermissions();
    const commentRead = find(permissions, 'read', COMMENT_UID);
    expect(commentRead?.properties.fields).toEqual(
      expect.arrayContaining([
        'body',
        'authorName',
        'authorEmail',
        'article',
        'moderationStatus',
        'rejectionReason',
        'moderationNote',
        'moderatedBy',
        'moderatedAt',
        'screening',
      ]),
    );
    expect(find(permissions, 'update', COMMENT_UID)?.properties.fields?.sort()).toEqual(
      ['moderationNote', 'moderationStatus', 'rejectionReason'].sort(),
    );
    expect(find(permissions, 'read', EVENT_UID)?.properties.fields).toEqual(
      expect.arrayContaining([
        'commentDocumentId',
        'fromStatus',
        'toStatus',
        'reason',
        'note',
        'actorLabel',
        'occurredAt',
      ]),
    );
    for (const action of ['read', 'update']) {
      expect(find(permissions, action, SETTINGS_UID)?.properties.fields).toEqual(
        expect.arrayContaining(['blocklist', 'autoRejectSpam', 'relevanceThreshold', 'rateLimitPerMinute']),
      );
    }
    for (const subject of ['api::article.article', 'api::source.source']) {
      const read = find(permissions, 'read', subject);
      expect(read?.properties.locales?.sort()).toEqual(['en', 'fa']);
      expect(read?.properties.fields).toEqual(
        expect.arrayContaining(subject.includes('article') ? ['title', 'body', 'source'] : ['name', 'slug']),
      );
      expect(find(permissions, 'update', subject)).toBeUndefined();
      expect(find(permissions, 'publish', subject)).toBeUndefined();
    }
  });

  it('lets a moderator read every field of a comment in the content manager', async () => {
    const id = await newComment(app, articleId, { authorEmail: 'reader@example.com' });
    const response = await app
      .http()
      .get(cm(`${COMMENT_UID}/${id}`))
      .set('Authorization', moderator.auth);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      body: expect.any(String),
      authorEmail: 'reader@example.com',
      moderationStatus: 'pending',
      screening: expect.objectContaining({ flags: expect.any(Array) }),
    });
  });
});

describe('the Moderator role saved back unchanged from the role editor', () => {
  beforeAll(async () => {
    const permissions = (await rolePermissions()).map(({ action, subject, properties, conditions }) => ({
      action,
      subject,
      properties,
      conditions,
    }));
    const response = await app
      .http()
      .put(`/admin/roles/${roleId}/permissions`)
      .set('Authorization', superAdmin.auth)
      .send({ permissions });
    expect(response.status).toBe(200);
  });

  it('still reads the fields', async () => {
    const permissions = await rolePermissions();
    expect(find(permissions, 'read', COMMENT_UID)?.properties.fields).toEqual(
      expect.arrayContaining(['body', 'authorEmail', 'screening', 'rejectionReason']),
    );
    expect(find(permissions, 'read', 'api::article.article')?.properties.locales?.sort()).toEqual(['en', 'fa']);
  });

  it('still moderates in the content manager and reads the article', async () => {
    const id = await newComment(app, articleId);
    const read = await app
      .http()
      .get(cm(`${COMMENT_UID}/${id}`))
      .set('Authorization', moderator.auth);
    expect(read.body.data).toMatchObject({ body: expect.any(String), moderationStatus: 'pending' });
    const saved = await app
      .http()
      .put(cm(`${COMMENT_UID}/${id}`))
      .set('Authorization', moderator.auth)
      .send({ ...read.body.data, moderationStatus: 'rejected', rejectionReason: 'off_topic', moderationNote: 'بی‌ربط' });
    expect(saved.status).toBe(200);
    expect(await commentRow(app.strapi, id)).toMatchObject({
      moderationStatus: 'rejected',
      rejectionReason: 'off_topic',
    });
    const article = await app
      .http()
      .get(cm(`api::article.article/${articleId}?locale=fa`))
      .set('Authorization', moderator.auth);
    expect(article.status).toBe(200);
    expect(article.body.data.title).toBe('گزارش نقش ناظر');
  });
});

describe('refusals the content manager shows on the field', () => {
  const save = (session: AdminSession, id: string, data: Record<string, unknown>) =>
    app
      .http()
      .put(cm(`${COMMENT_UID}/${id}`))
      .set('Authorization', session.auth)
      .send(data);

  it('rejecting without a reason names rejectionReason, then rejecting with one works', async () => {
    const id = await newComment(app, articleId);
    const refused = await save(moderator, id, { moderationStatus: 'rejected', rejectionReason: null });
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.details).toMatchObject({
      code: 'moderation_reason_required',
      messages: { fa: expect.any(String), en: expect.any(String) },
      errors: [{ path: ['rejectionReason'], message: expect.any(String), name: 'ValidationError' }],
    });
    expect((await commentRow(app.strapi, id)).moderationStatus).toBe('pending');
    const saved = await save(moderator, id, { moderationStatus: 'rejected', rejectionReason: 'spam' });
    expect(saved.status).toBe(200);
  });

  it('a reason changed without a status change names its field', async () => {
    const id = await newComment(app, articleId);
    const refused = await save(moderator, id, { moderationStatus: 'pending', rejectionReason: 'spam' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ path: ['rejectionReason'] })]);
  });

  it('a Super Admin cannot detach a comment from its article (the relation’s ×)', async () => {
    const id = await newComment(app, articleId);
    const refused = await save(superAdmin, id, { article: { connect: [], disconnect: [{ documentId: articleId }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({
      code: 'comment_article_required',
      errors: [expect.objectContaining({ path: ['article'] })],
    });
    expect((await commentRow(app.strapi, id)).article?.documentId).toBe(articleId);
  });
});

describe('the audit trail list', () => {
  it('shows time, actor, reason and note, newest first', async () => {
    const configuration = await app.strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration(app.strapi.contentType(EVENT_UID));
    expect(configuration.layouts.list.slice(0, 2)).toEqual(['occurredAt', 'actorLabel']);
    expect(configuration.layouts.list).toEqual(expect.arrayContaining(['reason', 'note', 'toStatus']));
    expect(configuration.settings).toMatchObject({ defaultSortBy: 'occurredAt', defaultSortOrder: 'DESC' });
  });
});

describe('the settings form', () => {
  it('says when the environment overrides a rate limit', async () => {
    // The test helper fixes both limits at 0 through the environment.
    const configuration = await app.strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration(app.strapi.contentType(SETTINGS_UID));
    expect(configuration.metadatas.rateLimitPerMinute.edit.description).toMatch(
      /^Not in effect on this server: the environment variable COMMENT_RATE_LIMIT_PER_MINUTE fixes it at 0/,
    );
    expect(configuration.metadatas.rateLimitPerHour.edit.description).toContain('COMMENT_RATE_LIMIT_PER_HOUR');
  });
});
