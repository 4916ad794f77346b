import { startStrapi, type TestApp } from '../helpers/strapi';

// Plain JS script, shared with `npm run seed`.
const { seed } = require('../../scripts/seed') as {
  seed(strapi: TestApp['strapi']): Promise<Record<string, { created: number; present: number }>>;
};

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app.stop();
});

const rowCounts = async () => {
  const rows = await app.strapi.db.connection.raw(
    `select (select count(*) from articles) as articles, (select count(*) from sources) as sources,
            (select count(*) from articles where published_at is not null) as published`,
  );
  return rows.rows[0];
};

describe('npm run seed', () => {
  it('loads a Persian newsroom with English translations', async () => {
    const summary = await seed(app.strapi);
    expect(summary.sources.created).toBeGreaterThanOrEqual(3);
    expect(summary.articles.created).toBeGreaterThanOrEqual(12);

    const persian = await app.http().get('/api/articles?pagination[pageSize]=100');
    expect(persian.status).toBe(200);
    expect(persian.body.data.length).toBeGreaterThanOrEqual(12);
    expect(
      persian.body.data.every(
        (a: { locale: string; slug: string }) => a.locale === 'fa' && /^[a-z0-9-]+$/.test(a.slug),
      ),
    ).toBe(true);
    const english = await app.http().get('/api/articles?locale=en');
    expect(english.body.data.length).toBeGreaterThan(0);
    const sources = await app.http().get('/api/sources');
    expect(sources.body.data.length).toBeGreaterThanOrEqual(3);
  });

  it('changes nothing when run again', async () => {
    const before = await rowCounts();
    const summary = await seed(app.strapi);
    expect(
      Object.values(summary)
        .filter((entry) => typeof entry === 'object')
        .every((entry) => entry.created === 0),
    ).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });
});
