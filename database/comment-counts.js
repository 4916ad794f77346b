/**
 * The comment counts table and the indexes of the comments, kept by PostgreSQL itself.
 *
 * Shared by the migration in database/migrations/ (which Strapi runs before its schema sync,
 * so on a fresh database the tables do not exist yet) and by the bootstrap (src/index.ts),
 * which runs `ensure` after the schema sync on every boot. Everything here is idempotent.
 *
 * Why triggers: the counts must stay exact whatever writes the rows (the REST API, the
 * content manager, the Document Service, `strapi.db.query`, foreign-key cascades when an
 * article or a locale is deleted, Strapi re-linking relations on publish). Triggers see all of
 * them, in the same transaction as the change.
 *
 * Model: a comment belongs to an article document when one of its relation rows points at a
 * row of that document (Strapi links a comment to the draft and the published row of one
 * locale). `khabar_comment_membership` holds that fact per comment (status, and whether it is
 * visible: approved and linked to a published row). Every change recomputes the membership of
 * the comments it touches from the current rows and appends the difference to
 * `khabar_comment_counts` as delta rows (per document and counter; the document id '' holds the
 * counts by status over all comments), so the order in which triggers fire does not matter and
 * concurrent changes neither lose an update nor wait on a shared counter row. Readers sum the
 * rows of a key; `khabar_comment_counts_compact()` (run every minute by the server) folds them.
 *
 * Per-article totals, for the moderators' article list ordered by a status count: summing every
 * article's delta rows to find the first page costs time in proportion to the articles (14 ms
 * at 10,000). `khabar_article_comment_totals` holds one row per article (pending, approved,
 * rejected), indexed in each order the list offers; only the compaction writes it, so writers
 * never wait on its rows. Triggers append each change of those three to
 * `khabar_article_comment_totals_deltas` instead, and the compaction moves them over in one
 * transaction; a reader adds the few deltas not moved yet to the totals (see the stats service).
 *
 * Screened out: `comments.screened_out` (a column Strapi does not know, so no API reads or
 * writes it) is set by the moderation transition that screening makes on arrival and cleared by
 * any later one. A rejected comment with it set is also counted under `screened_out`, which the
 * public counts show as pending (src/api/article/services/comment-stats.ts); the counts by status
 * stay exact for moderators.
 *
 * Replies: `comments.parent_document_id` (the comment's private `parentDocumentId`) names the
 * published comment a reply answers. A reply is visible only while its parent is approved too,
 * so a parent's status change recounts its replies; `visible_root` counts the visible comments
 * that are not replies (the public list pages over those and nests the replies).
 */

// Table names of Khabar's schema (src/api/*/content-types/*/schema.json) as Strapi names them.
const COMMENTS = 'comments';
const LINKS = 'comments_article_lnk';
const ARTICLES = 'articles';
const EVENTS = 'moderation_events';
const SCREENING_ACTOR_LABEL = 'screening';
// A constant first key for the advisory locks on one comment's recount (the second key is its id;
// 0, never an id, is the boot's lock; 704_212 is database/reader-tables.js's).
const LOCK_SPACE = 704_211;
// The compaction's lock: -1 is no comment's id.
const COMPACTION_LOCK = [LOCK_SPACE, -1];
// A reply is visible only under an approved parent (comments are not draft & publish: one row each).
const PARENT_APPROVED = `(c.parent_document_id IS NULL OR EXISTS (SELECT 1 FROM ${COMMENTS} p
  WHERE p.document_id = c.parent_document_id AND p.moderation_status = 'approved'))`;

