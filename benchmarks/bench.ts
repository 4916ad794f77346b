/**
 * `npm run bench` (large), `npm run bench -- --size small`, `npm run bench:smoke` (CI).
 *
 * Builds Khabar, starts it in production (`NODE_ENV=production strapi start`) on a database of
 * its own, and beside it the yardstick: stock Strapi 5.54 with Khabar's schema files and core
 * factories only (benchmarks/stock/), on the same data. Loads the dataset with set-based SQL,
 * drives load with autocannon from a separate process, and prints req/s, p50/p95/p99, errors,
 * SQL queries per request and the server's RSS. See BENCHMARKS.md.
 *
 * Options: --size smoke|small|large, --seconds N (per latency scenario), --skip-build,
 * --keep-data (reuse the loaded databases), --no-stock, --rounds N (of the comparison with stock),
 * --compare-only (only that comparison), --only a,b (only the scenarios whose name contains one of
 * these texts; `memory` names the memory check), --write (results into BENCHMARKS.md).
 * `BENCH_NODE_FLAGS="--flag …"` starts both servers with these node flags (A/B runs of V8 settings).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { cacheBenchmark, uncachedUnlessAsked } from './cache-scenarios';
import { articleDocumentId, BENCH_IP_HASH_SALT, type DatasetSize, loadDataset, SIZES } from './lib/dataset';
import type { DriveResult, DriveSpec } from './lib/drive';
import { countsMismatches } from './lib/integrity';

const root = path.resolve(__dirname, '..');
const stockDir = path.join(__dirname, 'stock');
const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
/** `--only a,b`: the scenarios to run, by a part of their name (all when absent). */
const only = option('only', '')
  .split(',')
  .map((part) => part.trim().toLowerCase())
  .filter(Boolean);
const selected = (name: string) => only.length === 0 || only.some((part) => name.toLowerCase().includes(part));

const size: DatasetSize = SIZES[option('size', 'large')] ?? SIZES.large;
const smoke = size.name === 'smoke';
const seconds = Number(option('seconds', smoke ? '3' : '10'));
const memorySeconds = smoke ? 3 : 60;
const pgHost = process.env.DATABASE_HOST ?? '127.0.0.1';
/** A database on the server the environment names (DATABASE_URL, or DATABASE_HOST and friends). */
function databaseUrl(name: string): string {
  const url = new URL(
    process.env.DATABASE_URL ??
      `postgres://${encodeURIComponent(process.env.DATABASE_USERNAME ?? 'postgres')}:${encodeURIComponent(process.env.DATABASE_PASSWORD ?? '')}@${pgHost}:${process.env.DATABASE_PORT ?? '5432'}/postgres`,
  );
  url.pathname = `/${name}`;
  return url.toString();
}

interface App {
  name: 'khabar' | 'stock';
  database: string;
  port: number;
  dir: string;
  process?: ChildProcess;
}

const apps: App[] = [
  { name: 'khabar', database: option('database', 'khabar_bench'), port: Number(option('port', '1344')), dir: root },
  {
    name: 'stock',
    database: option('stock-database', 'khabar_bench_stock'),
    port: Number(option('stock-port', '1346')),
    dir: stockDir,
  },
];

const secrets = () => ({
  APP_KEYS: [1, 2].map(() => randomBytes(16).toString('base64')).join(','),
  API_TOKEN_SALT: randomBytes(16).toString('base64'),
  ADMIN_JWT_SECRET: randomBytes(16).toString('base64'),
  TRANSFER_TOKEN_SALT: randomBytes(16).toString('base64'),
  JWT_SECRET: randomBytes(16).toString('base64'),
  ENCRYPTION_KEY: randomBytes(16).toString('base64'),
  IP_HASH_SALT: BENCH_IP_HASH_SALT,
});

