import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createFullAccessToken } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let admin: AdminSession;
let apiToken: string;
beforeAll(async () => {
  app = await startStrapi();
  admin = await createAdmin(app.strapi, app.http);
  apiToken = await createFullAccessToken(app.strapi);
});
afterAll(async () => {
  await app.stop();
});

const LATIN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('article slugs from Persian titles', () => {
  it('are filled by the Document Service', async () => {
    const article = await createArticle(app.strapi, { title: 'سلام دنیا' });
    expect(article.slug).toBe('slam-dnya');
  });

  it('are filled on REST writes', async () => {
    const response = await app
      .http()
      .post('/api/articles')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { title: 'بارش برف در تهران ۱۴۰۳' } });
    expect(response.status).toBe(201);
    expect(response.body.data.slug).toMatch(LATIN_SLUG);
    expect(response.body.data.slug).toBe('barsh-brf-dr-thran-1403');
  });

  it('are filled in the admin content manager', async () => {
    const response = await app
      .http()
      .post('/content-manager/collection-types/api::article.article')
      .set('Authorization', admin.auth)
      .send({ title: 'نمایشگاه کتاب‌ تهران' });
    expect(response.status).toBe(201);
    expect(response.body.data.slug).toMatch(LATIN_SLUG);
    expect(response.body.data.slug).toContain('nmayshgah');
  });

  it('match what the admin panel would generate', async () => {
    const generated = await app
      .http()
      .post('/content-manager/uid/generate')
      .set('Authorization', admin.auth)
      .send({ contentTypeUID: 'api::article.article', field: 'slug', data: { title: 'قیمت نان' } });
    const article = await createArticle(app.strapi, { title: 'قیمت نان' });
    expect(article.slug).toBe(generated.body.data);
  });

  it('are unique within a locale', async () => {
    const first = await createArticle(app.strapi, { title: 'خبر تکراری' });
    const second = await createArticle(app.strapi, { title: 'خبر تکراری' });
    const third = await createArticle(app.strapi, { title: 'خبر   تکراری' });
    expect(new Set([first.slug, second.slug, third.slug]).size).toBe(3);
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it('keeps a ZWNJ word apart and Persian digits as ASCII', async () => {
    const article = await createArticle(app.strapi, { title: 'می‌رود ۲۵' });
    expect(article.slug).toBe('my-rwd-25');
  });

  it('fill the slug of a new English localization from its own title', async () => {
    const article = await createArticle(app.strapi, { title: 'زلزله در کرمان' });
    const english = await app.strapi.documents('api::article.article').update({
      documentId: article.documentId,
      locale: 'en',
      data: { title: 'Earthquake in Kerman' },
    } as never);
    expect(english?.slug).toBe('earthquake-in-kerman');
  });

  it('stay stable once the article is published', async () => {
    const article = await createArticle(app.strapi, { title: 'عنوان نخست' });
    const updated = await app.strapi.documents('api::article.article').update({
      documentId: article.documentId,
      data: { title: 'عنوان دیگر' },
    } as never);
    expect(updated?.slug).toBe(article.slug);
    await app.strapi.documents('api::article.article').publish({ documentId: article.documentId });
    const published = await app.http().get(`/api/articles/${article.documentId}`);
    expect(published.body.data.slug).toBe(article.slug);
    expect(published.body.data.title).toBe('عنوان دیگر');
  });

  it('refuse an explicit change once published, with a 400', async () => {
    const article = await createArticle(app.strapi, { title: 'خبر منتشرشده' });
    const response = await app
      .http()
      .put(`/api/articles/${article.documentId}`)
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ data: { slug: 'another-slug' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('slug');
  });

  it('may be chosen freely while the article is a draft', async () => {
    const draft = await createArticle(app.strapi, { title: 'پیش‌نویس' }, { published: false });
    const updated = await app.strapi.documents('api::article.article').update({
      documentId: draft.documentId,
      data: { slug: 'my-draft' },
    } as never);
    expect(updated?.slug).toBe('my-draft');
  });
});