/** Indexes on Strapi's tables. Each line: name, table, definition. See BENCHMARKS.md. */
const INDEXES = [
  // Moderation queue: status filter, oldest or newest first, stable order by id.
  ['khabar_comments_status_created_idx', COMMENTS, '(moderation_status, created_at, id)'],
  // Moderation queue without a status filter (all comments, oldest or newest first).
  ['khabar_comments_created_idx', COMMENTS, '(created_at, id)'],
  // Duplicate detection at submission: same text (fingerprint) recently, by the same sender (ip_hash)
  // or not. A fingerprint is nearly unique, so the sender is checked on the few rows it finds; an
  // index on ip_hash would serve no query and cost every insert.
  ['khabar_comments_fingerprint_idx', COMMENTS, '(fingerprint, created_at)'],
  // Public article lists: the published rows of a locale, in id order, and their count
  // (Strapi counts every list for its pagination) from the index alone.
  ['khabar_articles_published_locale_idx', ARTICLES, '(locale, id) WHERE published_at IS NOT NULL'],
  // From an article row to its comments, covering the comment id (index-only scans).
  ['khabar_comments_article_lnk_article_comment_idx', LINKS, '(article_id, comment_id)'],
  // From a comment to its replies (public threads, recounts when a parent changes status).
  ['khabar_comments_parent_idx', COMMENTS, '(parent_document_id, created_at, id) WHERE parent_document_id IS NOT NULL'],
];

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS khabar_comment_membership (
  comment_id integer NOT NULL,
  document_id varchar(255) NOT NULL,
  moderation_status varchar(255) NOT NULL,
  visible boolean NOT NULL,
  created_at timestamp(6),
  PRIMARY KEY (comment_id, document_id)
);
ALTER TABLE khabar_comment_membership ADD COLUMN IF NOT EXISTS screened_out boolean NOT NULL DEFAULT false;
ALTER TABLE khabar_comment_membership ADD COLUMN IF NOT EXISTS is_reply boolean NOT NULL DEFAULT false;
-- The public list of an article's comments (replies are nested under them), newest or oldest
-- first, read page by page. Replaces the index over every visible comment, replies included.
DROP INDEX IF EXISTS khabar_comment_membership_visible_idx;
CREATE INDEX IF NOT EXISTS khabar_comment_membership_root_idx
  ON khabar_comment_membership (document_id, created_at DESC, comment_id) WHERE visible AND NOT is_reply;
-- The moderation queue filtered by article (and status).
CREATE INDEX IF NOT EXISTS khabar_comment_membership_queue_idx
  ON khabar_comment_membership (document_id, moderation_status, created_at, comment_id);
CREATE TABLE IF NOT EXISTS khabar_comment_counts (
  document_id varchar(255) NOT NULL,
  counter varchar(16) NOT NULL,
  n bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS khabar_comment_counts_key_idx ON khabar_comment_counts (document_id, counter) INCLUDE (n);

CREATE TABLE IF NOT EXISTS khabar_article_comment_totals (
  document_id varchar(255) PRIMARY KEY,
  pending integer NOT NULL,
  approved integer NOT NULL,
  rejected integer NOT NULL,
  total integer GENERATED ALWAYS AS (pending + approved + rejected) STORED
);
-- One index per order of the moderators' article list (the stats service's SORT_SQL).
CREATE INDEX IF NOT EXISTS khabar_article_comment_totals_pending_idx ON khabar_article_comment_totals (pending DESC, document_id);
CREATE INDEX IF NOT EXISTS khabar_article_comment_totals_approved_idx ON khabar_article_comment_totals (approved DESC, document_id);
CREATE INDEX IF NOT EXISTS khabar_article_comment_totals_rejected_idx ON khabar_article_comment_totals (rejected DESC, document_id);
CREATE INDEX IF NOT EXISTS khabar_article_comment_totals_total_idx ON khabar_article_comment_totals (total DESC, document_id);
-- How many rows the totals hold, as of the last fold (one row): the list's number of articles
-- without counting them on every page.
CREATE TABLE IF NOT EXISTS khabar_article_comment_totals_size (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  articles integer NOT NULL
);
CREATE TABLE IF NOT EXISTS khabar_article_comment_totals_deltas (
  document_id varchar(255) NOT NULL,
  pending integer NOT NULL,
  approved integer NOT NULL,
  rejected integer NOT NULL
);

