import { randomBytes } from 'node:crypto';
import { createArticle } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

// A site behind its own reverse proxy: TRUST_PROXY makes X-Forwarded-For the client address.
let app: TestApp;
let articleId: string;
beforeAll(async () => {
  process.env.TRUST_PROXY = 'true';
  process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '2';
  process.env.COMMENT_RATE_LIMIT_PER_HOUR = '100';
  process.env.RATE_LIMIT_KEY_PREFIX = `khabar-test-${randomBytes(6).toString('hex')}`;
  app = await startStrapi();
  articleId = (await createArticle(app.strapi, { title: 'خبر پشت پراکسی' })).documentId;
});
afterAll(async () => {
  await app.stop();
  delete process.env.TRUST_PROXY;
  process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '0';
  process.env.COMMENT_RATE_LIMIT_PER_HOUR = '0';
});

const post = (forwardedFor: string, body: string) =>
  app
    .http()
    .post('/api/comments')
    .set('X-Forwarded-For', forwardedFor)
    .send({ data: { article: articleId, authorName: 'خواننده', body } });

describe('behind a trusted proxy', () => {
  it('limits each reader by the address the proxy saw', async () => {
    expect((await post('198.51.100.1', 'نظر نخست خواننده یکم')).status).toBe(201);
    expect((await post('198.51.100.1', 'نظر دوم خواننده یکم')).status).toBe(201);
    expect((await post('198.51.100.1', 'نظر سوم خواننده یکم')).status).toBe(429);
    expect((await post('198.51.100.2', 'نظر نخست خواننده دوم')).status).toBe(201);
  });

  it('uses the address the proxy appended, not one the client wrote into the header', async () => {
    // The client sends "X-Forwarded-For: 203.0.113.7"; the proxy appends the real 198.51.100.1.
    const response = await post('203.0.113.7, 198.51.100.1', 'نظر با سرآیند دست‌کاری‌شده');
    expect(response.status).toBe(429);
  });

  it('stores a different IP hash per reader, never the address itself', async () => {
    const rows = await app.strapi.db.query('api::comment.comment').findMany({ select: ['ipHash'] });
    const hashes = new Set(rows.map((row: { ipHash: string }) => row.ipHash));
    expect(hashes.size).toBe(2);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
