import { createArticle, createFullAccessToken, createSource, query } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let sourceId: string;
let publishedId: string;
let draftId: string;
let unpublishedId: string;
const DRAFT_TITLE = 'پیش‌نویس محرمانه';
const DRAFT_EDIT = 'ویرایش منتشرنشده';

beforeAll(async () => {
  app = await startStrapi();
  const source = await createSource(app.strapi, { name: 'ایرنا', slug: 'irna' });
  sourceId = source.documentId;
  publishedId = (await createArticle(app.strapi, { title: 'خبر منتشرشده', source: sourceId })).documentId;
  draftId = (await createArticle(app.strapi, { title: DRAFT_TITLE, source: sourceId }, { published: false }))
    .documentId;
  // A published article whose newer draft holds unpublished edits.
  await app.strapi.documents('api::article.article').update({
    documentId: publishedId,
    data: { lead: DRAFT_EDIT },
  } as never);
  // Published once, then withdrawn.
  unpublishedId = (await createArticle(app.strapi, { title: 'خبر پس‌گرفته', source: sourceId })).documentId;
  await app.strapi.documents('api::article.article').unpublish({ documentId: unpublishedId });
});
afterAll(async () => {
  await app.stop();
});

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return text.includes(DRAFT_TITLE) || text.includes(DRAFT_EDIT) || text.includes('پس‌گرفته');
};

