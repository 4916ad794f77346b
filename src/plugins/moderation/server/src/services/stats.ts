import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../uids';
import type { StatsQuery } from '../validation/admin-api';

type Counts = Record<'total' | 'pending' | 'approved' | 'rejected', number>;
type ArticleRow = {
  document_id: string;
  title: string | null;
  pending: string;
  approved: string;
  rejected: string;
  articles: string;
};

/** The column each sort orders by (fixed SQL, never taken from the request). */
const SORT_SQL: Record<StatsQuery['sort'], string> = {
  pending: 'c.pending',
  approved: 'c.approved',
  rejected: 'c.rejected',
  total: 'c.pending + c.approved + c.rejected',
};

/**
 * Counts for moderators: by status overall, and one page of the articles that have comments,
 * the most pending first (or the most of another counter), each with its title; or one article
 * (`article`). A page, not every article at once: a desk looks at the articles that need it,
 * and 10,000 articles in one answer cost ~1 MB of JSON and most of a second (BENCHMARKS.md).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** How many articles have comments (or whether `article` has). */
  async function countArticles(article: string | undefined): Promise<number> {
    const { rows } = (await strapi.db.connection.raw(
      `SELECT count(*) AS articles FROM (
         SELECT document_id FROM khabar_comment_counts
          WHERE document_id <> '' AND counter IN ('pending', 'approved', 'rejected')
                ${article === undefined ? '' : 'AND document_id = ?'}
          GROUP BY document_id HAVING sum(n::integer) <> 0) c`,
      article === undefined ? [] : [article],
    )) as { rows: { articles: string }[] };
    return Number(rows[0].articles);
  }

  return {
    async overview({ article, sort, page, pageSize }: StatsQuery) {
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const articleTable = strapi.db.metadata.get(ARTICLE_UID).tableName;
      // From the counts table (database/comment-counts.js): its delta rows summed per article,
      // ordered, one page kept; then each kept article's title in the default locale when it has
      // one (its newest row), else its oldest row's. `articles` is how many match, for the pages.
      // Sums of integer (one article's counts fit) run in int8, half the time of bigint's numeric.
      const [overall, { rows }] = await Promise.all([
        strapi.plugin('moderation').service('transitions').overallCounts() as Promise<Counts>,
        strapi.db.connection.raw(
          `SELECT p.*,
                (SELECT a.title FROM ?? a WHERE a.document_id = p.document_id
                  ORDER BY (a.locale = ?) DESC, CASE WHEN a.locale = ? THEN -a.id ELSE a.id END LIMIT 1) AS title
           FROM (SELECT c.document_id, c.pending, c.approved, c.rejected, count(*) OVER () AS articles
                   FROM (SELECT document_id,
                                coalesce(sum(n::integer) FILTER (WHERE counter = 'pending'), 0) AS pending,
                                coalesce(sum(n::integer) FILTER (WHERE counter = 'approved'), 0) AS approved,
                                coalesce(sum(n::integer) FILTER (WHERE counter = 'rejected'), 0) AS rejected
                           FROM khabar_comment_counts
                          WHERE document_id <> '' AND counter IN ('pending', 'approved', 'rejected')
                                ${article === undefined ? '' : 'AND document_id = ?'}
                          GROUP BY document_id) c
                  WHERE c.pending + c.approved + c.rejected <> 0
                  ORDER BY ${SORT_SQL[sort]} DESC, c.document_id
                  LIMIT ? OFFSET ?) p
          ORDER BY ${SORT_SQL[sort].replaceAll('c.', 'p.')} DESC, p.document_id`,
          [
            articleTable,
            defaultLocale,
            defaultLocale,
            ...(article === undefined ? [] : [article]),
            pageSize,
            (page - 1) * pageSize,
          ],
        ) as Promise<{ rows: ArticleRow[] }>,
      ]);
      const articles = rows.map((row) => {
        const [pending, approved, rejected] = [Number(row.pending), Number(row.approved), Number(row.rejected)];
        return {
          documentId: row.document_id,
          title: row.title,
          total: pending + approved + rejected,
          pending,
          approved,
          rejected,
        };
      });
      // Past the last page no row carries the number of articles: count them then.
      const total = rows.length > 0 ? Number(rows[0].articles) : page > 1 ? await countArticles(article) : 0;
      return {
        data: { overall, articles },
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },
  };
};
