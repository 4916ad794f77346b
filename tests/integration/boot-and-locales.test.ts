import { createArticle } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app.stop();
});

describe('boot', () => {
  it('answers the health check', async () => {
    const response = await app.http().get('/_health');
    expect(response.status).toBe(204);
  });

  it("sends no usage telemetry to Strapi: off in package.json, not only in this test's environment", () => {
    // On, Strapi posted the URL of each of the first 1,000 API requests a day to its analytics
    // service, refused ones included: a fetch per request, 12-26 % of the server's CPU under a flood.
    expect(app.strapi.config.get('packageJsonStrapi.telemetryDisabled')).toBe(true);
    expect(app.strapi.telemetry.isDisabled).toBe(true);
  });

  it('has Persian as the default locale and English beside it', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('fa');
    const response = await app.http().get('/api/i18n/locales');
    expect(response.status).toBe(200);
    const codes = (response.body as { code: string; isDefault: boolean }[]).map((l) => [l.code, l.isDefault]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['fa', true],
        ['en', false],
      ]),
    );
    expect(codes).toHaveLength(2);
  });

  it('restores the locales and the default on the next boot', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    await locales.setDefaultLocale({ code: 'en' });
    const english = await locales.findByCode('en');
    expect(english).toBeTruthy();
    // Run the project's bootstrap again, as a restart would.
    const { ensureLocales } = await import('../../src/bootstrap/locales');
    await ensureLocales(app.strapi);
    expect(await locales.getDefaultLocale()).toBe('fa');
    expect(await locales.count()).toBe(2);
  });
});

describe('admin panel layouts', () => {
  it('shows the comment queue with status and article, oldest first, system fields read-only', async () => {
    const contentTypes = app.strapi.plugin('content-manager').service('content-types');
    const configuration = await contentTypes.findConfiguration(app.strapi.contentType('api::comment.comment'));
    expect(configuration.layouts.list).toEqual(expect.arrayContaining(['moderationStatus', 'article', 'createdAt']));
    expect(configuration.settings).toMatchObject({ defaultSortBy: 'createdAt', defaultSortOrder: 'ASC' });
    for (const field of ['moderatedBy', 'moderatedAt', 'ipHash', 'screening']) {
      expect(configuration.metadatas[field].edit.editable).toBe(false);
    }
    expect(configuration.metadatas.article.edit.mainField).toBe('title');
  });

  it('names articles by their title and keeps their comments out of the article form', async () => {
    const contentTypes = app.strapi.plugin('content-manager').service('content-types');
    const configuration = await contentTypes.findConfiguration(app.strapi.contentType('api::article.article'));
    expect(configuration.settings.mainField).toBe('title');
    expect(configuration.metadatas.comments.edit.visible).toBe(false);
  });
});

describe('localized articles', () => {
  it('answers Persian by default and English with ?locale=en', async () => {
    const article = await createArticle(app.strapi, { title: 'افتتاح خط جدید مترو' });
    await app.strapi.documents('api::article.article').update({
      documentId: article.documentId,
      locale: 'en',
      data: { title: 'New metro line opens' },
      status: 'published',
    } as never);

    const persian = await app.http().get(`/api/articles/${article.documentId}`);
    expect(persian.status).toBe(200);
    expect(persian.body.data.title).toBe('افتتاح خط جدید مترو');
    expect(persian.body.data.locale).toBe('fa');

    const english = await app.http().get(`/api/articles/${article.documentId}?locale=en`);
    expect(english.status).toBe(200);
    expect(english.body.data.title).toBe('New metro line opens');
    expect(english.body.data.locale).toBe('en');

    const list = await app.http().get('/api/articles');
    expect(list.body.data.every((a: { locale: string }) => a.locale === 'fa')).toBe(true);
  });

  it('refuses an unknown locale with a 400 in both languages', async () => {
    const response = await app.http().get('/api/articles?locale=zz');
    expect(response.status).toBe(400);
    expect(response.body.error.details.messages.fa).toContain('zz');
    expect(response.body.error.details.messages.en).toContain('Unknown locale');
  });
});
