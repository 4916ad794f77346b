/**
 * The cached public reads (issue #11), called by bench.ts after its own scenarios: Khabar is
 * restarted with the public cache on Redis (its production setting), then
 * - the three public reads at 20 clients, served from the cache: req/s, p50/p95/p99, SQL
 *   queries per request on a hit (the probe's header), against the 1,000 req/s goal;
 * - a mixed load, 95 % reads spread over many article pages, comment pages and lists, 5 %
 *   comment submissions to those articles: the hit rate, from each answer's `X-Cache`.
 *
 * `PUBLIC_CACHE=off npm run bench` measures everything else uncached, as before the cache.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { articleDocumentId, type DatasetSize } from './lib/dataset';
import type { DriveResult, DriveSpec } from './lib/drive';

export interface CacheBenchHost {
  port: number;
  smoke: boolean;
  size: DatasetSize;
  restartKhabar(env: Record<string, string>): Promise<void>;
  drive(spec: DriveSpec): DriveResult;
  queriesPerRequest(url: string): Promise<number | null>;
  log(text: string): void;
  /** BENCHMARKS.md when `--write`: the report goes between `<!-- bench:<size>-cache:begin/end -->`. */
  writeTo: string | null;
  /** Stock Strapi's req/s for a public read at 20 clients in this run (median), if measured. */
  stockRps(scenario: string): number | null;
}

/** Khabar's env for issue #10's scenarios: the cache off, unless PUBLIC_CACHE is set. */
export const uncachedUnlessAsked = (): Record<string, string> => ({ PUBLIC_CACHE: process.env.PUBLIC_CACHE ?? 'off' });

export interface CacheRow {
  scenario: string;
  stockRps: number | null;
  result: DriveResult;
  /** SQL queries of a request answered from the cache. */
  queries: number | null;
}

export interface MixedResult {
  seconds: number;
  reads: number;
  writes: number;
  hits: number;
  errors: number;
  /** What the errors were: an HTTP status, or `network`. */
  errorKinds: Record<string, number>;
  rps: number;
  p99: number;
}

const READ_GOAL_RPS = 1000;

export const cachedReads = (busy: string) => [
  { name: 'GET /api/articles?populate=source', path: '/api/articles?populate=source' },
  { name: 'GET /api/articles/:id?populate=source', path: `/api/articles/${busy}?populate=source` },
  {
    name: 'GET /api/comments (busy article)',
    path: `/api/comments?filters[article][documentId][$eq]=${busy}&sort=createdAt:desc`,
  },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** 20 clients in a loop; every 20th request of a client is a comment submission. */
async function mixedLoad(
  host: CacheBenchHost,
  articles: string[],
  seconds: number,
  clients: number,
): Promise<MixedResult> {
  const base = `http://127.0.0.1:${host.port}`;
  const pages = articles.flatMap((id) => [
    `/api/articles/${id}?populate=source`,
    `/api/comments?filters[article][documentId][$eq]=${id}&sort=createdAt:desc`,
  ]);
  const reads = ['/api/articles?populate=source', '/api/articles', ...pages];
  // Warm: every page read once, so the hit rate measures invalidation, not a cold start.
  const queue = [...reads];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        // A failed warm-up read only leaves that page cold.
        await fetch(`${base}${path}`)
          .then((response) => response.arrayBuffer())
          .catch(() => undefined);
      }
    }),
  );
  const result: MixedResult = { seconds, reads: 0, writes: 0, hits: 0, errors: 0, errorKinds: {}, rps: 0, p99: 0 };
  const failed = (kind: string) => {
    result.errors += 1;
    result.errorKinds[kind] = (result.errorKinds[kind] ?? 0) + 1;
  };
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  const client = async (index: number) => {
    let step = index;
    while (Date.now() < deadline) {
      step += 1;
      const started = performance.now();
      try {
        if (step % 20 === 0) {
          const article = articles[step % articles.length];
          const response = await fetch(`${base}/api/comments`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              data: {
                article,
                authorName: 'خوانندهٔ آزمون',
                body: `این گزارش دربارهٔ بودجه و اقتصاد خواندنی بود، شمارهٔ ${randomBytes(4).toString('hex')}`,
              },
            }),
          });
          await response.arrayBuffer();
          result.writes += 1;
          if (response.status !== 201) failed(`POST ${response.status}`);
        } else {
          // Readers crowd the first pages: a few hot articles, a long tail.
          const skewed = Math.floor(reads.length * Math.random() ** 2);
          const response = await fetch(`${base}${reads[skewed]}`);
          await response.arrayBuffer();
          result.reads += 1;
          if (response.status !== 200) failed(`GET ${response.status}`);
          if (response.headers.get('x-cache') === 'HIT') result.hits += 1;
        }
      } catch {
        failed('network');
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  latencies.sort((a, b) => a - b);
  result.rps = (result.reads + result.writes) / seconds;
  result.p99 = Math.round(percentile(latencies, 99) * 10) / 10;
  return result;
}

