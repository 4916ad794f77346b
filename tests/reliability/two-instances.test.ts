/**
 * Two Strapi processes on one PostgreSQL and one Redis (127.0.0.1:6379, keys under a prefix
 * of this run): a comment submitted to one is moderated on the other; the rate limit is
 * shared; settings changed on one apply on the other at its next request; 200 moderation
 * actions from four moderators on overlapping comments, split across both, leave counts equal
 * to a direct database count and one audit record per effective transition.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  type Connection,
  cloneTemplate,
  commentText,
  type Instance,
  login,
  PORT_BASE,
  postJson,
  type Reply,
  report,
  request,
  SHORT,
  startInstance,
  withClient,
} from './support/cluster';

jest.setTimeout(600_000);

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
// RELIABILITY_REDIS_PREFIX: keys under a prefix of one's own on a shared Redis.
const KEY_PREFIX = `${process.env.RELIABILITY_REDIS_PREFIX ?? 'khabar-reliab-'}${randomBytes(4).toString('hex')}`;
const ACTIONS = 200;
const COMMENTS = SHORT ? 20 : 40;

let a: Instance;
let b: Instance;
let connection: Connection;
let dropDatabase: () => Promise<void>;
let articles: string[];
const auth: { a: string[]; b: string[] } = { a: [], b: [] };
let ipCounter = 0;
const freshIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

beforeAll(async () => {
  const { default: Redis } = await import('ioredis');
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new Error(`these tests need a Redis at ${REDIS_URL} (set REDIS_URL): ${error}`);
  } finally {
    probe.disconnect();
  }
  const database = await cloneTemplate();
  connection = database.connection;
  dropDatabase = database.drop;
  const env = {
    RATE_LIMIT_STORE: 'redis',
    RATE_LIMIT_KEY_PREFIX: KEY_PREFIX,
    REDIS_URL,
    TRUST_PROXY: 'true',
    // The limits the moderation settings hold (5 a minute, 30 an hour), not the test default of none.
    COMMENT_RATE_LIMIT_PER_MINUTE: '',
    COMMENT_RATE_LIMIT_PER_HOUR: '',
  };
  a = await startInstance(PORT_BASE + 2, connection, {
    ...env,
    RELIABILITY_SEED: JSON.stringify({ articles: 2, moderators: 4 }),
  });
  b = await startInstance(PORT_BASE + 3, connection, env);
  articles = a.seeded.articles!;
  const moderators = a.seeded.moderators!;
  auth.a = [await login(a.url, moderators[0]), await login(a.url, moderators[1])];
  auth.b = [await login(b.url, moderators[2]), await login(b.url, moderators[3])];
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropDatabase?.();
  // The run's rate-limit keys expire by themselves (at most an hour); remove them now.
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${KEY_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
});

const submit = (instance: Instance, article: string, ip = freshIp(), body = commentText()) =>
  postJson(`${instance.url}/api/comments`, { data: { article, authorName: 'مریم', body } }, { 'x-forwarded-for': ip });

async function sqlCounts() {
  return withClient(connection, async (client) => {
    const result = await client.query('SELECT moderation_status, count(*)::int AS count FROM comments GROUP BY 1');
    const counts = { total: 0, pending: 0, approved: 0, rejected: 0 } as Record<string, number>;
    for (const row of result.rows) {
      counts[row.moderation_status] = row.count;
      counts.total += row.count;
    }
    return counts;
  });
}

test('a comment submitted to one instance is moderated on the other, and both show it', async () => {
  const submitted = await submit(a, articles[0]);
  expect(submitted.status).toBe(201);
  const id = submitted.body.data.documentId;
  const approved = await postJson(`${b.url}/moderation/comments/${id}/approve`, {}, { authorization: auth.b[0] });
  expect(approved.status).toBe(200);
  for (const instance of [a, b]) {
    const read = await request(`${instance.url}/api/comments/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.data.body).toBe(submitted.body.data.body);
  }
  const again = await postJson(`${a.url}/moderation/comments/${id}/approve`, {}, { authorization: auth.a[0] });
  expect(again.status).toBe(409);
});

test('the rate limit is shared: five a minute per reader, whichever instance takes the request', async () => {
  const ip = freshIp();
  const replies: Reply[] = [];
  for (let index = 0; index < 8; index += 1) replies.push(await submit(index % 2 === 0 ? a : b, articles[1], ip));
  const statuses = replies.map((reply) => reply.status);
  expect(statuses.filter((status) => status === 201)).toHaveLength(5);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
  for (const reply of replies.slice(5)) expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
});

test('settings changed on one instance apply on the other at its next request', async () => {
  const word = `واژه${randomBytes(3).toString('hex')}`;
  const current = await request(`${a.url}/moderation/settings`, { headers: { authorization: auth.a[0] } });
  expect(current.status).toBe(200);
  const blocklist = [...current.body.data.blocklist, word];
  const changed = await request(`${a.url}/moderation/settings`, {
    method: 'PUT',
    headers: { authorization: auth.a[0], 'content-type': 'application/json' },
    body: JSON.stringify({ blocklist, rateLimit: { perMinute: 2 } }),
  });
  expect(changed.status).toBe(200);
  const appliedAt = Date.now();

  // The very next comment on B is screened with the new word list.
  const submitted = await submit(b, articles[0], freshIp(), `${commentText()} ${word}`);
  expect(submitted.status).toBe(201);
  const seen = await request(`${b.url}/moderation/comments/${submitted.body.data.documentId}`, {
    headers: { authorization: auth.b[0] },
  });
  expect(seen.body.data.screening.blocklist).toContain(word);
  // And B limits a new reader to the new two a minute.
  const ip = freshIp();
  const statuses = [];
  for (let index = 0; index < 3; index += 1) statuses.push((await submit(b, articles[0], ip)).status);
  expect(statuses).toEqual([201, 201, 429]);
  report('settings across instances', { appliedOnOtherInstanceWithinMs: Date.now() - appliedAt });

  const restored = await request(`${a.url}/moderation/settings`, {
    method: 'PUT',
    headers: { authorization: auth.a[0], 'content-type': 'application/json' },
    body: JSON.stringify({ blocklist: current.body.data.blocklist, rateLimit: current.body.data.rateLimit }),
  });
  expect(restored.status).toBe(200);
});

test(`${ACTIONS} concurrent moderation actions on overlapping comments across both instances`, async () => {
  const ids: string[] = [];
  for (let index = 0; index < COMMENTS; index += 1) {
    const reply = await submit(index % 2 === 0 ? a : b, articles[index % 2]);
    expect(reply.status).toBe(201);
    ids.push(reply.body.data.documentId);
  }
  const action = fc.record({
    comment: fc.integer({ min: 0, max: COMMENTS - 1 }),
    kind: fc.constantFrom('approve', 'reject', 'reopen'),
    moderator: fc.integer({ min: 0, max: 3 }),
  });
  const seed = Number(process.env.RELIABILITY_SEED_VALUE || Date.now() % 2 ** 31);
  const plan = fc.sample(action, { numRuns: ACTIONS, seed });

  const outcomes: { id: string; status: number }[] = [];
  // 20 at a time: many actions race on the same comment.
  for (let start = 0; start < plan.length; start += 20) {
    await Promise.all(
      plan.slice(start, start + 20).map(async (step) => {
        const instance = step.moderator < 2 ? a : b;
        const header = step.moderator < 2 ? auth.a[step.moderator] : auth.b[step.moderator - 2];
        const id = ids[step.comment];
        const reply = await postJson(
          `${instance.url}/moderation/comments/${id}/${step.kind}`,
          step.kind === 'reject' ? { reason: 'spam' } : {},
          { authorization: header },
        );
        outcomes.push({ id, status: reply.status });
      }),
    );
  }
  const statuses = outcomes.map((outcome) => outcome.status);
  expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);

  const events = await withClient(connection, async (client) => {
    const result = await client.query(
      'SELECT comment_document_id, from_status, to_status FROM moderation_events WHERE comment_document_id = ANY($1) ORDER BY id',
      [ids],
    );
    return result.rows as { comment_document_id: string; from_status: string; to_status: string }[];
  });
  const finalStatus = await withClient(connection, async (client) => {
    const result = await client.query(
      'SELECT document_id, moderation_status FROM comments WHERE document_id = ANY($1)',
      [ids],
    );
    return new Map(result.rows.map((row: any) => [row.document_id, row.moderation_status]));
  });
  for (const id of ids) {
    const effective = outcomes.filter((outcome) => outcome.id === id && outcome.status === 200).length;
    const trail = events.filter((event) => event.comment_document_id === id);
    // One audit record per effective transition, forming an unbroken chain to the stored status.
    expect(trail).toHaveLength(effective);
    let status = 'pending';
    for (const event of trail) {
      expect(event.from_status).toBe(status);
      expect(event.to_status).not.toBe(status);
      status = event.to_status;
    }
    expect(finalStatus.get(id)).toBe(status);
  }

  // Counts agree: both instances' moderation stats, both instances' public article counts, SQL.
  const direct = await sqlCounts();
  for (const [instance, header] of [
    [a, auth.a[0]],
    [b, auth.b[0]],
  ] as const) {
    const stats = await request(`${instance.url}/moderation/stats`, { headers: { authorization: header } });
    expect(stats.body.data.overall).toEqual(direct);
  }
  for (const article of articles) {
    const perArticle = await withClient(connection, async (client) => {
      const result = await client.query(
        `SELECT c.moderation_status, count(DISTINCT c.id)::int AS count FROM comments c
           JOIN comments_article_lnk l ON l.comment_id = c.id JOIN articles a ON a.id = l.article_id
          WHERE a.document_id = $1 GROUP BY 1`,
        [article],
      );
      const counts = { total: 0, pending: 0, published: 0 };
      for (const row of result.rows) {
        counts.total += row.count;
        if (row.moderation_status === 'pending') counts.pending = row.count;
        if (row.moderation_status === 'approved') counts.published = row.count;
      }
      return counts;
    });
    const seenA = await request(`${a.url}/api/articles/${article}`);
    const seenB = await request(`${b.url}/api/articles/${article}`);
    expect(seenA.body.data.commentStats).toEqual(perArticle);
    expect(seenB.body.data.commentStats).toEqual(perArticle);
  }
  report('concurrent moderation', {
    seed,
    actions: ACTIONS,
    comments: COMMENTS,
    effective: statuses.filter((status) => status === 200).length,
    conflicts409: statuses.filter((status) => status === 409).length,
    auditRecords: events.length,
    counts: direct,
  });
});