CREATE OR REPLACE FUNCTION khabar_comment_recount(cid integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  docs varchar[] := '{}';
  counters varchar[] := '{}';
  deltas integer[] := '{}';
BEGIN
  IF cid IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(${LOCK_SPACE}, cid);
  FOR r IN DELETE FROM khabar_comment_membership WHERE comment_id = cid
      RETURNING document_id, moderation_status, visible, is_reply, screened_out LOOP
    docs := docs || r.document_id; counters := counters || r.moderation_status; deltas := deltas || -1;
    IF r.visible THEN
      docs := docs || r.document_id; counters := counters || 'visible'::varchar; deltas := deltas || -1;
    END IF;
    IF r.visible AND NOT r.is_reply THEN
      docs := docs || r.document_id; counters := counters || 'visible_root'::varchar; deltas := deltas || -1;
    END IF;
    IF r.screened_out THEN
      docs := docs || r.document_id; counters := counters || 'screened_out'::varchar; deltas := deltas || -1;
    END IF;
  END LOOP;
  FOR r IN INSERT INTO khabar_comment_membership (comment_id, document_id, moderation_status, visible, is_reply, screened_out, created_at)
      SELECT c.id, a.document_id, c.moderation_status,
             c.moderation_status = 'approved' AND bool_or(a.published_at IS NOT NULL) AND ${PARENT_APPROVED},
             c.parent_document_id IS NOT NULL,
             c.moderation_status = 'rejected' AND c.screened_out, c.created_at
      FROM ${COMMENTS} c
      JOIN ${LINKS} l ON l.comment_id = c.id
      JOIN ${ARTICLES} a ON a.id = l.article_id
      WHERE c.id = cid AND c.moderation_status IS NOT NULL AND a.document_id IS NOT NULL
      GROUP BY c.id, a.document_id, c.moderation_status, c.screened_out, c.created_at, c.parent_document_id
      RETURNING document_id, moderation_status, visible, is_reply, screened_out LOOP
    docs := docs || r.document_id; counters := counters || r.moderation_status; deltas := deltas || 1;
    IF r.visible THEN
      docs := docs || r.document_id; counters := counters || 'visible'::varchar; deltas := deltas || 1;
    END IF;
    IF r.visible AND NOT r.is_reply THEN
      docs := docs || r.document_id; counters := counters || 'visible_root'::varchar; deltas := deltas || 1;
    END IF;
    IF r.screened_out THEN
      docs := docs || r.document_id; counters := counters || 'screened_out'::varchar; deltas := deltas || 1;
    END IF;
  END LOOP;
  -- Deltas are appended, never updated in place: concurrent changes under one article take no
  -- lock on a shared counter row, so they cannot deadlock. khabar_comment_counts_compact sums them.
  -- The same differences, by status and per article, for the per-article totals.
  WITH changed AS (
    SELECT d, c, sum(x) AS n FROM unnest(docs, counters, deltas) AS t(d, c, x) GROUP BY d, c HAVING sum(x) <> 0
  ), counted AS (
    INSERT INTO khabar_comment_counts (document_id, counter, n) SELECT d, c, n FROM changed
  )
  INSERT INTO khabar_article_comment_totals_deltas (document_id, pending, approved, rejected)
    SELECT d, coalesce(sum(n) FILTER (WHERE c = 'pending'), 0), coalesce(sum(n) FILTER (WHERE c = 'approved'), 0),
           coalesce(sum(n) FILTER (WHERE c = 'rejected'), 0)
      FROM changed WHERE c IN ('pending', 'approved', 'rejected') GROUP BY d;
END $$;

-- Moves the per-article deltas into the totals: the only writer of the totals, so it needs the
-- compaction's lock (or the boot's) held. Deleted and added in one transaction, so a reader that
-- adds deltas to totals in one statement counts each change once.
CREATE OR REPLACE FUNCTION khabar_article_comment_totals_fold() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    DELETE FROM khabar_article_comment_totals_deltas RETURNING document_id, pending, approved, rejected
  )
  INSERT INTO khabar_article_comment_totals AS t (document_id, pending, approved, rejected)
    SELECT document_id, sum(pending), sum(approved), sum(rejected) FROM gone GROUP BY document_id
    ON CONFLICT (document_id) DO UPDATE
      SET pending = t.pending + EXCLUDED.pending, approved = t.approved + EXCLUDED.approved,
          rejected = t.rejected + EXCLUDED.rejected;
  -- An article whose comments are all gone leaves the list.
  DELETE FROM khabar_article_comment_totals WHERE pending = 0 AND approved = 0 AND rejected = 0;
  PERFORM khabar_article_comment_totals_measure();
