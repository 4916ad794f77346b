/**
 * Migrations once per deploy: `npm run migrate` (scripts/migrate.js, the release step README
 * documents) brings an empty database to this version alone; two instances then started at the
 * same moment find nothing left to change: the schema (columns, indexes, triggers) and the rows
 * the bootstrap writes (locales, roles, permissions, migrations run) are the same after their
 * start as before it. So a fleet starting together never races on the schema.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  type Connection,
  emptyDatabase,
  type Instance,
  PORT_BASE,
  report,
  startInstance,
  withClient,
} from './support/cluster';

jest.setTimeout(600_000);

let connection: Connection;
let dropDatabase: () => Promise<void>;
const instances: Instance[] = [];

beforeAll(async () => {
  const database = await emptyDatabase();
  connection = database.connection;
  dropDatabase = database.drop;
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await dropDatabase?.();
});

/** What a start could change: the schema, and how many rows each table holds. */
async function snapshot() {
  return withClient(connection, async (client) => {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY 1, 2`,
    );
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    );
    const triggers = await client.query(
      `SELECT tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    );
    const tables = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const rows: Record<string, number> = {};
    for (const { table_name: table } of tables.rows) {
      const result = await client.query(`SELECT count(*)::int AS count FROM "${table.replaceAll('"', '""')}"`);
      rows[table] = result.rows[0].count;
    }
    const store = await client.query('SELECT key FROM strapi_core_store_settings ORDER BY 1');
    return {
      storeKeys: store.rows.map((row) => row.key as string),
      columns: columns.rows.map((row) => Object.values(row).join(' ')),
      indexes: indexes.rows.map((row) => row.indexdef as string),
      triggers: triggers.rows.map((row) => row.definition as string),
      rows,
    };
  });
}

test('npm run migrate once, then two instances started together change nothing', async () => {
  const started = Date.now();
  const migrate = spawn(process.execPath, ['scripts/run-with-database.mjs', process.execPath, 'scripts/migrate.js'], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATABASE_HOST: connection.host,
      DATABASE_PORT: String(connection.port),
      DATABASE_USERNAME: connection.user,
      DATABASE_PASSWORD: connection.password,
      DATABASE_NAME: connection.database,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const migrateCode = await new Promise<number | null>((resolve) => migrate.once('exit', resolve));
  const migrateSeconds = (Date.now() - started) / 1000;
  expect(migrateCode).toBe(0);
  const migrated = await snapshot();
  expect(migrated.rows.comments).toBe(0);
  expect(migrated.triggers.length).toBeGreaterThan(0);

  instances.push(
    ...(await Promise.all([startInstance(PORT_BASE + 6, connection), startInstance(PORT_BASE + 7, connection)])),
  );
  const afterStart = await snapshot();

  report('migrations once per deploy', {
    migrateSeconds,
    tables: Object.keys(migrated.rows).length,
    columns: migrated.columns.length,
    indexes: migrated.indexes.length,
    triggers: migrated.triggers.length,
    storeKeysAddedByStarts: afterStart.storeKeys.filter((key) => !migrated.storeKeys.includes(key)),
    rowsChangedByInstanceStarts: Object.keys(afterStart.rows).filter(
      (table) => afterStart.rows[table] !== migrated.rows[table],
    ),
  });
  expect(afterStart.columns).toEqual(migrated.columns);
  expect(afterStart.indexes).toEqual(migrated.indexes);
  expect(afterStart.triggers).toEqual(migrated.triggers);
  // Apart from a log-once marker the upload plugin writes at the second start of any app ("the
  // Media Library changed"), not part of the schema or of what the bootstrap sets up.
  const LOG_ONCE = 'plugin_upload_media_library_default_notice';
  expect(afterStart.storeKeys.filter((key) => key !== LOG_ONCE)).toEqual(migrated.storeKeys);
  const rowsBesidesStore = (rows: Record<string, number>) =>
    Object.fromEntries(Object.entries(rows).filter(([table]) => table !== 'strapi_core_store_settings'));
  expect(rowsBesidesStore(afterStart.rows)).toEqual(rowsBesidesStore(migrated.rows));
});
