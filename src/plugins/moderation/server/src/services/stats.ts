import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../uids';

/** Counts for moderators: by status overall, and per article with its title. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview() {
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const article = strapi.db.metadata.get(ARTICLE_UID).tableName;
    // One row per article from the counts table (database/comment-counts.js), with its title
    // in the default locale when there is one (its newest row), else the oldest row's.
    const [overall, { rows }] = await Promise.all([
      strapi.plugin('moderation').service('transitions').overallCounts() as Promise<
        Record<'total' | 'pending' | 'approved' | 'rejected', number>
      >,
      strapi.db.connection.raw(
        `SELECT c.document_id, c.pending, c.approved, c.rejected,
                (SELECT a.title FROM ?? a WHERE a.document_id = c.document_id
                  ORDER BY (a.locale = ?) DESC, CASE WHEN a.locale = ? THEN -a.id ELSE a.id END LIMIT 1) AS title
           FROM (SELECT document_id,
                        coalesce(sum(n) FILTER (WHERE counter = 'pending'), 0) AS pending,
                        coalesce(sum(n) FILTER (WHERE counter = 'approved'), 0) AS approved,
                        coalesce(sum(n) FILTER (WHERE counter = 'rejected'), 0) AS rejected
                   FROM khabar_comment_counts WHERE document_id <> '' GROUP BY document_id) c
          WHERE c.pending + c.approved + c.rejected <> 0`,
        [article, defaultLocale, defaultLocale],
      ) as Promise<{
        rows: { document_id: string; title: string | null; pending: string; approved: string; rejected: string }[];
      }>,
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
    return { overall, articles };
  },
});
