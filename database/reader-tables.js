/**
 * The readers' side of a comment, in plain tables Strapi does not know (so no content API,
 * GraphQL type, content-manager view or populate can reach them; only the services that own
 * them read or write them):
 *
 * - `khabar_comment_reactions`: one agree/disagree per reader per comment (primary key), a new
 *   one replacing the old; `khabar_comment_reaction_counts` holds each comment's totals, kept by
 *   a trigger in the same transaction as the reaction, so they are exact under any concurrency
 *   (concurrent reactions on one comment queue on its counts row for the length of an upsert);
 * - `khabar_comment_reports`: one report per reader per comment, open until a moderator
 *   dismisses it or rejects the comment (who and when are kept on the row: the audit of a
 *   dismissal, since no status changes);
 * - `comments.author_key`: the salted key of a commenter's history (see
 *   src/plugins/moderation/server/src/domain/reader-identity.ts), with an index for the history.
 *
 * Rows go with their comment (ON DELETE CASCADE). Idempotent; called by the migration in
 * database/migrations/ and by the bootstrap after Strapi's schema sync, on every boot.
 */
const COMMENTS = 'comments';
const LOCK_SPACE = 704_212;

const SCHEMA_SQL = `
ALTER TABLE ${COMMENTS} ADD COLUMN IF NOT EXISTS author_key varchar(64);
-- The history reads a commenter's comments in time order with their status and reason, from the
-- index alone (an author's comments lie all over the table). Replaces the index without them.
CREATE INDEX IF NOT EXISTS khabar_comments_author_history_idx ON ${COMMENTS} (author_key, created_at, id)
  INCLUDE (moderation_status, rejection_reason) WHERE author_key IS NOT NULL;
DROP INDEX IF EXISTS khabar_comments_author_idx;

CREATE TABLE IF NOT EXISTS khabar_comment_reactions (
  comment_id integer NOT NULL REFERENCES ${COMMENTS}(id) ON DELETE CASCADE,
  reader varchar(64) NOT NULL,
  kind varchar(16) NOT NULL CHECK (kind IN ('agree', 'disagree')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_id, reader)
);
CREATE TABLE IF NOT EXISTS khabar_comment_reaction_counts (
  comment_id integer PRIMARY KEY REFERENCES ${COMMENTS}(id) ON DELETE CASCADE,
  agree bigint NOT NULL DEFAULT 0,
  disagree bigint NOT NULL DEFAULT 0
);

CREATE OR REPLACE FUNCTION khabar_comment_reactions_count() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  agree_delta integer := 0;
  disagree_delta integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.kind = 'agree' THEN agree_delta := agree_delta - 1; ELSE disagree_delta := disagree_delta - 1; END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    IF NEW.kind = 'agree' THEN agree_delta := agree_delta + 1; ELSE disagree_delta := disagree_delta + 1; END IF;
  END IF;
  IF agree_delta = 0 AND disagree_delta = 0 THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN
    -- Also runs when the comment itself is deleted (cascade): never insert then.
    UPDATE khabar_comment_reaction_counts
      SET agree = agree + agree_delta, disagree = disagree + disagree_delta
      WHERE comment_id = OLD.comment_id;
  ELSE
    INSERT INTO khabar_comment_reaction_counts AS t (comment_id, agree, disagree)
      VALUES (NEW.comment_id, agree_delta, disagree_delta)
      ON CONFLICT (comment_id) DO UPDATE
      SET agree = t.agree + EXCLUDED.agree, disagree = t.disagree + EXCLUDED.disagree;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER khabar_comment_reactions_count
  AFTER INSERT OR DELETE OR UPDATE OF kind ON khabar_comment_reactions
  FOR EACH ROW EXECUTE FUNCTION khabar_comment_reactions_count();

CREATE TABLE IF NOT EXISTS khabar_comment_reports (
  id bigserial PRIMARY KEY,
  comment_id integer NOT NULL REFERENCES ${COMMENTS}(id) ON DELETE CASCADE,
  reader varchar(64) NOT NULL,
  reason varchar(16) NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution varchar(16),
  resolved_by_id integer,
  resolved_by_label varchar(200),
  UNIQUE (comment_id, reader)
);
-- The reported queue: open reports grouped by comment.
CREATE INDEX IF NOT EXISTS khabar_comment_reports_open_idx
  ON khabar_comment_reports (comment_id, created_at) WHERE resolved_at IS NULL;
`;

async function commentsExist(knex) {
  const { rows } = await knex.raw('SELECT to_regclass(?) AS t', [COMMENTS]);
  return Boolean(rows[0].t);
}

/**
 * Creates or updates the tables, trigger and indexes. Does nothing while Strapi's comments
 * table does not exist (a migration on a fresh database); the bootstrap calls it again after
 * the schema sync. Returns whether anything could be done.
 */
async function ensure(knex) {
  if (!(await commentsExist(knex))) return false;
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?, 0)', [LOCK_SPACE]);
    await trx.raw(SCHEMA_SQL);
  });
  return true;
}

/**
 * Fills `author_key` on comments stored before it existed (or whose key could not be written),
 * in batches; `keyOf` is the pure function of reader-identity.ts with the server's salt.
 */
async function backfillAuthorKeys(knex, keyOf, batchSize = 500) {
  let filled = 0;
  let after = 0;
  for (;;) {
    const rows = await knex(COMMENTS)
      .select('id', 'author_email', 'ip_hash')
      .whereNull('author_key')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize);
    if (rows.length === 0) return filled;
    after = rows[rows.length - 1].id;
    const keyed = rows
      .map((row) => ({ id: row.id, key: keyOf({ email: row.author_email, ipHash: row.ip_hash }) }))
      .filter((row) => row.key);
    if (keyed.length > 0) {
      await knex.raw(
        `UPDATE ${COMMENTS} c SET author_key = v.key FROM (SELECT * FROM unnest(?::int[], ?::varchar[])) AS v(id, key)
          WHERE c.id = v.id AND c.author_key IS NULL`,
        [keyed.map((row) => row.id), keyed.map((row) => row.key)],
      );
      filled += keyed.length;
    }
  }
}

module.exports = { ensure, backfillAuthorKeys };
