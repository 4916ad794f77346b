/**
 * Overload: ten times the normal submission rate (normal: 5 comments a second site-wide,
 * from many readers) for 30 s (5 s with RELIABILITY_SHORT=1), with readers reading all the
 * while. The server keeps answering: 201, 429 (rate limit) and 503 + Retry-After (load
 * shedding) are fine, 500 never; reads stay available; event-loop delay and memory stay bounded.
 *
 * Graceful shutdown: SIGTERM while comments are being submitted. The server stops accepting,
 * finishes the requests it holds, and exits 0; every comment answered 201 is stored. The same
 * through `npm start`'s wrapper (scripts/run-with-database.mjs) on its embedded PostgreSQL: the
 * database is stopped after Strapi, and cleanly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type Connection,
  cloneTemplate,
  commentText,
  type Instance,
  PORT_BASE,
  percentile,
  postJson,
  proxyConnections,
  type Reply,
  report,
  request,
  SHORT,
  sleep,
  startInstance,
  withClient,
} from './support/cluster';

jest.setTimeout(600_000);

const NORMAL_PER_SECOND = 5;
const OVERLOAD_PER_SECOND = NORMAL_PER_SECOND * 10;
const OVERLOAD_MS = SHORT ? 5_000 : 30_000;
const READERS = 8;
/**
 * Submissions reach the app as they would behind a reverse proxy: over connections it keeps
 * open. Twice the in-flight bound of load shedding (src/lib/load-shedding.ts), so the app, not
 * the pool, decides what is refused. New connections straight from the load generator measured
 * the kernel's accept queue instead: Node accepts one connection per event-loop iteration, and
 * on a starved machine that is a few a second (RELIABILITY.md, *Overload*).
 */
const PROXY_CONNECTIONS = 128;

let connection: Connection;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  const database = await cloneTemplate();
  connection = database.connection;
  dropDatabase = database.drop;
});

afterAll(async () => {
  await dropDatabase?.();
});

async function storedBodies(): Promise<Map<string, string>> {
  return withClient(connection, async (client) => {
    const result = await client.query('SELECT document_id, body FROM comments');
    return new Map(result.rows.map((row: { document_id: string; body: string }) => [row.document_id, row.body]));
  });
}

type Sent = { body: string; reply?: Reply; error?: string; sentAt: number };

/** What jest can print of a request (it cannot print fetch's Headers). */
const plain = (item: Sent) => ({
  status: item.reply?.status,
  error: item.error,
  body: item.reply ? JSON.stringify(item.reply.body).slice(0, 300) : undefined,
});

