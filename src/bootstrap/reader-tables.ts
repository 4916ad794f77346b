import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { authorKey } from '../plugins/moderation/server/src/domain/reader-identity';
import { hashSalt } from '../plugins/moderation/server/src/salt';

type ReaderTablesModule = {
  ensure(knex: unknown): Promise<boolean>;
  backfillAuthorKeys(
    knex: unknown,
    keyOf: (author: { email: string | null; ipHash: string | null }) => string | null,
  ): Promise<number>;
};

/**
 * Reactions, reports and the commenter-history key (database/reader-tables.js), after the
 * schema sync; then keys the comments stored before the history existed.
 */
export async function ensureReaderTables(strapi: Core.Strapi): Promise<void> {
  const tables = require(path.join(strapi.dirs.app.root, 'database', 'reader-tables.js')) as ReaderTablesModule;
  await tables.ensure(strapi.db.connection);
  const salt = hashSalt(strapi);
  const filled = await tables.backfillAuthorKeys(strapi.db.connection, (author) => authorKey(author, salt));
  if (filled > 0) strapi.log.info(`commenter history: keyed ${filled} earlier comments`);
}
