import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let admin: AdminSession;
beforeAll(async () => {
  app = await startStrapi();
  admin = await createAdmin(app.strapi, app.http);
});
afterAll(async () => {
  await app.stop();
});

const CM = '/content-manager/collection-types';

async function expectInvalid(promise: Promise<unknown>, path: string) {
  await expect(promise).rejects.toMatchObject({
    name: 'ValidationError',
    details: { errors: expect.arrayContaining([expect.objectContaining({ path: [path] })]) },
  });
}

describe('Article validation', () => {
  it('requires a title', async () => {
    await expectInvalid(createArticle(app.strapi, { title: undefined }), 'title');
    await expectInvalid(createArticle(app.strapi, { title: '' }), 'title');
  });

  it('limits the title to 300 and the lead to 1,000 characters', async () => {
    await expectInvalid(createArticle(app.strapi, { title: 'ب'.repeat(301) }), 'title');
    await expect(createArticle(app.strapi, { title: 'ب'.repeat(300) })).resolves.toBeTruthy();
    await expectInvalid(createArticle(app.strapi, { lead: 'ل'.repeat(1001) }), 'lead');
  });

  it('enables comments by default', async () => {
    const article = await createArticle(app.strapi, { title: 'نظرها باز است' });
    expect(article.commentsEnabled).toBe(true);
  });

  it('refuses an invalid article in the admin panel with a 400, not a 500', async () => {
    const response = await app
      .http()
      .post(`${CM}/api::article.article`)
      .set('Authorization', admin.auth)
      .send({ title: 'ب'.repeat(301) });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it('links an article to the source it cites, both ways', async () => {
    const source = await createSource(app.strapi, { name: 'خبرگزاری نمونه', slug: 'nemooneh' });
    const article = await createArticle(app.strapi, { title: 'به نقل از خبرگزاری نمونه', source: source.documentId });
    const found = await app.strapi.documents('api::source.source').findOne({
      documentId: source.documentId,
      populate: ['articles'],
    });
    expect((found as unknown as { articles: { documentId: string }[] }).articles.map((a) => a.documentId)).toContain(
      article.documentId,
    );
    const response = await app.http().get(`/api/articles/${article.documentId}?populate=source`);
    expect(response.body.data.source.slug).toBe('nemooneh');
  });
});

describe('Source validation', () => {
  it('requires a name and a slug', async () => {
    await expectInvalid(createSource(app.strapi, { name: '' }), 'name');
    await expectInvalid(
      app.strapi.documents('api::source.source').create({ data: { name: 'بی‌نشانی' } } as never),
      'slug',
    );
  });

  it('takes Latin slugs only, and each once', async () => {
    await expectInvalid(createSource(app.strapi, { slug: 'مهر' }), 'slug');
    await expectInvalid(createSource(app.strapi, { slug: 'Has Space' }), 'slug');
    await createSource(app.strapi, { slug: 'yekta' });
    await expectInvalid(createSource(app.strapi, { slug: 'yekta' }), 'slug');
  });

  it('knows only the listed kinds', async () => {
    await expectInvalid(createSource(app.strapi, { kind: 'blog' }), 'kind');
    for (const kind of ['news_agency', 'newspaper', 'broadcaster', 'website', 'government', 'other']) {
      await expect(createSource(app.strapi, { kind })).resolves.toMatchObject({ kind });
    }
  });

  it('validates the website URL', async () => {
    for (const website of [
      'not a url',
      'ftp://mehr.example',
      'javascript:alert(1)',
      'https://',
      'http://exa mple.com',
    ]) {
      await expectInvalid(createSource(app.strapi, { website }), 'website');
    }
    for (const website of ['https://www.mehrnews.example', 'http://news.example.ir/path?q=1', 'https://خبر.example']) {
      await expect(createSource(app.strapi, { website })).resolves.toMatchObject({ website });
    }
  });

  it('refuses an invalid source in the admin panel with a 400', async () => {
    const response = await app
      .http()
      .post(`${CM}/api::source.source`)
      .set('Authorization', admin.auth)
      .send({ name: 'منبع', slug: 'bad-url-source', website: 'not a url' });
    expect(response.status).toBe(400);
  });
});