describe('overload', () => {
  let instance: Instance;

  beforeAll(async () => {
    instance = await startInstance(PORT_BASE + 4, connection, {
      RELIABILITY_SEED: JSON.stringify({ articles: 3 }),
      TRUST_PROXY: 'true',
      // The moderation settings' limits (5 a minute per reader), as in production.
      COMMENT_RATE_LIMIT_PER_MINUTE: '',
      COMMENT_RATE_LIMIT_PER_HOUR: '',
    });
  });

  afterAll(async () => {
    await instance?.stop();
  });

  test(`${OVERLOAD_PER_SECOND} submissions a second for ${OVERLOAD_MS / 1000} s plus ${READERS} readers: no 500, reads available, bounded`, async () => {
    const articles = instance.seeded.articles!;
    const proxy = proxyConnections(PROXY_CONNECTIONS);
    await proxy.warm(instance.url);
    const submissions: Sent[] = [];
    const reads: { reply?: Reply; error?: string }[] = [];
    const pending: Promise<void>[] = [];
    const statsBefore = instance.stats.length;
    const started = Date.now();
    let running = true;
    // The load generator's own event-loop delay: a late client would send late and read answers late.
    const clientDelay = monitorEventLoopDelay({ resolution: 10 });
    clientDelay.enable();
    const clientLoopP99: number[] = [];
    const clientTimer = setInterval(() => {
      clientLoopP99.push(Math.round(clientDelay.percentile(99) / 1e6));
      clientDelay.reset();
    }, 1000);

    // Open loop: submissions leave on schedule whatever the server answers, from 300 readers.
    const submitter = (async () => {
      let index = 0;
      while (Date.now() - started < OVERLOAD_MS) {
        const due = started + (index * 1000) / OVERLOAD_PER_SECOND;
        if (due > Date.now()) await sleep(due - Date.now());
        const sent: Sent = { body: commentText('بار'), sentAt: Date.now() };
        submissions.push(sent);
        const ip = `10.20.${Math.floor((index % 300) / 250)}.${index % 250}`;
        pending.push(
          proxy
            .postJson(
              `${instance.url}/api/comments`,
              { data: { article: articles[index % articles.length], authorName: 'مریم', body: sent.body } },
              { 'x-forwarded-for': ip },
            )
            .then(
              (reply) => {
                sent.reply = reply;
              },
              (error) => {
                sent.error = String(error);
              },
            ),
        );
        index += 1;
      }
    })();
    // Closed loop: each reader reads, waits for the answer, reads again.
    const readers = Array.from({ length: READERS }, async (_, reader) => {
      while (running) {
        const path =
          reader % 2 === 0
            ? `/api/articles?pagination[pageSize]=10`
            : `/api/comments?filters[article][documentId][$eq]=${articles[reader % articles.length]}`;
        try {
          reads.push({ reply: await request(`${instance.url}${path}`) });
        } catch (error) {
          reads.push({ error: String(error) });
        }
      }
    });
    await submitter;
    await Promise.all(pending);
    proxy.close();
    running = false;
    await Promise.all(readers);
    await sleep(1500); // the last stats report
    clearInterval(clientTimer);
    clientDelay.disable();

    const replies = submissions.filter((sent) => sent.reply).map((sent) => sent.reply!);
    const count = (list: Reply[], status: number) => list.filter((reply) => reply.status === status).length;
    const readReplies = reads.filter((read) => read.reply).map((read) => read.reply!);
    const stored = await storedBodies();
    const acknowledged = submissions.filter((sent) => sent.reply?.status === 201);
    const stats = instance.stats.slice(statsBefore);
    const loopP99 = Math.max(...stats.map((stat) => stat.eventLoopDelayP99Ms));
    const rssMax = Math.max(...stats.map((stat) => stat.rssMb));
    const latency = (list: Reply[], p: number) =>
      Math.round(
        percentile(
          list.map((reply) => reply.ms),
          p,
        ),
      );
    // The figures first, so a failing run shows them too (with the server's own view, second by second).
    report('overload', {
      seconds: OVERLOAD_MS / 1000,
      submissionsSent: submissions.length,
      accepted201: count(replies, 201),
      rateLimited429: count(replies, 429),
      shed503: count(replies, 503),
      noAnswerIn15s: submissions.filter((sent) => sent.error).length,
      noAnswerReasons: [...new Set(submissions.flatMap((sent) => (sent.error ? [sent.error] : [])))],
      submissionP50Ms: latency(replies, 50),
      submissionP99Ms: latency(replies, 99),
      reads: readReplies.length,
      reads200: count(readReplies, 200),
      readErrors: reads.filter((read) => read.error).length,
      readP50Ms: latency(readReplies, 50),
      readP99Ms: latency(readReplies, 99),
      eventLoopDelayP99MaxMs: Math.round(loopP99),
      eventLoopDelayMaxMs: Math.round(Math.max(...stats.map((stat) => stat.eventLoopDelayMaxMs))),
      eventLoopDelayP99PerSecondMs: stats.map((stat) => Math.round(stat.eventLoopDelayP99Ms)),
      serverConnectionsAcceptedPerSecond: stats.map((stat) => stat.connectionsAccepted),
      serverRequestsPerSecond: stats.map((stat) => stat.requestsReceived),
      clientEventLoopDelayP99PerSecondMs: clientLoopP99,
      rssMaxMb: Math.round(rssMax),
      heapUsedMaxMb: Math.round(Math.max(...stats.map((stat) => stat.heapUsedMb))),
    });

    expect(submissions.filter((sent) => sent.error).map(plain)).toEqual([]);
    expect(replies.filter((reply) => ![201, 429, 503].includes(reply.status)).map((reply) => reply.status)).toEqual([]);
    for (const reply of replies.filter((item) => item.status === 503 || item.status === 429)) {
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(reply.body.error.details.messages.fa).toEqual(expect.any(String));
    }
    expect(reads.filter((read) => read.error)).toEqual([]);
    expect(
      readReplies
        .filter((reply) => reply.status !== 200 && reply.status !== 503)
        .map((reply) => ({ status: reply.status, body: JSON.stringify(reply.body).slice(0, 300) })),
    ).toEqual([]);
    // Reads stay available: most succeed, however many submissions are refused.
    expect(count(readReplies, 200) / readReplies.length).toBeGreaterThanOrEqual(0.9);

    // Every acknowledged comment is stored.
    expect(
      acknowledged.filter((sent) => stored.get(sent.reply!.body.data.documentId) !== sent.body).map(plain),
    ).toEqual([]);

    // Bounds generous enough for a shared 2-core machine; a server queuing without limit exceeds them.
    expect(loopP99).toBeLessThan(3000);
    expect(rssMax).toBeLessThan(1500);
  });
});