END $$;

CREATE OR REPLACE FUNCTION khabar_article_comment_totals_measure() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO khabar_article_comment_totals_size AS s (articles) SELECT count(*) FROM khabar_article_comment_totals
    ON CONFLICT (one) DO UPDATE SET articles = EXCLUDED.articles;
END $$;

-- Folds the deltas of each (document, counter) into one row and the per-article deltas into the
-- totals; one compaction at a time.
CREATE OR REPLACE FUNCTION khabar_comment_counts_compact() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(${COMPACTION_LOCK.join(', ')}) THEN RETURN; END IF;
  PERFORM khabar_article_comment_totals_fold();
  WITH crowded AS (
    SELECT DISTINCT document_id FROM khabar_comment_counts GROUP BY document_id, counter HAVING count(*) > 1
  ), gone AS (
    DELETE FROM khabar_comment_counts c USING crowded WHERE c.document_id = crowded.document_id
    RETURNING c.document_id, c.counter, c.n
  )
  INSERT INTO khabar_comment_counts (document_id, counter, n)
    SELECT document_id, counter, sum(n) FROM gone GROUP BY 1, 2 HAVING sum(n) <> 0;
END $$;

-- Rebuilds both tables from the rows: after a bulk load with triggers off, or a TRUNCATE.
CREATE OR REPLACE FUNCTION khabar_comment_counts_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- The totals' one writer at a time: wait for a compaction under way.
  PERFORM pg_advisory_xact_lock(${COMPACTION_LOCK.join(', ')});
  DELETE FROM khabar_comment_membership;
  DELETE FROM khabar_comment_counts;
  DELETE FROM khabar_article_comment_totals_deltas;
  DELETE FROM khabar_article_comment_totals;
  INSERT INTO khabar_comment_membership (comment_id, document_id, moderation_status, visible, is_reply, screened_out, created_at)
    SELECT c.id, a.document_id, c.moderation_status,
           c.moderation_status = 'approved' AND bool_or(a.published_at IS NOT NULL) AND ${PARENT_APPROVED},
           c.parent_document_id IS NOT NULL,
           c.moderation_status = 'rejected' AND c.screened_out, c.created_at
    FROM ${COMMENTS} c
    JOIN ${LINKS} l ON l.comment_id = c.id
    JOIN ${ARTICLES} a ON a.id = l.article_id
    WHERE c.moderation_status IS NOT NULL AND a.document_id IS NOT NULL
    GROUP BY c.id, a.document_id, c.moderation_status, c.screened_out, c.created_at, c.parent_document_id;
  INSERT INTO khabar_comment_counts (document_id, counter, n)
    SELECT document_id, moderation_status, count(*) FROM khabar_comment_membership GROUP BY 1, 2
    UNION ALL
    SELECT document_id, 'visible', count(*) FROM khabar_comment_membership WHERE visible GROUP BY 1
    UNION ALL
    SELECT document_id, 'visible_root', count(*) FROM khabar_comment_membership WHERE visible AND NOT is_reply GROUP BY 1
    UNION ALL
    SELECT document_id, 'screened_out', count(*) FROM khabar_comment_membership WHERE screened_out GROUP BY 1
    UNION ALL
    SELECT '', moderation_status, count(*) FROM ${COMMENTS} WHERE moderation_status IS NOT NULL GROUP BY 2;
  PERFORM khabar_article_comment_totals_fill();
END $$;

