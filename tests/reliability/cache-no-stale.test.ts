/**
 * The public cache is never stale across instances (issue #11): two Strapi processes on one
 * PostgreSQL, with the cache on one Redis under one key prefix. Thousands of pairs: a write on
 * one instance (a comment submitted, approved, rejected or reopened), then a read on either instance of what the write
 * touched (the article with its counts, its comment page, the list; article writes are
 * covered one by one in tests/integration/public-cache.test.ts), compared with the
 * database. Meanwhile background readers on both instances keep the entries hot and race the
 * writes. Zero stale answers allowed.
 */
import { randomBytes } from 'node:crypto';
import {
  type Connection,
  cloneTemplate,
  commentText,
  type Instance,
  login,
  PORT_BASE,
  postJson,
  report,
  request,
  SHORT,
  startInstance,
  withClient,
} from './support/cluster';

jest.setTimeout(1_200_000);

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const KEY_PREFIX = `khabar-test-cache:${randomBytes(4).toString('hex')}:`;
const PAIRS = SHORT ? 400 : 3000;
const ARTICLES = 4;

let a: Instance;
let b: Instance;
let connection: Connection;
let dropDatabase: () => Promise<void>;
let articles: string[];
const auth = new Map<Instance, string>();

beforeAll(async () => {
  const { default: Redis } = await import('ioredis');
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new Error(`this test needs a Redis at ${REDIS_URL} (set REDIS_URL): ${error}`);
  } finally {
    probe.disconnect();
  }
  const database = await cloneTemplate();
  connection = database.connection;
  dropDatabase = database.drop;
  const env = { REDIS_URL, PUBLIC_CACHE: 'on', PUBLIC_CACHE_STORE: 'redis', PUBLIC_CACHE_KEY_PREFIX: KEY_PREFIX };
  a = await startInstance(PORT_BASE + 4, connection, {
    ...env,
    RELIABILITY_SEED: JSON.stringify({ articles: ARTICLES, moderators: 2 }),
  });
  b = await startInstance(PORT_BASE + 5, connection, env);
  articles = a.seeded.articles!;
  const moderators = a.seeded.moderators!;
  auth.set(a, await login(a.url, moderators[0]));
  auth.set(b, await login(b.url, moderators[1]));
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropDatabase?.();
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

const pick = <T>(values: T[]): T => values[Math.floor(Math.random() * values.length)];
const commentsPage = (article: string) =>
  `/api/comments?filters[article][documentId][$eq]=${article}&sort=createdAt:desc&pagination[pageSize]=100`;

/** What the public must see of an article right now, read from the tables. */
async function truth(article: string) {
  return withClient(connection, async (client) => {
    const counts = await client.query(
      `SELECT count(DISTINCT c.id)::int AS total,
              (count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'pending')
               + count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'rejected' AND c.screened_out))::int AS pending,
              count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved'
                                            AND a.published_at IS NOT NULL)::int AS published
         FROM comments c
         JOIN comments_article_lnk l ON l.comment_id = c.id
         JOIN articles a ON a.id = l.article_id
        WHERE a.document_id = $1`,
      [article],
    );
    const visible = await client.query(
      `SELECT DISTINCT c.document_id, c.created_at, c.id
         FROM comments c
         JOIN comments_article_lnk l ON l.comment_id = c.id
         JOIN articles a ON a.id = l.article_id
        WHERE a.document_id = $1 AND a.published_at IS NOT NULL AND c.moderation_status = 'approved'
        ORDER BY c.created_at DESC, c.id ASC
        LIMIT 100`,
      [article],
    );
    const title = await client.query(
      `SELECT title FROM articles WHERE document_id = $1 AND published_at IS NOT NULL AND locale = 'fa'`,
      [article],
    );
    return {
      stats: counts.rows[0] as { total: number; pending: number; published: number },
      visible: visible.rows.map((row) => row.document_id as string),
      title: (title.rows[0]?.title as string | undefined) ?? null,
    };
  });
}

/** The comments each instance posted, by article, to moderate later. */
const posted: { documentId: string; article: string }[] = [];

async function write(on: Instance): Promise<string> {
  const roll = Math.random();
  if (roll < 0.4 || posted.length < 5) {
    const article = pick(articles);
    const reply = await postJson(`${on.url}/api/comments`, {
      data: { article, authorName: 'مریم', body: commentText() },
    });
    if (reply.status !== 201) throw new Error(`submission answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    posted.push({ documentId: reply.body.data.documentId, article });
    return article;
  }
  const comment = pick(posted);
  const action = pick(['approve', 'approve', 'reject', 'reopen']);
  const reply = await postJson(
    `${on.url}/moderation/comments/${comment.documentId}/${action}`,
    action === 'reject' ? { reason: 'spam' } : {},
    { authorization: auth.get(on)! },
  );
  // 409: the comment was already in that status, nothing changed (still a read to compare).
  if (reply.status !== 200 && reply.status !== 409) throw new Error(`${action} answered ${reply.status}`);
  return comment.article;
}

test(`${PAIRS} write/read pairs across two instances: no stale answer`, async () => {
  let stop = false;
  let background = 0;
  // Background readers keep entries stored on both instances while writes land.
  const readers = [a, b, a, b].map(async (instance) => {
    while (!stop) {
      const article = pick(articles);
      await request(`${instance.url}${pick([`/api/articles/${article}`, commentsPage(article), '/api/articles'])}`);
      background += 1;
    }
  });

  const stale: string[] = [];
  let hits = 0;
  let reads = 0;
  try {
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const writer = pick([a, b]);
      const reader = pick([a, b]);
      const article = await write(writer);
      const expected = await truth(article);
      const [one, page, list] = await Promise.all([
        request(`${reader.url}/api/articles/${article}`),
        request(`${reader.url}${commentsPage(article)}`),
        request(`${reader.url}/api/articles?pagination[pageSize]=100`),
      ]);
      for (const reply of [one, page, list]) {
        reads += 1;
        if (reply.headers.get('x-cache') === 'HIT') hits += 1;
      }
      const listed = list.body.data.find((item: { documentId: string }) => item.documentId === article);
      const seen = {
        stats: one.body.data.commentStats,
        visible: page.body.data.map((comment: { documentId: string }) => comment.documentId),
        title: one.body.data.title,
      };
      if (
        JSON.stringify(seen) !== JSON.stringify(expected) ||
        JSON.stringify(listed?.commentStats) !== JSON.stringify(expected.stats)
      ) {
        stale.push(
          `pair ${pair}: expected ${JSON.stringify(expected)}, read ${JSON.stringify(seen)} / list ${JSON.stringify(listed?.commentStats)}`,
        );
      }
    }
  } finally {
    stop = true;
    await Promise.all(readers);
  }
  report('cache: two instances, no stale answer', {
    pairs: PAIRS,
    comparedReads: reads,
    hitsAmongCompared: hits,
    backgroundReads: background,
    stale: stale.length,
  });
  expect(stale.slice(0, 5)).toEqual([]);
});