describe('graceful shutdown', () => {
  test('SIGTERM under load: requests in flight finish, no acknowledged comment is lost, exit 0', async () => {
    const instance = await startInstance(PORT_BASE + 4, connection, {
      RELIABILITY_SEED: JSON.stringify({ articles: 1 }),
    });
    const article = instance.seeded.articles![0];
    const sent: Sent[] = [];
    let stop = false;
    // Ten readers submitting one after another, as fast as the server answers.
    const workers = Array.from({ length: 10 }, async () => {
      while (!stop) {
        const item: Sent = { body: commentText('خاموشی'), sentAt: Date.now() };
        sent.push(item);
        try {
          item.reply = await postJson(`${instance.url}/api/comments`, {
            data: { article, authorName: 'مریم', body: item.body },
          });
        } catch (error) {
          item.error = String((error as Error).cause ?? error);
          await sleep(20);
        }
      }
    });
    await sleep(SHORT ? 2000 : 4000);
    const signalledAt = Date.now();
    const inFlightAtSignal = sent.filter((item) => !item.reply && !item.error);
    const exitCode = await instance.stop('SIGTERM');
    const exitedAt = Date.now();
    await sleep(300);
    stop = true;
    await Promise.all(workers);

    expect(exitCode).toBe(0);
    // What the server held when the signal came was answered, not cut off.
    expect(inFlightAtSignal.length).toBeGreaterThan(0);
    expect(inFlightAtSignal.filter((item) => item.reply?.status !== 201).map(plain)).toEqual([]);
    // Nothing but 201 before the signal; after it, refused connections (nothing accepted and dropped).
    expect(sent.filter((item) => item.reply && item.reply.status !== 201).map(plain)).toEqual([]);
    const stored = await storedBodies();
    const acknowledged = sent.filter((item) => item.reply?.status === 201);
    expect(
      acknowledged.filter((item) => stored.get(item.reply!.body.data.documentId) !== item.body).map(plain),
    ).toEqual([]);
    report('graceful shutdown', {
      inFlightAtSignal: inFlightAtSignal.length,
      acknowledged: acknowledged.length,
      refusedAfterSignal: sent.filter((item) => item.error).length,
      shutdownMs: exitedAt - signalledAt,
    });
  });
});

/** The cluster state in a data folder's control file (PostgreSQL's DBState, after three header fields). */
function clusterState(dataDir: string): string {
  const states = ['starting up', 'shut down', 'shut down in recovery', 'shutting down', 'in crash recovery'];
  const state = readFileSync(path.join(dataDir, 'global', 'pg_control')).readInt32LE(16);
  return states[state] ?? (state === 6 ? 'in production' : `state ${state}`);
}

