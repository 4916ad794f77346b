import path from 'node:path';
import type { Core } from '@strapi/strapi';

type CommentCountsModule = { ensure(knex: unknown): Promise<boolean> };

const COMPACTION_INTERVAL_MS = 60_000;
let compaction: NodeJS.Timeout | undefined;

/**
 * Indexes, counts table and triggers (database/comment-counts.js), after the schema sync: the
 * migration that does the same runs before it and finds no table on a fresh database. Then
 * folds the counts' delta rows every minute, so reads sum a handful of rows per article.
 */
export async function ensureCommentCounts(strapi: Core.Strapi): Promise<void> {
  // Plain JavaScript shared with the migration, which Strapi loads from the project folder.
  const { ensure } = require(path.join(strapi.dirs.app.root, 'database', 'comment-counts.js')) as CommentCountsModule;
  await ensure(strapi.db.connection);
  clearInterval(compaction);
  compaction = setInterval(() => {
    strapi.db.connection
      .raw('SELECT khabar_comment_counts_compact()')
      .catch((error: unknown) => strapi.log.warn(`comment counts compaction failed: ${error}`));
  }, COMPACTION_INTERVAL_MS);
  compaction.unref();
}

export function stopCommentCountsCompaction(): void {
  clearInterval(compaction);
  compaction = undefined;
}