async function runCacheScenarios(host: CacheBenchHost): Promise<{ rows: CacheRow[]; mixed: MixedResult }> {
  // The dataset's first articles (article 1 is the busy one), all published.
  const articles = Array.from({ length: Math.min(host.size.articles, 200) }, (_, index) =>
    articleDocumentId(index + 1),
  );
  const prefix = `khabar-bench-cache:${randomBytes(4).toString('hex')}:`;
  host.log(`\ncached public reads: Khabar restarted with PUBLIC_CACHE_STORE=redis (prefix ${prefix})`);
  await host.restartKhabar({ PUBLIC_CACHE: 'on', PUBLIC_CACHE_STORE: 'redis', PUBLIC_CACHE_KEY_PREFIX: prefix });
  const rows: CacheRow[] = [];
  const duration = host.smoke ? 3 : 15;
  for (const scenario of cachedReads(articles[0])) {
    const url = `http://127.0.0.1:${host.port}${scenario.path}`;
    // The first request computes the entry; the probe then reads a hit's SQL count.
    const queries = await host.queriesPerRequest(url);
    host.drive({ url, connections: 4, seconds: 1 });
    const result = host.drive({ url, connections: 20, seconds: duration });
    rows.push({ scenario: scenario.name, result, queries, stockRps: host.stockRps(scenario.name) });
    host.log(
      `  cached ${scenario.name.padEnd(38)} c=20 ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  errors ${result.errors + result.non2xx}  SQL on a hit ${queries ?? '-'}${result.rps >= READ_GOAL_RPS ? '' : `  (goal ${READ_GOAL_RPS} req/s)`}`,
    );
  }
  const mixed = await mixedLoad(host, articles, host.smoke ? 3 : 20, 20);
  host.log(
    `  mixed 95 % reads / 5 % submissions, 20 clients, ${mixed.seconds} s: ${mixed.rps.toFixed(0)} req/s, p99 ${mixed.p99} ms, hit rate ${((100 * mixed.hits) / Math.max(1, mixed.reads)).toFixed(1)} % of ${mixed.reads} reads, ${mixed.writes} submissions, errors ${mixed.errors}`,
  );
  await dropKeys(prefix);
  return { rows, mixed };
}

/** The run's keys (the versions have no expiry). */
async function dropKeys(prefix: string) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

function cacheReport(report: { rows: CacheRow[]; mixed: MixedResult }): string {
  const lines = [
    '| cached read (Redis store, 20 clients) | req/s | × stock (same run) | p50 ms | p95 ms | p99 ms | errors | SQL on a hit |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of report.rows) {
    const r = row.result;
    lines.push(
      `| \`${row.scenario.replace('GET ', '')}\` | ${r.rps.toFixed(0)} | ${row.stockRps ? `${(r.rps / row.stockRps).toFixed(1)}× (${row.stockRps.toFixed(0)})` : '–'} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors + r.non2xx} | ${row.queries ?? '–'} |`,
    );
  }
  const m = report.mixed;
  lines.push(
    '',
    `Mixed load, 20 clients, ${m.seconds} s, 95 % reads (article pages, comment pages, lists of the dataset's articles, hot ones more often) / 5 % comment submissions to the same articles: **${m.rps.toFixed(0)} req/s**, p99 ${m.p99} ms, **hit rate ${((100 * m.hits) / Math.max(1, m.reads)).toFixed(1)} %** (${m.hits} of ${m.reads} reads; ${m.writes} submissions), errors ${m.errors}${m.errors ? ` (${JSON.stringify(m.errorKinds)})` : ''}.`,
  );
  return lines.join('\n');
}

/** Rows with errors or no answers. */
function cacheFailures(report: { rows: CacheRow[]; mixed: MixedResult }): string[] {
  const failed = report.rows.filter((row) => row.result.errors + row.result.non2xx > 0 || row.result.requests === 0);
  const names = failed.map((row) => `cached ${row.scenario}`);
  if (report.mixed.errors > 0 || report.mixed.reads === 0) names.push('cached mixed load');
  return names;
}

/** bench.ts's hook: runs the scenarios, answers the report section and the failed scenarios. */
export async function cacheBenchmark(host: CacheBenchHost): Promise<{ report: string; failures: string[] }> {
  const started = new Date().toISOString();
  const results = await runCacheScenarios(host);
  const report = [
    `Size \`${host.size.name}\`, stock req/s from the comparison of the same run. Run ${started}, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} at the end.`,
    '',
    cacheReport(results),
  ].join('\n');
  if (host.writeTo) {
    const text = fs.readFileSync(host.writeTo, 'utf8');
    const begin = `<!-- bench:${host.size.name}-cache:begin -->`;
    const end = `<!-- bench:${host.size.name}-cache:end -->`;
    if (text.includes(begin)) {
      fs.writeFileSync(
        host.writeTo,
        `${text.slice(0, text.indexOf(begin) + begin.length)}\n${report}\n${text.slice(text.indexOf(end))}`,
      );
    }
  }
  return { report, failures: cacheFailures(results) };
}