describe('drafts are invisible to the public', () => {
  const statuses = ['', 'draft', 'DRAFT', 'xyz', 'published', 'modified'];

  it.each(statuses)('in the article list with status=%p', async (status) => {
    const response = await app.http().get(`/api/articles${status ? `?status=${status}` : ''}`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([publishedId]);
    expect(response.body.meta.pagination.total).toBe(1);
    expect(leaks(response.body)).toBe(false);
  });

  it.each(statuses)('in findOne with status=%p', async (status) => {
    for (const id of [draftId, unpublishedId]) {
      const response = await app.http().get(`/api/articles/${id}${status ? `?status=${status}` : ''}`);
      expect(response.status).toBe(404);
    }
    const published = await app.http().get(`/api/articles/${publishedId}${status ? `?status=${status}` : ''}`);
    expect(published.status).toBe(200);
    expect(published.body.data.lead).not.toBe(DRAFT_EDIT);
  });

  it.each(statuses)('in sources populating their articles with status=%p', async (status) => {
    for (const url of [`/api/sources?populate=articles`, `/api/sources/${sourceId}?populate=articles`]) {
      const response = await app.http().get(`${url}${status ? `&status=${status}` : ''}`);
      expect(response.status).toBe(200);
      expect(leaks(response.body)).toBe(false);
    }
  });

  it('in filters and counts used as an oracle', async () => {
    for (const params of [
      { filters: { title: { $eq: DRAFT_TITLE } } },
      { filters: { title: { $contains: 'محرمانه' } }, status: 'draft' },
      { filters: { $or: [{ title: DRAFT_TITLE }, { publishedAt: { $null: true } }] } },
      { filters: { publishedAt: { $null: true } }, status: 'draft' },
      { filters: { documentId: draftId }, locale: '*' },
    ]) {
      const response = await app.http().get(`/api/articles${query(params)}`);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([]);
      expect(response.body.meta.pagination.total).toBe(0);
    }
  });

  it.each(['articles.title:asc', 'articles.title:desc', 'articles.publishedAt'])(
    'in the order of sources sorted by %s (refused)',
    async (sort) => {
      const response = await app.http().get(`/api/sources?sort=${sort}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.messages.fa).toContain('articles');
    },
  );

  it('in articles populated from a source filter', async () => {
    const response = await app.http().get(`/api/sources${query({ filters: { articles: { title: DRAFT_TITLE } } })}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });
});

describe('public writes are refused', () => {
  it.each([
    ['post', '/api/articles'],
    ['put', '/api/articles/PUBLISHED'],
    ['delete', '/api/articles/PUBLISHED'],
    ['post', '/api/sources'],
    ['put', '/api/sources/SOURCE'],
    ['delete', '/api/sources/SOURCE'],
  ] as const)('%s %s answers 403', async (method, template) => {
    const url = template.replace('PUBLISHED', publishedId).replace('SOURCE', sourceId);
    const response = await app
      .http()
      [method](url)
      .send({ data: { title: 'نفوذی', name: 'نفوذی', slug: 'x' } });
    expect(response.status).toBe(403);
    const count = await app.strapi.db.query('api::article.article').count({ where: { title: 'نفوذی' } });
    expect(count).toBe(0);
  });

  it('leaves the article and source intact after refused deletes', async () => {
    expect((await app.http().get(`/api/articles/${publishedId}`)).status).toBe(200);
    expect((await app.http().get(`/api/sources/${sourceId}`)).status).toBe(200);
  });

  it('does not expose comments, users or admin data publicly', async () => {
    for (const url of ['/api/users', '/api/moderation-events', '/api/comments/count']) {
      const response = await app.http().get(url);
      expect([403, 404]).toContain(response.status);
    }
  });
});

describe('malformed queries answer 4xx, never 500', () => {
  it.each([
    ['$or not a list', '/api/articles?filters[$or][title]=x'],
    ['$and not a list', '/api/articles?filters[$and]=1'],
    ['$not not an object', '/api/articles?filters[$not]=1'],
    ['filters as a string', '/api/articles?filters=abc'],
    ['unknown field', '/api/articles?filters[nope]=1'],
    ['unknown operator', '/api/articles?filters[title][$foo]=1'],
    ['unknown sort', '/api/articles?sort=nope'],
    ['unknown fields', '/api/articles?fields=nope'],
    ['unknown populate', '/api/articles?populate=nope'],
    ['huge page size', '/api/articles?pagination[pageSize]=100000'],
    ['zero page size', '/api/articles?pagination[pageSize]=0'],
    ['page not a number', '/api/articles?pagination[page]=abc'],
    ['negative start', '/api/articles?pagination[start]=-5'],
    ['limit -1 (everything)', '/api/articles?pagination[limit]=-1'],
    ['unknown pagination key', '/api/articles?pagination[foo]=1'],
    ['top-level where', '/api/articles?where[title]=x'],
    ['populate status', '/api/sources?populate[articles][status]=draft'],
    ['private relation filter', '/api/articles?filters[createdBy][email][$eq]=x'],
    ['deep $or on a source', '/api/sources?filters[articles][$or]=x'],
    ['unknown locale', '/api/sources?locale=xx'],
  ])('%s', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof response.body.error.message).toBe('string');
  });

  it('names the problem in Persian and English', async () => {
    const response = await app.http().get('/api/articles?pagination[pageSize]=100000');
    expect(response.status).toBe(400);
    expect(response.body.error.details.messages.en).toMatch(/pageSize/);
    expect(response.body.error.details.messages.fa).toMatch(/عدد/);
  });

  it('still accepts a well-formed $or and the largest page size', async () => {
    const params = query({
      filters: { $or: [{ title: 'خبر منتشرشده' }, { title: 'x' }] },
      pagination: { pageSize: 100 },
    });
    const response = await app.http().get(`/api/articles${params}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
  });
});

describe('filters inside populate and on relations cannot probe drafts', () => {
  /** The same request with a term that matches nothing: any difference reveals a draft. */
  const sameAsNoMatch = async (template: string, secret: string) => {
    const probe = await app.http().get(template.replace('TERM', encodeURIComponent(secret)));
    const control = await app.http().get(template.replace('TERM', encodeURIComponent('هیچ‌چیز-ناموجود')));
    expect(probe.status).toBe(control.status);
    expect(probe.body).toEqual(control.body);
    expect(leaks(probe.body)).toBe(false);
  };

  it.each([
    '/api/articles?populate[source][filters][articles][title][$contains]=TERM',
    '/api/articles?populate[source][filters][articles][lead][$contains]=TERM',
    '/api/articles?populate[source][filters][$or][0][articles][title][$contains]=TERM',
    '/api/articles?populate[source][filters][$not][articles][title][$contains]=TERM',
    '/api/articles?populate[source][populate][articles][filters][title][$contains]=TERM',
    '/api/sources?populate[articles][filters][title][$contains]=TERM',
    '/api/sources?populate[articles][populate][source][filters][articles][title][$contains]=TERM',
  ])('%s', async (template) => {
    const secret = template.includes('[lead]') ? 'ویرایش' : 'محرمانه';
    await sameAsNoMatch(template, secret);
  });

  it('refuses counting related entries through populate (the count would include drafts)', async () => {
    const response = await app.http().get('/api/sources?populate[articles][count]=true');
    expect(response.status).toBe(400);
    expect(response.body.error.details.messages.en).toMatch(/populate/);
  });

  it('refuses a sort through a relation inside populate', async () => {
    const response = await app
      .http()
      .get('/api/articles?populate[source][populate][articles][sort]=source.articles.title');
    expect(response.status).toBeLessThan(500);
    expect(leaks(response.body)).toBe(false);
  });

  const draftRowId = async () => {
    const row = await app.strapi.db
      .query('api::article.article')
      .findOne({ where: { documentId: draftId, publishedAt: null }, select: ['id'] });
    return row.id as number;
  };

  it.each([
    (id: number) => `filters[articles]=${id}`,
    (id: number) => `filters[articles][id]=${id}`,
    (id: number) => `filters[articles][$eq]=${id}`,
    (id: number) => `filters[articles][$in][0]=${id}`,
    (id: number) => `filters[articles][0]=${id}`,
    (id: number) => `filters[$or][0][articles]=${id}`,
  ])('a draft row id used as a relation filter matches nothing (%#)', async (build) => {
    const response = await app.http().get(`/api/sources?${build(await draftRowId())}`);
    expect(response.status).toBeLessThan(500);
    if (response.status === 200) expect(response.body.data).toEqual([]);
  });

  it.each([
    '/api/sources?filters[articles][$notNull]=true',
    '/api/sources?filters[articles][$null]=true',
    '/api/sources?filters[articles][$ne]=1',
    '/api/comments?filters[article][$eq]=1',
    '/api/comments?filters[article][$notNull]=true',
    '/api/comments?filters[article]=1',
  ])('an operator straight on a relation is answered, not a 500: %s', async (url) => {
    const response = await app.http().get(url);
    expect(response.status).toBeLessThan(500);
    expect(leaks(response.body)).toBe(false);
  });
});

describe('search and media cannot reach what the public may not see', () => {
  it('searches published articles only', async () => {
    const hit = await app.http().get(`/api/articles?_q=${encodeURIComponent('منتشرشده')}`);
    expect(hit.status).toBe(200);
    expect(hit.body.meta.pagination.total).toBe(1);
    const draft = await app.http().get(`/api/articles?_q=${encodeURIComponent('محرمانه')}`);
    expect(draft.status).toBe(200);
    expect(draft.body.meta.pagination.total).toBe(0);
  });

  it('refuses search on comments, whose private columns it would search', async () => {
    const response = await app.http().get('/api/comments?_q=example.com');
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('query_search_not_supported');
  });

  describe('with a cover shared by a published article and a draft', () => {
    beforeAll(async () => {
      const file = await app.strapi.db.query('plugin::upload.file').create({
        data: {
          name: 'cover.png',
          hash: `cover_${Date.now()}`,
          ext: '.png',
          mime: 'image/png',
          size: 1,
          url: '/uploads/cover.png',
          provider: 'local',
        },
      });
      const rows = await app.strapi.db
        .query('api::article.article')
        .findMany({ where: { documentId: { $in: [publishedId, draftId] } }, select: ['id'] });
      for (const row of rows) {
        await app.strapi.db.query('api::article.article').update({ where: { id: row.id }, data: { cover: file.id } });
      }
    });

    it.each([
      '/api/articles?populate[cover][populate]=*',
      '/api/articles?populate[cover][populate][related]=true',
      '/api/articles?populate[cover][populate][0]=related',
      '/api/sources?populate[articles][populate][cover][populate]=*',
    ])('refuses populating what a file relates to: %s', async (url) => {
      const response = await app.http().get(url);
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('query_populate_not_allowed');
      expect(leaks(response.body)).toBe(false);
    });

    it('still serves the cover itself, without the draft', async () => {
      for (const url of [
        '/api/articles?populate=cover',
        '/api/articles?populate=*',
        '/api/articles?populate[cover]=true',
      ]) {
        const response = await app.http().get(url);
        expect(response.status).toBe(200);
        expect(response.body.data[0].cover.url).toBe('/uploads/cover.png');
        expect(leaks(response.body)).toBe(false);
      }
    });
  });
});

describe('more malformed input answers 4xx with a message, never 500', () => {
  it.each([
    ['$or items not objects', '/api/articles?filters[$or][0]=x'],
    ['$and items not objects', '/api/articles?filters[$and][0]=x'],
    ['$or items not objects behind a relation', '/api/articles?filters[source][$or][0]=x'],
    ['$between not a pair', '/api/articles?filters[title][$between]=a'],
    ['$between with one item', '/api/articles?filters[title][$between][0]=a'],
    ['an id that is not a number', '/api/articles?filters[id]=abc'],
    ['an id operator on a word', '/api/articles?filters[id][$gt]=abc'],
    ['a date that is not a date', '/api/articles?filters[createdAt][$gt]=yesterday'],
    ['a boolean that is not one', '/api/articles?filters[commentsEnabled]=maybe'],
    ['a NUL byte in a filter', '/api/articles?filters[title]=a%00b'],
    ['a NUL byte in an operator list', '/api/articles?filters[title][$in][0]=a%00b'],
    ['a NUL byte in an article id', '/api/articles/%00'],
    ['a NUL byte in a comment id', '/api/comments/%00'],
    ['a NUL byte in a source id', '/api/sources/ab%00cd'],
    ['a list of locales', '/api/articles?locale[0]=fa'],
  ])('%s', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
    expect(typeof response.body.error.details.messages.en).toBe('string');
  });

  it('says a locale must be one code, not that "fa" is unknown', async () => {
    const response = await app.http().get('/api/articles?locale[0]=fa');
    expect(response.status).toBe(400);
    expect(response.body.error.details.messages.en).not.toMatch(/unknown/i);
  });

  it.each([
    ['an empty fields list', '/api/articles?fields='],
    ['an empty field name among others', '/api/sources?fields[0]=name&fields[1]='],
    ['an empty field name in populate', '/api/articles?populate[source][fields][0]='],
    ['a field name where an operator belongs', '/api/articles?filters[title][title]=1'],
    ['a field name under a relation field', '/api/articles?filters[source][name][name]=x'],
    ['$and between operators of a field', '/api/articles?filters[title][$and][0][$eq]=a'],
    ['$or between operators of an id', '/api/articles?filters[id][$or][0][$gt]=1'],
    ['$and under $not of a field', '/api/articles?filters[title][$not][$and][0][$eq]=a'],
    ['a field name inside populate filters', '/api/articles?populate[source][filters][name][name]=x'],
  ])('answers 400 for %s', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBe(400);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });

  it.each([
    '/api/articles?filters[source][$not][name]=ناموجود',
    '/api/articles?filters[source][$not][name][$eq]=ناموجود',
    '/api/articles?filters[source][$not][id]=0',
  ])('runs $not under a to-one relation: %s', async (url) => {
    const response = await app.http().get(encodeURI(url));
    expect(response.status).toBe(200);
    expect(response.body.data.map((article: { documentId: string }) => article.documentId)).toEqual([publishedId]);
  });

  it.each([
    ['a documentId with an operator list', '/api/articles?filters[documentId][$between][0]=a'],
    ['a field name under documentId', '/api/articles?filters[documentId][title]=x'],
    ['an object as a documentId operand', '/api/articles?filters[documentId][$eq][x]=1'],
    ['a field name under a related documentId', '/api/sources?filters[articles][documentId][title]=x'],
    ['a sort direction that is an object', '/api/articles?sort[title][x]=asc'],
    ['a sort direction that is a word', '/api/articles?sort[title]=up'],
    ['a comment filter on the moderation-moved updatedAt', '/api/comments?filters[updatedAt][$gt]=2020-01-01'],
    ['a comment sort on updatedAt', '/api/comments?sort=updatedAt:desc'],
    ['an upper-case path with a huge page size', '/API/articles?pagination[pageSize]=1000'],
    ['an upper-case path with a top-level where', '/Api/articles?where[title]=x'],
  ])('answers 400 for %s', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBe(400);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });

  it('answers /api itself with a localized 404', async () => {
    const response = await app.http().get('/api');
    expect(response.status).toBe(404);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });

  it.each([
    '/api/upload/files?populate=related',
    '/api/upload/files?populate[related]=true',
    '/api/upload/files?filters[related][id][$notNull]=true',
  ])('the upload API gives no token a file’s related entries: %s', async (url) => {
    const token = await createFullAccessToken(app.strapi);
    const response = await app.http().get(url).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(400);
    expect(leaks(response.body)).toBe(false);
  });

  it.each([
    ['a search given as a list', '/api/articles?_q[0]=x'],
    ['a search given twice', '/api/articles?_q=a&_q=b'],
  ])('answers 400 for %s', async (_label, url) => {
    const response = await app.http().get(url);
    expect(response.status).toBe(400);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });

  it.each([
    ['get', '/api/upload/files/abc', 404],
    ['get', '/api/upload/files/99999999999999', 404],
    ['delete', '/api/upload/files/abc', 404],
    ['get', '/api/upload/files?filters[id][$eq]=abc', 400],
    ['get', '/api/upload/files?filters[createdAt]=x', 400],
    ['get', '/api/upload/files?filters[size][$gt]=abc', 400],
    ['get', '/api/upload/files?filters[formats][$contains]=x', 400],
    ['get', '/api/upload/files?fields=', 400],
    ['get', '/api/upload/files?filters[$and][0][id][$between][0]=1', 400],
  ] as const)('the upload API answers %s %s with %i, not a 500', async (method, url, status) => {
    const token = await createFullAccessToken(app.strapi);
    const response = await app.http()[method](url).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(status);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });

  it('filters on whether an article has a cover', async () => {
    const response = await app.http().get('/api/articles?filters[cover][$notNull]=true');
    expect(response.status).toBe(200);
  });

  it('tells a frontend that sent the article in another form what to send', async () => {
    for (const article of [2, { documentId: publishedId }]) {
      const response = await app
        .http()
        .post('/api/comments')
        .send({ data: { article, authorName: 'مریم', body: 'ممنون از اطلاع‌رسانی خوب' } });
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('comment_article_invalid');
    }
  });

  it('refuses a lone surrogate in a comment, rather than storing a replacement character', async () => {
    const before = await app.strapi.db.query('api::comment.comment').count({});
    const response = await app
      .http()
      .post('/api/comments')
      .set('Content-Type', 'application/json')
      .send(
        '{"data": {"article": "ARTICLE", "authorName": "مریم\\ud800", "body": "نظری دربارهٔ این خبر"}}'.replace(
          'ARTICLE',
          publishedId,
        ),
      );
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('request_bad_characters');
    expect(await app.strapi.db.query('api::comment.comment').count({})).toBe(before);
  });

  it('refuses a NUL byte in a comment body', async () => {
    const response = await app
      .http()
      .post('/api/comments')
      .send({ data: { article: publishedId, authorName: 'مریم', body: 'سلام\u0000دنیا، نظر من این است' } });
    expect(response.status).toBe(400);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
    expect(await app.strapi.db.query('api::comment.comment').count({})).toBe(0);
  });

  it.each(['gzip', 'deflate', 'br'])('refuses a body that claims Content-Encoding %s but is not', async (encoding) => {
    const response = await app
      .http()
      .post('/api/comments')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      .send(JSON.stringify({ data: { article: publishedId, authorName: 'مریم', body: 'نظر آزمایشی' } }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });
});

describe("Strapi's own refusals carry Persian and English messages too", () => {
  it.each([
    ['an anonymous write', 'post', '/api/articles', 403, 'request_forbidden'],
    ['an unknown route', 'get', '/api/nothing-here', 404, 'request_not_found'],
    ['an unknown article', 'get', '/api/articles/no-such-document', 404, 'request_not_found'],
    ['a wrong method', 'patch', '/api/articles', 405, 'request_method_not_allowed'],
    ['an unknown filter key', 'get', '/api/articles?filters[nope]=1', 400, 'query_invalid_key'],
    ['a sort on a private field', 'get', '/api/comments?sort=ipHash', 400, 'query_invalid_key'],
    ['the moderation API without a token', 'get', '/moderation/stats', 401, 'request_unauthorized'],
  ] as const)('%s', async (_label, method, url, status, code) => {
    const response = await app.http()[method](url).send({ data: {} });
    expect(response.status).toBe(status);
    expect(response.body.error.status).toBe(status);
    expect(response.body.error.details.code).toBe(code);
    expect(response.body.error.details.messages.fa).toMatch(/[\u0600-\u06FF]/);
    expect(response.body.error.details.messages.en).toMatch(/[A-Za-z]/);
  });

  it('names the refused key in the message', async () => {
    const response = await app.http().get('/api/comments?filters[authorEmail][$contains]=@');
    expect(response.status).toBe(400);
    expect(response.body.error.details.messages.fa).toContain('authorEmail');
  });

  it('leaves the admin API as Strapi answers it', async () => {
    const response = await app.http().get('/admin/users/me');
    expect(response.status).toBe(401);
    expect(response.body.error.details?.messages).toBeUndefined();
  });
});

describe('comment text that shows nothing or disguises itself is refused', () => {
  it.each([
    ['a body of invisible characters', { body: '\u200b\u200c\u200d\ufeff\u2060 \u200b' }, 'comment_body_missing'],
    ['a name of invisible characters', { authorName: '\u200c\u200b' }, 'comment_name_missing'],
    ['a name with a right-to-left override', { authorName: 'مدیر\u202Eسایت' }, 'comment_name_bad_characters'],
    ['a body with a control character', { body: 'نظر من\u0007 دربارهٔ این خبر' }, 'comment_body_bad_characters'],
  ])('%s', async (_label, change, code) => {
    const response = await app
      .http()
      .post('/api/comments')
      .send({ data: { article: publishedId, authorName: 'مریم', body: 'نظری دربارهٔ این خبر', ...change } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe(code);
    expect(typeof response.body.error.details.messages.fa).toBe('string');
  });

  it('accepts a Persian name written with a zero-width non-joiner', async () => {
    const response = await app
      .http()
      .post('/api/comments')
      .send({ data: { article: publishedId, authorName: 'نرگس‌سادات', body: 'نظری دربارهٔ این خبر منتشرشده' } });
    expect(response.status).toBe(201);
  });
});
