import type { Core } from '@strapi/strapi';
import type { ArticleCommentPage } from '../../../lib/comment-page';

/**
 * Locates one page of an article's public comments on the index of the comment membership
 * table (database/comment-counts.js: `visible` is the public rule, approved and linked to a
 * published row of the article, and for a reply an approved parent), and reads the total from
 * the counts table. Replies are not in the page: they are nested under their comments. The rows
 * themselves are then read through the Document Service, whose visibility middleware checks
 * them again. Offsets stay cheap however deep the page: the index holds nothing but the
 * visible comments of each article, in time order.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async locate(request: ArticleCommentPage): Promise<{ ids: number[]; total: number }> {
    const knex = strapi.db.connection;
    const [rows, totals] = await Promise.all([
      knex('khabar_comment_membership')
        .select('comment_id')
        .where({ document_id: request.articleDocumentId, visible: true, is_reply: false })
        .orderBy([
          { column: 'created_at', order: request.direction },
          { column: 'comment_id', order: 'asc' },
        ])
        .offset((request.page - 1) * request.pageSize)
        .limit(request.pageSize),
      knex('khabar_comment_counts')
        .sum({ n: 'n' })
        .where({ document_id: request.articleDocumentId, counter: 'visible_root' }),
    ]);
    return {
      ids: (rows as { comment_id: number }[]).map((row) => row.comment_id),
      total: Number((totals as { n: string | null }[])[0]?.n ?? 0),
    };
  },
});
