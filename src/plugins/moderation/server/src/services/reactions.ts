import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../../lib/messages';
import { invalidateComment } from '../../../../../lib/public-cache';
import type { ReactionKind } from '../domain/vocabulary';

/** A comment's counters in public responses. */
export interface ReactionCounts {
  agree: number;
  disagree: number;
}

export const NO_REACTIONS: ReactionCounts = Object.freeze({ agree: 0, disagree: 0 });

/**
 * Agree / disagree on public comments (database/reader-tables.js). One reaction per reader per
 * comment (the table's primary key); a new kind replaces the old; the counts are kept by a
 * trigger in the same statement's transaction, so 200 concurrent reactions count 200.
 * The write path is `react`: it invalidates the cached public reads of the comment's article.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Records `reader`'s reaction on a public comment and answers its counts; a comment the
   * public cannot see (pending, rejected, missing, a reply under a hidden parent) is the same
   * 404 as a missing one. The visibility check and the write are one statement.
   */
  async react(documentId: string, reader: string, kind: ReactionKind) {
    return strapi.db.transaction(async ({ trx }) => {
      const knex = strapi.db.connection;
      const written = await knex
        .raw(
          `INSERT INTO khabar_comment_reactions AS r (comment_id, reader, kind)
           SELECT c.id, ?, ? FROM comments c
            WHERE c.document_id = ?
              AND EXISTS (SELECT 1 FROM khabar_comment_membership m WHERE m.comment_id = c.id AND m.visible)
           ON CONFLICT (comment_id, reader) DO UPDATE SET kind = EXCLUDED.kind, updated_at = now()
             WHERE r.kind IS DISTINCT FROM EXCLUDED.kind
           RETURNING comment_id`,
          [reader, kind, documentId],
        )
        .transacting(trx as never);
      let commentId: number | undefined = written.rows[0]?.comment_id;
      if (commentId !== undefined) {
        // The counters show on the article's comment pages: cached copies go at the commit.
        const article = await knex
          .raw(
            `SELECT a.document_id FROM comments_article_lnk l JOIN articles a ON a.id = l.article_id
              WHERE l.comment_id = ? LIMIT 1`,
            [commentId],
          )
          .transacting(trx as never);
        invalidateComment(strapi, [article.rows[0]?.document_id]);
      }
      if (commentId === undefined) {
        // Nothing written: the same reaction again (answered like the first), or no public comment.
        const same = await knex
          .raw(
            `SELECT r.comment_id FROM khabar_comment_reactions r JOIN comments c ON c.id = r.comment_id
              WHERE c.document_id = ? AND r.reader = ?
                AND EXISTS (SELECT 1 FROM khabar_comment_membership m WHERE m.comment_id = c.id AND m.visible)`,
            [documentId, reader],
          )
          .transacting(trx as never);
        commentId = same.rows[0]?.comment_id;
      }
      if (commentId === undefined) throw localizedError('notFound', 'moderation_not_found');
      const counts = await this.countsOf([commentId], trx);
      return { documentId, reaction: kind, reactions: counts.get(commentId) ?? { ...NO_REACTIONS } };
    });
  },

  /** Counts of many comments (by row id), one query. */
  async countsOf(commentIds: number[], trx?: unknown): Promise<Map<number, ReactionCounts>> {
    const counts = new Map<number, ReactionCounts>();
    if (commentIds.length === 0) return counts;
    const query = strapi.db
      .connection('khabar_comment_reaction_counts')
      .select('comment_id', 'agree', 'disagree')
      .whereIn('comment_id', [...new Set(commentIds)]);
    if (trx) query.transacting(trx as never);
    for (const row of (await query) as { comment_id: number; agree: string; disagree: string }[]) {
      counts.set(row.comment_id, { agree: Number(row.agree), disagree: Number(row.disagree) });
    }
    return counts;
  },
});
