import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../../lib/messages';
import { ARTICLE_UID, COMMENT_UID, EVENT_UID } from '../uids';
import type { DailyStatsQuery, StatsQuery } from '../validation/admin-api';

/** One day of the moderation figures (GET /moderation/stats/daily). */
export interface DailyFigures {
  /** The calendar day in the requested time zone, YYYY-MM-DD. */
  date: string;
  received: number;
  pending: number;
  approved: number;
  rejected: number;
}

/**
 * The time zone of the wall-clock values in Strapi's `timestamp without time zone` columns: the
 * PostgreSQL driver writes a JavaScript Date in the Node process's own time zone and drops the
 * offset, so that zone turns a stored value back into an instant.
 */
const STORED_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** PostgreSQL's "invalid_parameter_value": a time zone name Node knows and PostgreSQL does not. */
const INVALID_PARAMETER_VALUE = '22023';

type Counts = Record<'total' | 'pending' | 'approved' | 'rejected', number>;
type ArticleRow = {
  articles: string;
  document_id: string | null;
  title: string | null;
  pending: number | null;
  approved: number | null;
  rejected: number | null;
};

/** The column of the per-article totals each sort orders by (fixed SQL, never from the request). */
const SORT_COLUMN: Record<StatsQuery['sort'], string> = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  total: 'total',
};