const log = (text: string) => process.stderr.write(`${text}\n`);

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The stock app's API folder: Khabar's schema files, and core factories for each type. */
function prepareStockApp() {
  const api = path.join(stockDir, 'src', 'api');
  fs.rmSync(api, { recursive: true, force: true });
  fs.mkdirSync(path.join(stockDir, 'public', 'uploads'), { recursive: true });
  for (const type of ['article', 'comment', 'source']) {
    const uid = `api::${type}.${type}`;
    const dir = path.join(api, type);
    fs.mkdirSync(path.join(dir, 'content-types', type), { recursive: true });
    fs.copyFileSync(
      path.join(root, 'src', 'api', type, 'content-types', type, 'schema.json'),
      path.join(dir, 'content-types', type, 'schema.json'),
    );
    for (const [kind, factory] of [
      ['routes', 'createCoreRouter'],
      ['controllers', 'createCoreController'],
      ['services', 'createCoreService'],
    ]) {
      fs.mkdirSync(path.join(dir, kind), { recursive: true });
      fs.writeFileSync(
        path.join(dir, kind, `${type}.js`),
        `module.exports = require('@strapi/strapi').factories.${factory}('${uid}');\n`,
      );
    }
  }
}

function startServer(app: App, env: Record<string, string>): ChildProcess {
  const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, strapiBin, 'start'], {
    cwd: app.dir,
    env: {
      ...process.env,
      ...secrets(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(app.port),
      DATABASE_URL: databaseUrl(app.database),
      DATABASE_HOST: pgHost,
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
      STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE: 'fa',
      BENCH_COUNT_QUERIES: '1',
      // Comment submission is measured, not rate-limited.
      COMMENT_RATE_LIMIT_PER_MINUTE: '0',
      COMMENT_RATE_LIMIT_PER_HOUR: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  const keep = (chunk: Buffer) => {
    errors = (errors + chunk).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code) => {
    if (code && code !== 0 && app.process === child) log(`${app.name} server exited with ${code}:\n${errors}`);
  });
  app.process = child;
  return child;
}

async function waitForHealth(app: App, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.process?.exitCode !== null && app.process?.exitCode !== undefined) {
      throw new Error(`${app.name} server stopped during boot`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${app.port}/_health`);
      if (response.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${app.name} server did not answer /_health`);
}

async function stopServer(app: App) {
  const child = app.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  app.process = undefined;
}

/**
 * CPU time the server process has used, in ms (utime + stime from /proc, in clock ticks of
 * 10 ms). Per request it says what a request costs the server whatever else the machine runs,
 * which latency on shared cores does not.
 */
function cpuMilliseconds(app: App): number {
  const stat = fs.readFileSync(`/proc/${app.process?.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMegabytes(app: App): number {
  const status = fs.readFileSync(`/proc/${app.process?.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Grants the stock app's public role what Khabar's public role has (SQL: the stock app has no code). */
async function grantStockPublicRole(app: App) {
  const client = new Client({ connectionString: databaseUrl(app.database) });
  await client.connect();
  try {
    const actions = [
      'api::article.article.find',
      'api::article.article.findOne',
      'api::source.source.find',
      'api::source.source.findOne',
      'api::comment.comment.find',
      'api::comment.comment.findOne',
      'api::comment.comment.create',
    ];
    await client.query(
      `WITH created AS (
         INSERT INTO up_permissions (document_id, action, created_at, updated_at, published_at)
         SELECT substr(md5(random()::text), 1, 24), wanted.name, now(), now(), now()
         FROM unnest($1::text[]) AS wanted(name)
         WHERE NOT EXISTS (SELECT 1 FROM up_permissions p WHERE p.action = wanted.name)
         RETURNING id)
       INSERT INTO up_permissions_role_lnk (permission_id, role_id, permission_ord)
       SELECT id, (SELECT id FROM up_roles WHERE type = 'public'), 1 FROM created`,
      [actions],
    );
  } finally {
    await client.end();
  }
}

async function prepareDatabase(app: App) {
  const started = Date.now();
  log(`\n${app.name}: database ${app.database}`);
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${app.database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${app.database}`);
  });
  // One boot creates Strapi's schema (and Khabar's counts tables); the data goes in with SQL.
  startServer(app, {});
  await waitForHealth(app);
  await stopServer(app);
  if (app.name === 'stock') await grantStockPublicRole(app);
  await loadDataset(databaseUrl(app.database), size);
  log(`  loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function drive(spec: DriveSpec): DriveResult {
  const output = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'lib', 'drive.ts'), JSON.stringify(spec)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  return JSON.parse(output.trim().split('\n').pop() as string) as DriveResult;
}

/** fetch, tried again once: the server may close an idle keep-alive socket as fetch reuses it. */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** SQL queries one request runs, read from the probe's header (median of three). */
async function queriesPerRequest(url: string, init: RequestInit = {}): Promise<number | null> {
  const counts: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const response = await fetchOnce(url, init);
    const text = await response.text();
    if (response.status >= 300 && i === 0) log(`  ! ${url} answered ${response.status}: ${text.slice(0, 200)}`);
    const header = response.headers.get('x-query-count');
    if (header !== null) counts.push(Number(header));
  }
  counts.sort((a, b) => a - b);
  return counts.length ? (counts[1] ?? counts[0]) : null;
}

interface Scenario {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  admin?: boolean;
  target?: string;
}

interface Row {
  app: string;
  scenario: string;
  connections: number;
  result: DriveResult;
  queries: number | null;
  /** Server CPU per request, ms. */
  cpu: number;
  rss: number;
  target?: string;
}

const rows: Row[] = [];

async function run(app: App, scenario: Scenario, connections: number, duration: number, token?: string) {
  const url = `http://127.0.0.1:${app.port}${scenario.path}`;
  const headers: Record<string, string> = {};
  if (scenario.admin && token) headers.Authorization = `Bearer ${token}`;
  if (scenario.body) headers['Content-Type'] = 'application/json';
  const probeBody = scenario.body?.replaceAll('[<id>]', randomBytes(6).toString('hex'));
  const queries = await queriesPerRequest(url, { method: scenario.method ?? 'GET', headers, body: probeBody });
  const cpuBefore = cpuMilliseconds(app);
  const result = drive({ url, connections, seconds: duration, method: scenario.method, headers, body: scenario.body });
  const cpu = (cpuMilliseconds(app) - cpuBefore) / Math.max(1, result.requests);
  const row: Row = {
    app: app.name,
    scenario: scenario.name,
    connections,
    result,
    queries,
    cpu: Math.round(cpu * 100) / 100,
    rss: rssMegabytes(app),
    target: scenario.target,
  };
  rows.push(row);
  log(
    `  ${app.name.padEnd(6)} ${scenario.name.padEnd(34)} c=${String(connections).padEnd(3)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  errors ${result.errors + result.non2xx}  queries ${queries ?? '-'}  cpu ${row.cpu} ms/req  rss ${row.rss} MB`,
  );
  return row;
}

async function registerAdmin(app: App): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${app.port}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      password: 'Bench-passw0rd',
      firstname: 'Bench',
      lastname: 'Moderator',
    }),
  });
  if (response.ok) return ((await response.json()) as { data: { token: string } }).data.token;
  const login = await fetch(`http://127.0.0.1:${app.port}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'Bench-passw0rd' }),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
  return ((await login.json()) as { data: { token: string } }).data.token;
}

const busy = articleDocumentId(1);
const publicReads = (): Scenario[] => [
  { name: 'GET /api/articles?populate=source', path: '/api/articles?populate=source' },
  { name: 'GET /api/articles/:id?populate=source', path: `/api/articles/${busy}?populate=source` },
  {
    name: 'GET /api/comments (busy article)',
    path: `/api/comments?filters[article][documentId][$eq]=${busy}&sort=createdAt:desc`,
  },
];

function latencyScenarios(): Scenario[] {
  const pageSize = 20;
  const approvedBusy = Math.floor(size.busyComments * 0.7);
  const deepPage = Math.max(1, Math.min(300, Math.floor(approvedBusy / pageSize)));
  const comments = `/api/comments?filters[article][documentId][$eq]=${busy}&sort=createdAt:desc&pagination[pageSize]=${pageSize}`;
  return [
    { name: 'GET /_health (HTTP floor)', path: '/_health' },
    { name: 'one article with commentStats', path: `/api/articles/${busy}`, target: 'p95 ≤ 10 ms' },
    { name: 'list of 25 with commentStats', path: '/api/articles', target: 'p95 ≤ 20 ms' },
    { name: 'approved comments, page 1', path: `${comments}&pagination[page]=1`, target: 'p95 ≤ 20 ms' },
    {
      name: `approved comments, page ${deepPage}`,
      path: `${comments}&pagination[page]=${deepPage}`,
      target: 'p95 ≤ 20 ms',
    },
    {
      name: 'queue: first pending page',
      path: '/moderation/comments?moderationStatus=pending&page=1&pageSize=50',
      admin: true,
      target: 'p95 ≤ 50 ms',
    },
    {
      name: 'queue: pending of the busy article',
      path: `/moderation/comments?moderationStatus=pending&article=${busy}&page=1&pageSize=50`,
      admin: true,
      target: 'p95 ≤ 50 ms',
    },
    {
      name: 'queue: newest, all statuses',
      path: '/moderation/comments?sort=createdAt:desc&page=1&pageSize=50',
      admin: true,
      target: 'p95 ≤ 50 ms',
    },
    { name: 'GET /moderation/stats', path: '/moderation/stats', admin: true, target: 'p95 ≤ 100 ms' },
    {
      name: 'comment submission with screening',
      path: '/api/comments',
      method: 'POST',
      body: JSON.stringify({
        data: {
          article: busy,
          authorName: 'خوانندهٔ آزمون',
          authorEmail: 'reader@example.com',
          body: 'این گزارش دربارهٔ بودجه و اقتصاد خواندنی بود، شمارهٔ [<id>]',
        },
      }),
      target: 'p95 ≤ 50 ms',
    },
  ];
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function table(): string {
  const lines = [
    '| app | scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/request | server CPU ms/request | RSS MB | target |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const r = row.result;
    lines.push(
      `| ${row.app} | ${row.scenario} | ${row.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors + r.non2xx} | ${row.queries ?? '–'} | ${row.cpu} | ${row.rss} | ${row.target ?? ''} |`,
    );
  }
  return lines.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ratios(): string {
  const lines = ['| request (20 clients) | stock req/s | Khabar req/s | ratio |', '|---|---|---|---|'];
  const rps = (app: string, scenario: string) =>
    rows
      .filter((row) => row.app === app && row.scenario === scenario && row.connections === 20)
      .map((row) => row.result.rps);
  for (const scenario of publicReads()) {
    const stock = rps('stock', scenario.name);
    const khabar = rps('khabar', scenario.name);
    if (stock.length === 0 || khabar.length === 0) continue;
    const runs = stock.length > 1 ? ` (median of ${stock.length})` : '';
    lines.push(
      `| \`${scenario.name.replace('GET ', '')}\`${runs} | ${median(stock).toFixed(0)} | ${median(khabar).toFixed(0)} | ${(median(khabar) / median(stock)).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/** What the server's memory is made of (the probe's `/_bench/memory`), at the end of each memory run. */
interface HeapFigures {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  spaces: Record<string, { size: number; used: number }>;
}
const heapAfterMemoryRuns: HeapFigures[] = [];

async function heapFigures(app: App): Promise<HeapFigures> {
  const figures = (await (await fetchOnce(`http://127.0.0.1:${app.port}/_bench/memory`, {})).json()) as HeapFigures;
  log(
    `  memory: RSS ${figures.rss} MB, V8 heap ${figures.heapUsed} MB used of ${figures.heapTotal} MB (old space ${figures.spaces.old_space?.used} of ${figures.spaces.old_space?.size}, new space ${figures.spaces.new_space?.size})`,
  );
  return figures;
}