-- Fills the empty totals from the counts table (its three status counters per article).
CREATE OR REPLACE FUNCTION khabar_article_comment_totals_fill() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO khabar_article_comment_totals (document_id, pending, approved, rejected)
    SELECT document_id, coalesce(sum(n) FILTER (WHERE counter = 'pending'), 0),
           coalesce(sum(n) FILTER (WHERE counter = 'approved'), 0), coalesce(sum(n) FILTER (WHERE counter = 'rejected'), 0)
      FROM khabar_comment_counts
     WHERE document_id <> '' AND counter IN ('pending', 'approved', 'rejected')
     GROUP BY document_id HAVING sum(n) <> 0;
  PERFORM khabar_article_comment_totals_measure();
END $$;

CREATE OR REPLACE FUNCTION khabar_comment_counts_on_comment() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE child integer;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.moderation_status IS NOT NULL THEN
    INSERT INTO khabar_comment_counts (document_id, counter, n) VALUES ('', OLD.moderation_status, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.moderation_status IS NOT NULL THEN
    INSERT INTO khabar_comment_counts (document_id, counter, n) VALUES ('', NEW.moderation_status, 1);
  END IF;
  -- A new comment has no relation rows yet: its link's trigger counts it.
  IF TG_OP = 'UPDATE' THEN PERFORM khabar_comment_recount(NEW.id); END IF;
  IF TG_OP = 'DELETE' THEN PERFORM khabar_comment_recount(OLD.id); END IF;
  -- A parent approved, rejected, reopened or deleted shows or hides its replies.
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.moderation_status IS DISTINCT FROM NEW.moderation_status) THEN
    FOR child IN SELECT id FROM ${COMMENTS}
        WHERE parent_document_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.document_id ELSE NEW.document_id END) LOOP
      PERFORM khabar_comment_recount(child);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION khabar_comment_counts_on_link() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM khabar_comment_recount(OLD.comment_id); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.comment_id IS DISTINCT FROM OLD.comment_id) THEN
    PERFORM khabar_comment_recount(NEW.comment_id);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION khabar_comment_counts_on_article() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE cid integer;
BEGIN
  FOR cid IN SELECT comment_id FROM ${LINKS} WHERE article_id = NEW.id LOOP
    PERFORM khabar_comment_recount(cid);
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION khabar_comment_counts_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM khabar_comment_counts_rebuild();
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER khabar_comment_counts AFTER INSERT OR DELETE OR UPDATE OF moderation_status, screened_out, created_at, parent_document_id ON ${COMMENTS}
  FOR EACH ROW EXECUTE FUNCTION khabar_comment_counts_on_comment();
CREATE OR REPLACE TRIGGER khabar_comment_counts AFTER INSERT OR DELETE OR UPDATE ON ${LINKS}
  FOR EACH ROW EXECUTE FUNCTION khabar_comment_counts_on_link();
CREATE OR REPLACE TRIGGER khabar_comment_counts AFTER UPDATE OF published_at, document_id ON ${ARTICLES}
  FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.document_id IS DISTINCT FROM NEW.document_id)
  EXECUTE FUNCTION khabar_comment_counts_on_article();
CREATE OR REPLACE TRIGGER khabar_comment_counts_truncate AFTER TRUNCATE ON ${COMMENTS}
  FOR EACH STATEMENT EXECUTE FUNCTION khabar_comment_counts_on_truncate();
CREATE OR REPLACE TRIGGER khabar_comment_counts_truncate AFTER TRUNCATE ON ${LINKS}
  FOR EACH STATEMENT EXECUTE FUNCTION khabar_comment_counts_on_truncate();
CREATE OR REPLACE TRIGGER khabar_comment_counts_truncate AFTER TRUNCATE ON ${ARTICLES}
  FOR EACH STATEMENT EXECUTE FUNCTION khabar_comment_counts_on_truncate();