describe('graceful shutdown through npm start', () => {
  const appDir = path.resolve(__dirname, '../..');
  const folder = mkdtempSync(path.join(tmpdir(), 'khabar-embedded-'));
  // The `postgres` OS user (when run as root) must reach the data folder.
  chmodSync(folder, 0o755);
  const port = PORT_BASE + 5;
  /** The wrapper with the embedded PostgreSQL in `folder`, running `command`. */
  const withEmbedded = (command: string[], env: Record<string, string> = {}): ChildProcess =>
    spawn(process.execPath, ['scripts/run-with-database.mjs', ...command], {
      cwd: appDir,
      env: {
        ...process.env,
        // Empty, not unset: a value in .env must not send the wrapper to another database.
        DATABASE_URL: '',
        DATABASE_HOST: '',
        DATABASE_NAME: 'khabar',
        EMBEDDED_DATABASE_DIR: folder,
        EMBEDDED_DATABASE_PORT: String(Number(process.env.RELIABILITY_PG_PORT || 55400) + 1),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const exitOf = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('SIGTERM to the wrapper: Strapi drains and exits 0, then the embedded database stops cleanly', async () => {
    const wrapper = withEmbedded([process.execPath, 'tests/reliability/support/server.js'], {
      HOST: '127.0.0.1',
      PORT: String(port),
      COMMENT_RATE_LIMIT_PER_MINUTE: '0',
      COMMENT_RATE_LIMIT_PER_HOUR: '0',
      RELIABILITY_SEED: JSON.stringify({ articles: 1 }),
    });
    wrapper.stdout!.resume();
    const exited = exitOf(wrapper);
    const url = `http://127.0.0.1:${port}`;
    // Ready when it answers (a first boot creates the cluster and the schema).
    let article: string | undefined;
    for (let attempt = 0; attempt < 360 && !article; attempt += 1) {
      const reply = await request(`${url}/api/articles`).catch(() => null);
      article = reply?.status === 200 ? reply.body.data?.[0]?.documentId : undefined;
      if (!article) await sleep(500);
    }
    expect(article).toBeDefined();

    const sent: Sent[] = [];
    let stop = false;
    const workers = Array.from({ length: 5 }, async () => {
      while (!stop) {
        const item: Sent = { body: commentText('خاموشی'), sentAt: Date.now() };
        sent.push(item);
        try {
          item.reply = await postJson(`${url}/api/comments`, {
            data: { article, authorName: 'مریم', body: item.body },
          });
        } catch (error) {
          item.error = String((error as Error).cause ?? error);
          await sleep(20);
        }
      }
    });
    await sleep(SHORT ? 1500 : 3000);
    const signalledAt = Date.now();
    const inFlightAtSignal = sent.filter((item) => !item.reply && !item.error);
    wrapper.kill('SIGTERM');
    const exitCode = await exited;
    const exitedAt = Date.now();
    stop = true;
    await Promise.all(workers);

    const dataDir = path.join(folder, 'data');
    const state = clusterState(dataDir);
    const lockLeft = existsSync(path.join(dataDir, 'postmaster.pid'));
    // The database again, through the same wrapper, to read what it holds.
    const reader = withEmbedded([
      process.execPath,
      '-e',
      `const pg = require('pg'); const c = new pg.Client({ host: process.env.DATABASE_HOST, port: +process.env.DATABASE_PORT,
        user: process.env.DATABASE_USERNAME, password: process.env.DATABASE_PASSWORD, database: process.env.DATABASE_NAME });
      c.connect().then(() => c.query('SELECT document_id, body FROM comments')).then((r) => {
        process.stdout.write(JSON.stringify(r.rows)); return c.end(); });`,
    ]);
    let output = '';
    reader.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    expect(await exitOf(reader)).toBe(0);
    const stored = new Map(
      (JSON.parse(output) as { document_id: string; body: string }[]).map((row) => [row.document_id, row.body]),
    );
    const acknowledged = sent.filter((item) => item.reply?.status === 201);
    report('graceful shutdown through npm start (embedded PostgreSQL)', {
      inFlightAtSignal: inFlightAtSignal.length,
      acknowledged: acknowledged.length,
      stored: stored.size,
      shutdownMs: exitedAt - signalledAt,
      exitCode,
      clusterState: state,
    });

    expect(exitCode).toBe(0);
    expect(inFlightAtSignal.filter((item) => item.reply?.status !== 201).map(plain)).toEqual([]);
    expect(sent.filter((item) => item.reply && item.reply.status !== 201).map(plain)).toEqual([]);
    // Stopped after Strapi had closed its connections, by a clean shutdown: no recovery needed.
    expect({ state, lockLeft }).toEqual({ state: 'shut down', lockLeft: false });
    expect(
      acknowledged.filter((item) => stored.get(item.reply!.body.data.documentId) !== item.body).map(plain),
    ).toEqual([]);
  });
});