let integrity:
  | { checked: number; mismatches: string[]; moved: number; requests: number; submissions: number; seconds: string }
  | undefined;

/**
 * Counts exact at scale: concurrent bulk moderation (distinct pending comments of the busy
 * article, approved or rejected, 25 a request) while readers submit comments, then the kept
 * counts against a recount of the whole database (benchmarks/lib/integrity.ts).
 */
async function checkCountsUnderLoad(app: App, token: string) {
  log('\nintegrity: concurrent moderation and submissions, then the counts against a recount');
  const base = `http://127.0.0.1:${app.port}`;
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const queue = await fetchOnce(`${base}/moderation/comments?moderationStatus=pending&article=${busy}&pageSize=200`, {
    headers: auth,
  });
  const pending = ((await queue.json()) as { data: { documentId: string }[] }).data.map((c) => c.documentId);
  const batches = Array.from({ length: Math.floor(pending.length / 25) }, (_, i) => pending.slice(i * 25, i * 25 + 25));
  const submissions = 40;
  const answers = await Promise.all([
    ...batches.map((documentIds, i) =>
      fetchOnce(`${base}/moderation/comments/bulk`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(
          i % 2 === 0 ? { action: 'approve', documentIds } : { action: 'reject', documentIds, reason: 'spam' },
        ),
      }),
    ),
    ...Array.from({ length: submissions }, (_, i) =>
      fetchOnce(`${base}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          data: {
            article: articleDocumentId(1 + (i % 3)),
            authorName: 'خوانندهٔ آزمون',
            body: `نظر همزمان شمارهٔ ${i} ${randomBytes(4).toString('hex')} دربارهٔ بودجه`,
          },
        }),
      }),
    ),
  ]);
  const refused = answers.filter((answer) => !answer.ok).length;
  if (refused > 0) log(`  ! ${refused} of the concurrent requests were refused`);
  const started = Date.now();
  const result = await countsMismatches(databaseUrl(app.database));
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  log(`  ${result.checked} counters checked in ${seconds} s: ${result.mismatches.length} differ`);
  return {
    ...result,
    moved: batches.length * 25,
    requests: batches.length,
    submissions,
    seconds,
  };
}

async function main() {
  const withStock = !flag('no-stock');
  const started = Date.now();
  log(`Khabar benchmark, size ${size.name}: ${size.articles} articles, ${size.comments} comments`);
  log(`machine: ${machine()}`);
  if (!flag('skip-build')) {
    log('building Khabar (NODE_ENV=production strapi build)…');
    execFileSync(process.execPath, [strapiBin, 'build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (withStock) prepareStockApp();
  const active = withStock ? apps : apps.filter((app) => app.name === 'khabar');
  if (!flag('keep-data')) {
    for (const app of active) await prepareDatabase(app);
  }

  for (const app of active) {
    log(`\n${app.name}: starting the production server on port ${app.port}`);
    // Issue #10's figures stay uncached unless PUBLIC_CACHE says otherwise (benchmarks/cache-scenarios.ts).
    startServer(app, app.name === 'khabar' ? uncachedUnlessAsked() : {});
    await waitForHealth(app);
  }
  const khabar = apps[0];
  const token = await registerAdmin(khabar);
  let cacheSection: { report: string; failures: string[] } | null = null;

  try {
    // Throughput against the yardstick: both servers up, measured one after the other, the order
    // alternating between rounds (the machine's other load drifts; the ratio uses the medians).
    log('\npublic reads, 20 clients, Khabar and stock Strapi on the same data');
    const rounds = Number(option('rounds', '1'));
    for (let round = 0; round < rounds; round += 1) {
      for (const scenario of publicReads().filter((candidate) => selected(candidate.name))) {
        for (const app of round % 2 === 0 ? active : [...active].reverse()) {
          drive({ url: `http://127.0.0.1:${app.port}${scenario.path}`, connections: 4, seconds: 1 }); // warm-up
          await run(app, scenario, 20, smoke ? 3 : 15);
        }
      }
    }
    if (!flag('compare-only')) {
      log('\nKhabar, one client at a time');
      for (const scenario of latencyScenarios().filter((candidate) => selected(candidate.name))) {
        await run(khabar, scenario, 1, seconds, token);
      }

      if (selected('memory')) {
        log(`\nmemory: the list at 20 clients, twice ${memorySeconds} s`);
        const list: Scenario = { name: `list, 20 clients, first ${memorySeconds} s`, path: '/api/articles' };
        await run(khabar, list, 20, memorySeconds);
        heapAfterMemoryRuns.push(await heapFigures(khabar));
        await run(khabar, { ...list, name: `list, 20 clients, next ${memorySeconds} s` }, 20, memorySeconds);
        heapAfterMemoryRuns.push(await heapFigures(khabar));
      }
    }
    if (selected('integrity')) integrity = await checkCountsUnderLoad(khabar, token);
    // Issue #11: the cached reads and the mixed load (benchmarks/cache-scenarios.ts).
    if (!flag('no-cache') && only.length === 0) {
      const restartKhabar = async (env: Record<string, string>) => {
        await stopServer(khabar);
        startServer(khabar, env);
        await waitForHealth(khabar);
      };
      cacheSection = await cacheBenchmark({
        port: khabar.port,
        smoke,
        size,
        restartKhabar,
        drive,
        queriesPerRequest,
        log,
        writeTo: flag('write') ? path.join(root, 'BENCHMARKS.md') : null,
        stockRps: (name) => {
          const measured = rows.filter((row) => row.app === 'stock' && row.scenario === name && row.connections === 20);
          return measured.length ? median(measured.map((row) => row.result.rps)) : null;
        },
      });
    }
  } finally {
    for (const app of active) await stopServer(app);
  }

  const memoryLine = heapAfterMemoryRuns.length
    ? `Memory at the end of each memory run: ${heapAfterMemoryRuns
        .map(
          (figures) =>
            `RSS ${figures.rss} MB, V8 heap ${figures.heapUsed} MB used of ${figures.heapTotal} MB (old space ${figures.spaces.old_space?.used} of ${figures.spaces.old_space?.size} MB)`,
        )
        .join('; ')}. Used heap includes garbage not yet collected.`
    : '';
  const integrityLine = integrity
    ? `Counts exact at this size: ${integrity.mismatches.length === 0 ? 'yes' : 'NO'}, ${integrity.checked.toLocaleString('en')} kept counters against a recount from the rows, after the scenarios and ${integrity.moved} comments moderated in ${integrity.requests} concurrent bulk requests during ${integrity.submissions} concurrent submissions (recount ${integrity.seconds} s).`
    : '';
  const report = [
    `Size \`${size.name}\`: ${size.articles.toLocaleString('en')} articles, ${size.comments.toLocaleString('en')} comments (20 % pending, 10 % rejected, one article with ${size.busyComments.toLocaleString('en')}), ${size.sources} sources.`,
    `Machine: ${machine()}. Run ${new Date().toISOString()}, ${((Date.now() - started) / 60000).toFixed(1)} min.`,
    '',
    ratios(),
    '',
    table(),
    ...(memoryLine ? ['', memoryLine] : []),
    ...(integrityLine ? ['', integrityLine] : []),
  ].join('\n');
  process.stdout.write(`\n${report}\n`);
  if (cacheSection) process.stdout.write(`\n${cacheSection.report}\n`);
  const failures = rows.filter((row) => row.result.errors + row.result.non2xx > 0 || row.result.requests === 0);
  for (const name of cacheSection?.failures ?? []) failures.push({ scenario: name } as Row);
  if (flag('write') && only.length > 0) log('\n--write ignored: --only ran part of the suite');
  else if (flag('write')) {
    const file = path.join(root, 'BENCHMARKS.md');
    const text = fs.readFileSync(file, 'utf8');
    const section = flag('compare-only') ? `${size.name}-compare` : size.name;
    const begin = `<!-- bench:${section}:begin -->`;
    const end = `<!-- bench:${section}:end -->`;
    if (text.includes(begin)) {
      fs.writeFileSync(
        file,
        `${text.slice(0, text.indexOf(begin) + begin.length)}\n${report}\n${text.slice(text.indexOf(end))}`,
      );
    }
  }
  if (integrity && integrity.mismatches.length > 0) {
    log(`\ncounts differ from a recount:\n${integrity.mismatches.slice(0, 20).join('\n')}`);
    process.exitCode = 1;
  }
  if (failures.length > 0) {
    log(`\n${failures.length} scenario(s) had errors or no answers: ${failures.map((row) => row.scenario).join(', ')}`);
    process.exitCode = 1;
  }
}

const stopAll = () => {
  for (const app of apps) app.process?.kill('SIGKILL');
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

main().catch((error) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
