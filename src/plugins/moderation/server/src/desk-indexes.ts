import type { Core } from '@strapi/strapi';
import { translateArguments } from './domain/search-key';

/**
 * What the moderation desk's filters need from PostgreSQL, created on every boot (idempotent,
 * after Strapi's schema sync), so no desk filter scans the whole comments table:
 * - search: `khabar_search_key(body)`, the search key of ./domain/search-key.ts as an immutable
 *   SQL function generated from the same table, under a trigram GIN index (pg_trgm), so a
 *   `LIKE '%…%'` on it is answered from the index;
 * - flag: the screening flags (a jsonb array) under a GIN index for `@>`;
 * - reason: rejected comments by reason, oldest or newest first.
 * Building the indexes on a table that already holds a million comments takes a while once (the
 * trigram one longest); later boots find them and do nothing.
 */
const LOCK_SPACE = 704_212;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function ensureDeskIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const { from, to } = translateArguments();
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?, 0)', [LOCK_SPACE]);
    await trx.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await trx.raw(`CREATE OR REPLACE FUNCTION khabar_search_key(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
      AS $$ SELECT lower(translate($1, ${quote(from)}, ${quote(to)})) $$`);
    await trx.raw(
      'CREATE INDEX IF NOT EXISTS khabar_comments_search_idx ON comments USING gin (khabar_search_key(body) gin_trgm_ops)',
    );
    await trx.raw(
      "CREATE INDEX IF NOT EXISTS khabar_comments_flags_idx ON comments USING gin ((screening -> 'flags') jsonb_path_ops)",
    );
    await trx.raw(
      'CREATE INDEX IF NOT EXISTS khabar_comments_reason_created_idx ON comments (rejection_reason, created_at, id) WHERE rejection_reason IS NOT NULL',
    );
    // The audit trail: a comment's history, and the trail browsed newest first by moderator.
    await trx.raw(
      'CREATE INDEX IF NOT EXISTS khabar_moderation_events_comment_idx ON moderation_events (comment_document_id, occurred_at)',
    );
    await trx.raw(
      'CREATE INDEX IF NOT EXISTS khabar_moderation_events_trail_idx ON moderation_events (occurred_at, id)',
    );
    await trx.raw(
      'CREATE INDEX IF NOT EXISTS khabar_moderation_events_actor_idx ON moderation_events (actor_id, occurred_at, id)',
    );
  });
}