/**
 * Counts for moderators: by status overall, and one page of the articles that have comments,
 * the most pending first (or the most of another counter), each with its title; or one article
 * (`article`). A page, not every article at once: a desk looks at the articles that need it,
 * and 10,000 articles in one answer cost ~1 MB of JSON and most of a second (BENCHMARKS.md).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * One page of articles, exact, in time independent of how many articles there are. From the
   * per-article totals (database/comment-counts.js), ordered by their index, and the changes not
   * folded into them yet (`moved`: the last minute's, a few rows): an article with such changes
   * is counted from both, every other one from its totals alone, so the page is the first
   * `offset + pageSize` of the totals without them, merged with them, then cut. One statement,
   * so one snapshot: the compaction moves deltas into the totals in one transaction, and this
   * sees them on one side or the other, never both. `articles` is how many have comments; it is
   * on every row, and on a row of nulls past the last page.
   */
  async function articlesPage({ article, sort, page, pageSize }: StatsQuery): Promise<ArticleRow[]> {
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const only = (column: string) => (article === undefined ? '' : `AND ${column} = :article`);
    const column = SORT_COLUMN[sort];
    const { rows } = (await strapi.db.connection.raw(
      `WITH moved AS (
         SELECT document_id, CAST(sum(pending) AS integer) AS pending, CAST(sum(approved) AS integer) AS approved,
                CAST(sum(rejected) AS integer) AS rejected
           FROM khabar_article_comment_totals_deltas WHERE true ${only('document_id')} GROUP BY document_id
       ), recent AS (
         -- Each moved article's totals by its key (LIMIT keeps the planner from hashing all totals).
         SELECT m.document_id, coalesce(t.pending, 0) + m.pending AS pending,
                coalesce(t.approved, 0) + m.approved AS approved, coalesce(t.rejected, 0) + m.rejected AS rejected,
                t.document_id IS NOT NULL AS in_totals
           FROM moved m LEFT JOIN LATERAL (
             SELECT * FROM khabar_article_comment_totals t WHERE t.document_id = m.document_id LIMIT 1
           ) t ON true
       ), changed AS (
         SELECT r.document_id, r.pending, r.approved, r.rejected, r.pending + r.approved + r.rejected AS total
           FROM recent r WHERE r.pending + r.approved + r.rejected <> 0
       ), settled AS (
         SELECT t.document_id, t.pending, t.approved, t.rejected, t.total FROM khabar_article_comment_totals t
          WHERE NOT EXISTS (SELECT 1 FROM moved m WHERE m.document_id = t.document_id) ${only('t.document_id')}
          ORDER BY t.${column} DESC, t.document_id LIMIT :reach
       ), listed AS (
         SELECT * FROM changed UNION ALL SELECT * FROM settled
       )
       SELECT n.articles, p.* FROM (
         SELECT (${
           article === undefined
             ? 'SELECT articles FROM khabar_article_comment_totals_size'
             : 'SELECT count(*) FROM khabar_article_comment_totals t WHERE t.document_id = :article'
         })
              - (SELECT count(*) FROM recent WHERE in_totals)
              + (SELECT count(*) FROM changed) AS articles
       ) n LEFT JOIN LATERAL (
         -- The title: the default locale's when the article has one (its newest row), else its oldest row's.
         SELECT l.document_id, l.pending, l.approved, l.rejected, l.total,
                (SELECT a.title FROM :articleTable: a WHERE a.document_id = l.document_id
                  ORDER BY (a.locale = :locale) DESC, CASE WHEN a.locale = :locale THEN -a.id ELSE a.id END
                  LIMIT 1) AS title
           FROM listed l ORDER BY l.${column} DESC, l.document_id LIMIT :pageSize OFFSET :offset
       ) p ON true
       ORDER BY p.${column} DESC, p.document_id`,
      {
        article: article ?? null,
        articleTable: strapi.db.metadata.get(ARTICLE_UID).tableName,
        locale: defaultLocale,
        reach: page * pageSize,
        pageSize,
        offset: (page - 1) * pageSize,
      },
    )) as { rows: ArticleRow[] };
    return rows;
  }

  return {
    async overview(query: StatsQuery) {
      const { page, pageSize } = query;
      const [overall, rows] = await Promise.all([
        strapi.plugin('moderation').service('transitions').overallCounts() as Promise<Counts>,
        articlesPage(query),
      ]);
      const articles = rows
        .filter((row) => row.document_id !== null)
        .map((row) => {
          const [pending, approved, rejected] = [Number(row.pending), Number(row.approved), Number(row.rejected)];
          return {
            documentId: row.document_id as string,
            title: row.title,
            total: pending + approved + rejected,
            pending,
            approved,
            rejected,
          };
        });
      const total = Number(rows[0].articles);
      return {
        data: { overall, articles },
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /**
     * One article's comments for its edit view: all, pending, published (approved and under a
     * published version), approved and rejected, exact (screening's rejections are rejected here,
     * unlike the public `commentStats`). From the counts the triggers keep: one indexed read.
     */
    async article(documentId: string) {
      const exists = await strapi.db.query(ARTICLE_UID).findOne({ where: { documentId }, select: ['id'] });
      if (!exists) throw localizedError('notFound', 'moderation_article_not_found');
      const counts = (await strapi.plugin('moderation').service('transitions').countsByArticle([documentId])).get(
        documentId,
      );
      return {
        documentId,
        total: counts?.total ?? 0,
        pending: counts?.pending ?? 0,
        published: counts?.visible ?? 0,
        approved: counts?.approved ?? 0,
        rejected: counts?.rejected ?? 0,
      };
    },

    /**
     * The last `days` calendar days (today included) in `timeZone`, oldest first. Each series:
     * - `received`: comments created that day (comments.created_at);
     * - `pending`: of those, the ones still waiting for review now;
     * - `approved` / `rejected`: comments whose status a decision changed to approved / rejected
     *   that day (moderation events: occurred_at, to_status), each comment once a day; screening's
     *   automatic rejections on arrival count as rejected, a comment reopened and decided again on
     *   another day counts on both days.
     * Set-based and indexed: two index-only range scans of the comments
     * (khabar_comments_created_idx, khabar_comments_status_created_idx) and one of the events
     * (khabar_moderation_events_occurred_idx, created at boot), each bounded by the first day's
     * start, grouped per day; no row is read per comment.
     */
    async daily({ days, timeZone }: DailyStatsQuery) {
      const comments = strapi.db.metadata.get(COMMENT_UID).tableName;
      const events = strapi.db.metadata.get(EVENT_UID).tableName;
      const localDay = (column: string) => `CAST((${column} AT TIME ZONE p.stored) AT TIME ZONE p.tz AS date)`;
      const sql = `
        WITH p AS (SELECT CAST(? AS text) AS tz, CAST(? AS text) AS stored, CAST(? AS integer) AS days),
        bounds AS (
          SELECT date_trunc('day', now() AT TIME ZONE p.tz) AS today_start,
                 ((date_trunc('day', now() AT TIME ZONE p.tz) - (p.days - 1) * interval '1 day') AT TIME ZONE p.tz)
                   AT TIME ZONE p.stored AS since
            FROM p
        ),
        arrivals AS (
          SELECT ${localDay('c.created_at')} AS day, count(*) AS received
            FROM ?? c, p WHERE c.created_at >= (SELECT since FROM bounds) GROUP BY 1
        ),
        waiting AS (
          SELECT ${localDay('c.created_at')} AS day, count(*) AS pending
            FROM ?? c, p
           WHERE c.moderation_status = 'pending' AND c.created_at >= (SELECT since FROM bounds) GROUP BY 1
        ),
        decisions AS (
          SELECT ${localDay('e.occurred_at')} AS day,
                 count(DISTINCT e.comment_document_id) FILTER (WHERE e.to_status = 'approved') AS approved,
                 count(DISTINCT e.comment_document_id) FILTER (WHERE e.to_status = 'rejected') AS rejected
            FROM ?? e, p WHERE e.occurred_at >= (SELECT since FROM bounds) GROUP BY 1
        ),
        series AS (
          SELECT CAST(generate_series(b.today_start - (p.days - 1) * interval '1 day', b.today_start, interval '1 day') AS date) AS day
            FROM bounds b, p
        )
        SELECT to_char(s.day, 'YYYY-MM-DD') AS date,
               coalesce(a.received, 0) AS received, coalesce(w.pending, 0) AS pending,
               coalesce(d.approved, 0) AS approved, coalesce(d.rejected, 0) AS rejected
          FROM series s
          LEFT JOIN arrivals a ON a.day = s.day
          LEFT JOIN waiting w ON w.day = s.day
          LEFT JOIN decisions d ON d.day = s.day
         ORDER BY s.day`;
      // The figures and the queue's size at once (Promise.all handles a failure of either).
      const [{ rows }, overall] = await Promise.all([
        (
          strapi.db.connection.raw(sql, [timeZone, STORED_TIME_ZONE, days, comments, comments, events]) as Promise<{
            rows: Record<keyof DailyFigures, string>[];
          }>
        ).catch((error: { code?: string }) => {
          if (error.code === INVALID_PARAMETER_VALUE) {
            throw localizedError('validation', 'moderation_bad_query', { name: 'timeZone' });
          }
          throw error;
        }),
        strapi.plugin('moderation').service('transitions').overallCounts() as Promise<{ pending: number }>,
      ]);
      const figures: DailyFigures[] = rows.map((row) => ({
        date: row.date,
        received: Number(row.received),
        pending: Number(row.pending),
        approved: Number(row.approved),
        rejected: Number(row.rejected),
      }));
      return { timeZone, days: figures, queue: { pending: overall.pending } };
    },
  };
};
