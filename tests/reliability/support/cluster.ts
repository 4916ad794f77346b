import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';

// Plain JS shared with the global setup.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const database = require('../../setup/database') as {
  TEMPLATE_DATABASE: string;
  adminConnection(): pg.ClientConfig;
  withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
  quote(name: string): string;
};

/** RELIABILITY_SHORT=1 (CI): fewer iterations, shorter phases. */
export const SHORT = process.env.RELIABILITY_SHORT === '1';

/** Ports reserved for these tests' servers (loopback only). */
export const PORT_BASE = Number(process.env.RELIABILITY_PORT_BASE || 1348);

export interface Stats {
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  rssMb: number;
  heapUsedMb: number;
  /** In the last second. */
  connectionsAccepted: number;
  requestsReceived: number;
}

export interface Instance {
  url: string;
  port: number;
  child: ChildProcess;
  seeded: { articles?: string[]; drafts?: string[]; moderators?: { email: string; password: string }[] };
  stats: Stats[];
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface Connection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** Starts one Strapi process on the given database and waits until it answers. */
export async function startInstance(
  port: number,
  connection: Connection,
  env: Record<string, string> = {},
): Promise<Instance> {
  const child = fork(path.join(__dirname, 'server.js'), [], {
    cwd: path.resolve(__dirname, '../../..'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: '',
      DATABASE_HOST: connection.host,
      DATABASE_PORT: String(connection.port),
      DATABASE_USERNAME: connection.user,
      DATABASE_PASSWORD: connection.password,
      DATABASE_NAME: connection.database,
      COMMENT_RATE_LIMIT_PER_MINUTE: '0',
      COMMENT_RATE_LIMIT_PER_HOUR: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stats: Stats[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const seeded = await new Promise<Instance['seeded']>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance on ${port} not ready in 180 s`)), 180_000);
    child.on('message', (message: any) => {
      if (message?.type === 'stats') stats.push(message);
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message.seeded ?? {});
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance on ${port} exited with ${code} before it was ready`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    seeded,
    stats,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timeout);
      return code;
    },
  };
}

/** A database cloned from the migrated test template on the shared test server. */
export async function cloneTemplate(): Promise<{ connection: Connection; drop(): Promise<void> }> {
  const name = `khabar_reliab_${randomBytes(5).toString('hex')}`;
  await database.withAdminClient((client) =>
    client.query(`CREATE DATABASE ${database.quote(name)} TEMPLATE ${database.quote(database.TEMPLATE_DATABASE)}`),
  );
  const admin = database.adminConnection() as { host?: string; port?: number; user?: string; password?: string };
  const connection: Connection = {
    host: admin.host ?? '127.0.0.1',
    port: admin.port ?? 5432,
    user: admin.user ?? 'postgres',
    password: String(admin.password ?? ''),
    database: name,
  };
  return {
    connection,
    async drop() {
      await database.withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${database.quote(name)} WITH (FORCE)`),
      );
    },
  };
}

/** An empty database on the shared test server, as a first deploy finds it. */
export async function emptyDatabase(): Promise<{ connection: Connection; drop(): Promise<void> }> {
  const name = `khabar_reliab_${randomBytes(5).toString('hex')}`;
  await database.withAdminClient((client) => client.query(`CREATE DATABASE ${database.quote(name)}`));
  const admin = database.adminConnection() as { host?: string; port?: number; user?: string; password?: string };
  return {
    connection: {
      host: admin.host ?? '127.0.0.1',
      port: admin.port ?? 5432,
      user: admin.user ?? 'postgres',
      password: String(admin.password ?? ''),
      database: name,
    },
    async drop() {
      await database.withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${database.quote(name)} WITH (FORCE)`),
      );
    },
  };
}

/** A PostgreSQL of the test's own, in a temporary folder, that the test may stop and start. */
export async function ownPostgres(port: number) {
  const child = fork(path.join(__dirname, 'postgres.mjs'), [String(port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answer = (cmd?: string) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (message: any) => {
        if (cmd !== undefined && message?.cmd !== cmd) return;
        child.off('message', onMessage);
        if (message?.error) reject(new Error(`own PostgreSQL: ${message.error}`));
        else resolve();
      };
      child.on('message', onMessage);
      if (cmd !== undefined) child.send({ cmd });
    });
  await answer();
  return {
    connection: {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password: 'reliability',
      database: 'khabar',
    } as Connection,
    stop: () => answer('stop'),
    start: () => answer('start'),
    async remove() {
      if (child.connected) await answer('remove').catch(() => {});
    },
  };
}

/** A short-lived client on the database, for counts the tests compare against. */
export async function withClient<T>(connection: Connection, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  ms: number;
}

/** One HTTP request with a hard deadline: a hang is a failure, not a wait. */
export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
  timeoutMs = 15_000,
): Promise<Reply> {
  const started = performance.now();
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.headers,
    // A Buffer as its bytes: the DOM typings other test projects load do not take a Buffer.
    body: typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
}

/**
 * The connections a reverse proxy keeps open to the app (nginx's upstream `keepalive`, see
 * README, *Overload*): `sockets` kept-alive connections, opened by `warm` before the load and
 * used in turn (FIFO), with requests
 * beyond them waiting in the client as they would in the proxy. Readers' new connections are
 * the proxy's to accept; the app sees only these. The deadline counts from the call, waiting
 * included.
 */
export function proxyConnections(sockets: number) {
  // `timeout`: an idle connection is closed here after 4 s, before the server's keep-alive
  // timeout (5 s) closes it under a request just sent on it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, scheduling: 'fifo', timeout: 4000 });
  const send = (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
    timeoutMs = 15_000,
  ): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const outgoing = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', fail);
        incoming.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: kept as text
          }
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              headers.append(name, one);
          }
          resolve({ status: incoming.statusCode ?? 0, headers, body, ms: performance.now() - started });
        });
      });
      const timer = setTimeout(() => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      outgoing.on('error', fail);
      outgoing.end(init.body);
    });
  let opened = 0;
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = ((...args: Parameters<typeof createConnection>) => {
    opened += 1;
    return createConnection(...args);
  }) as typeof agent.createConnection;
  return {
    /**
     * Opens every connection (requests sent together each take one), however slowly the server
     * accepts them; again until a round opens none (a slow round lets the first ones idle out).
     */
    async warm(baseUrl: string) {
      for (let round = 0; round < 10; round += 1) {
        const before = opened;
        await Promise.all(Array.from({ length: sockets }, () => send(`${baseUrl}/_health`, {}, 120_000)));
        if (round > 0 && opened === before) return;
      }
    },
    postJson: (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      }),
    close: () => agent.destroy(),
  };
}

export const postJson = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

/** Logs a moderator in on one instance and returns the Authorization header. */
export async function login(url: string, account: { email: string; password: string }): Promise<string> {
  const reply = await postJson(`${url}/admin/login`, account);
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return `Bearer ${reply.body.data.token}`;
}

let bodyCounter = 0;
/** A distinct on-topic Persian comment. */
export function commentText(label = 'نظر'): string {
  bodyCounter += 1;
  return `${label} ${bodyCounter} دربارهٔ بودجهٔ شهرداری و مترو ${randomBytes(4).toString('hex')}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Prints a figure for RELIABILITY.md (jest swallows console.log in some reporters). */
export function report(title: string, figures: Record<string, unknown>): void {
  process.stderr.write(`\n[reliability] ${title}: ${JSON.stringify(figures)}\n`);
}