`;

async function tablesExist(knex) {
  const { rows } = await knex.raw('SELECT to_regclass(?) AS a, to_regclass(?) AS b, to_regclass(?) AS c', [
    COMMENTS,
    LINKS,
    ARTICLES,
  ]);
  return Boolean(rows[0].a && rows[0].b && rows[0].c);
}

async function ensureIndexes(knex) {
  for (const [name, table, columns] of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${columns}`);
  }
}

/**
 * Creates or updates the indexes, the counts tables, functions and triggers. When the counts
 * table did not exist yet, fills it from the rows (a database that already holds comments);
 * when the per-article totals did not, fills them from the counts.
 * Does nothing while Strapi's tables do not exist (a migration on a fresh database); the
 * bootstrap calls it again after the schema sync. Returns whether anything could be done.
 */
async function ensure(knex) {
  if (!(await tablesExist(knex))) return false;
  await knex.transaction(async (trx) => {
    // One booting instance at a time: two would race on CREATE OR REPLACE.
    await trx.raw('SELECT pg_advisory_xact_lock(?, 0)', [LOCK_SPACE]);
    // Strapi adds it too (the comment's private `parentDocumentId`), but only after migrations.
    await trx.raw(`ALTER TABLE ${COMMENTS} ADD COLUMN IF NOT EXISTS parent_document_id varchar(255)`);
    await ensureIndexes(trx);
    const added = await ensureScreenedOutColumn(trx);
    const { rows } = await trx.raw(
      "SELECT to_regclass('khabar_comment_counts') AS counts, to_regclass('khabar_article_comment_totals') AS totals",
    );
    const fresh = !rows[0].counts;
    const replies = await trx.raw(
      "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'khabar_comment_membership' AND column_name = 'is_reply'",
    );
    // Totals new to a database that has counts: no change may reach the counts between the fill
    // below and the new recount (which also writes the totals' deltas) taking over.
    if (!fresh && !rows[0].totals) await trx.raw('LOCK TABLE khabar_comment_counts IN SHARE ROW EXCLUSIVE MODE');
    await trx.raw(SCHEMA_SQL);
    // Counts kept before replies existed have no `visible_root`: rebuilt once, from the rows.
    if (fresh || added || replies.rows.length === 0) await trx.raw('SELECT khabar_comment_counts_rebuild()');
    else if (!rows[0].totals) await trx.raw('SELECT khabar_article_comment_totals_fill()');
    const size = await trx.raw('SELECT 1 FROM khabar_article_comment_totals_size');
    if (size.rows.length === 0) {
      // Totals kept before their size was: measured once, as the compaction would (under its lock).
      await trx.raw(`SELECT pg_advisory_xact_lock(${COMPACTION_LOCK.join(', ')})`);
      await trx.raw('SELECT khabar_article_comment_totals_measure()');
    }
  });
  return true;
}

/**
 * Adds `comments.screened_out` when missing and sets it from the audit trail on comments
 * already there: rejected, with a screening record and no other one. Returns whether it was added.
 */
async function ensureScreenedOutColumn(knex) {
  const { rows } = await knex.raw(
    "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'screened_out'",
    [COMMENTS],
  );
  if (rows.length > 0) return false;
  await knex.raw(`ALTER TABLE ${COMMENTS} ADD COLUMN screened_out boolean NOT NULL DEFAULT false`);
  const events = await knex.raw('SELECT to_regclass(?) AS t', [EVENTS]);
  if (events.rows[0].t) {
    await knex.raw(
      `UPDATE ${COMMENTS} c SET screened_out = true
        WHERE c.moderation_status = 'rejected'
          AND EXISTS (SELECT 1 FROM ${EVENTS} e WHERE e.comment_document_id = c.document_id)
          AND NOT EXISTS (SELECT 1 FROM ${EVENTS} e WHERE e.comment_document_id = c.document_id
                            AND (e.actor_id IS NOT NULL OR e.actor_label IS DISTINCT FROM ?))`,
      [SCREENING_ACTOR_LABEL],
    );
  }
  return true;
}

module.exports = { ensure, ensureIndexes, INDEXES, tablesExist };
