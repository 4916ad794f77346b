import type { Core } from '@strapi/strapi';

/**
 * Replies (one level) as the public sees them. A comment is public when the counts' membership
 * table says `visible` (database/comment-counts.js: approved, its article published, and for a
 * reply its parent approved); every read here asks that table, so a pending or rejected comment,
 * or a reply under one, is never returned and never distinguishable from a missing one.
 */

/** A reply in a public response. */
export interface PublicReply {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  parent: { documentId: string };
}

/** A comment a reader may reply to, react to or report. */
export interface PublicTarget {
  id: number;
  documentId: string;
  body: string;
  articleDocumentId: string;
  isReply: boolean;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The public comment with this documentId (any article), or null: pending, rejected and missing alike. */
  async function publicTarget(documentId: string, articleDocumentId?: string): Promise<PublicTarget | null> {
    const query = knex()('comments as c')
      .join('khabar_comment_membership as m', 'm.comment_id', 'c.id')
      .where('c.document_id', documentId)
      .andWhere('m.visible', true)
      .first('c.id', 'c.document_id', 'c.body', 'm.document_id as article_document_id', 'm.is_reply');
    if (articleDocumentId !== undefined) query.andWhere('m.document_id', articleDocumentId);
    const row = await query;
    if (!row) return null;
    return {
      id: row.id,
      documentId: row.document_id,
      body: row.body,
      articleDocumentId: row.article_document_id,
      isReply: row.is_reply,
    };
  }

  return {
    publicTarget,

    /** The comment a reply would answer, when public and under this article. */
    replyTarget(parentDocumentId: string, articleDocumentId: string) {
      return publicTarget(parentDocumentId, articleDocumentId);
    },

    /**
     * The public replies of the given comments, oldest first, grouped by parent documentId: one
     * query however many comments the page holds.
     */
    async repliesOf(parentDocumentIds: string[]): Promise<Map<string, (PublicReply & { id: number })[]>> {
      const replies = new Map<string, (PublicReply & { id: number })[]>();
      if (parentDocumentIds.length === 0) return replies;
      const rows: {
        id: number;
        document_id: string;
        author_name: string;
        body: string;
        created_at: Date;
        parent_document_id: string;
      }[] = await knex()('comments as c')
        // created_at is read through the driver as Strapi reads it, so the times agree with its own.
        .select('c.id', 'c.document_id', 'c.author_name', 'c.body', 'c.parent_document_id', 'c.created_at')
        .whereIn('c.parent_document_id', [...new Set(parentDocumentIds)])
        .whereExists(
          knex()('khabar_comment_membership as m')
            .select(knex().raw('1'))
            .whereRaw('m.comment_id = c.id AND m.visible'),
        )
        .orderBy([
          { column: 'c.created_at', order: 'asc' },
          { column: 'c.id', order: 'asc' },
        ]);
      for (const row of rows) {
        const list = replies.get(row.parent_document_id) ?? [];
        list.push({
          id: row.id,
          documentId: row.document_id,
          authorName: row.author_name,
          body: row.body,
          createdAt: new Date(row.created_at).toISOString(),
          parent: { documentId: row.parent_document_id },
        });
        replies.set(row.parent_document_id, list);
      }
      return replies;
    },
  };
};
