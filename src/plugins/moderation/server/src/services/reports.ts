import type { Core } from '@strapi/strapi';
import { ConflictError, localizedError } from '../../../../../lib/messages';
import type { ReportReason, ReportResolution } from '../domain/vocabulary';
import type { Actor } from './transitions';

/** The actor label of a comment moved back to pending by the report threshold. */
export const REPORTS_ACTOR_LABEL = 'reports';

/** A report as moderators see it (never public: the reader is a key, not a person). */
export interface ReportView {
  id: number;
  reason: ReportReason;
  note: string | null;
  createdAt: string;
  resolution: ReportResolution | null;
  resolvedAt: string | null;
  resolvedBy: { id: number | null; label: string | null } | null;
}

interface ReportRow {
  id: string | number;
  comment_id: number;
  reason: ReportReason;
  note: string | null;
  created_at: Date;
  resolution: ReportResolution | null;
  resolved_at: Date | null;
  resolved_by_id: number | null;
  resolved_by_label: string | null;
}

const toView = (row: ReportRow): ReportView => ({
  id: Number(row.id),
  reason: row.reason,
  note: row.note,
  createdAt: new Date(row.created_at).toISOString(),
  resolution: row.resolution,
  resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
  resolvedBy: row.resolution ? { id: row.resolved_by_id, label: row.resolved_by_label } : null,
});

/**
 * Readers' reports on public comments (database/reader-tables.js). A report never hides a
 * comment by itself (a crowd must not be able to unpublish one): it puts the comment in the
 * moderators' reported queue, and past the optional `reportThreshold` of open reports moves an
 * approved comment back to pending through the moderation transitions (audited, actor
 * 'reports'). Write paths: `report`, `dismiss` and `resolveRejected` (called by the transitions
 * service on a rejection) — where a cache of public reads would be invalidated.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Files `reader`'s report on a public comment; the same 404 as a missing comment otherwise.
   * Answers whether it was new (one report per reader per comment: a repeat changes nothing).
   */
  async report(documentId: string, reader: string, reason: ReportReason, note: string | null) {
    const settings = await strapi.plugin('moderation').service('settings').get();
    return strapi.db.transaction(async ({ trx }) => {
      const knex = strapi.db.connection;
      // Reports on one comment queue here, so the threshold sees every earlier one (FOR NO KEY
      // UPDATE does not block reactions, whose foreign key takes a KEY SHARE lock).
      const target = await knex
        .raw(
          `SELECT c.id, c.moderation_status FROM comments c
            WHERE c.document_id = ?
              AND EXISTS (SELECT 1 FROM khabar_comment_membership m WHERE m.comment_id = c.id AND m.visible)
            FOR NO KEY UPDATE OF c`,
          [documentId],
        )
        .transacting(trx as never);
      const comment: { id: number; moderation_status: string } | undefined = target.rows[0];
      if (!comment) throw localizedError('notFound', 'moderation_not_found');
      const inserted = await knex
        .raw(
          `INSERT INTO khabar_comment_reports (comment_id, reader, reason, note) VALUES (?, ?, ?, ?)
           ON CONFLICT (comment_id, reader) DO NOTHING RETURNING id`,
          [comment.id, reader, reason, note],
        )
        .transacting(trx as never);
      const created = inserted.rows.length > 0;
      let movedToPending = false;
      if (created && settings.reportThreshold !== null) {
        const open = await knex('khabar_comment_reports')
          .transacting(trx as never)
          .where({ comment_id: comment.id })
          .whereNull('resolved_at')
          .count({ n: '*' });
        if (Number(open[0].n) >= settings.reportThreshold && comment.moderation_status === 'approved') {
          try {
            await strapi
              .plugin('moderation')
              .service('transitions')
              .transition(documentId, {
                action: 'reopen',
                note: `Reported by ${open[0].n} readers (threshold ${settings.reportThreshold}).`,
                actor: { id: null, label: REPORTS_ACTOR_LABEL },
              });
            movedToPending = true;
          } catch (error) {
            // Already moved by a moderator: nothing to do.
            if (!(error instanceof ConflictError)) throw error;
          }
        }
      }
      // What the reader learns is the same whatever the threshold did.
      return { created, movedToPending };
    });
  },

  /** Dismisses every open report of a comment (any status), recording who did it. */
  async dismiss(documentId: string, actor: Actor) {
    const knex = strapi.db.connection;
    const comment = await knex('comments').first('id').where({ document_id: documentId });
    if (!comment) throw localizedError('notFound', 'moderation_not_found');
    const dismissed = await knex('khabar_comment_reports')
      .where({ comment_id: comment.id })
      .whereNull('resolved_at')
      .update({
        resolved_at: knex.fn.now(),
        resolution: 'dismissed',
        resolved_by_id: actor.id,
        resolved_by_label: actor.label,
      });
    if (dismissed === 0) throw localizedError('conflict', 'moderation_no_open_reports', {}, { documentId });
    return { documentId, dismissed };
  },

  /** A rejection settles the comment's open reports (called inside the transition's transaction). */
  async resolveRejected(commentIds: number[], actor: Actor, trx: unknown) {
    if (commentIds.length === 0) return;
    await strapi.db
      .connection('khabar_comment_reports')
      .transacting(trx as never)
      .whereIn('comment_id', commentIds)
      .whereNull('resolved_at')
      .update({
        resolved_at: strapi.db.connection.fn.now(),
        resolution: 'rejected',
        resolved_by_id: actor.id,
        resolved_by_label: actor.label,
      });
  },

  /** Every report of the given comments (by row id), newest first, and their open counts: one query. */
  async reportsOf(commentIds: number[]): Promise<Map<number, { open: number; reports: ReportView[] }>> {
    const byComment = new Map<number, { open: number; reports: ReportView[] }>();
    if (commentIds.length === 0) return byComment;
    const rows: ReportRow[] = await strapi.db
      .connection('khabar_comment_reports')
      .select(
        'id',
        'comment_id',
        'reason',
        'note',
        'created_at',
        'resolution',
        'resolved_at',
        'resolved_by_id',
        'resolved_by_label',
      )
      .whereIn('comment_id', [...new Set(commentIds)])
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    for (const row of rows) {
      const entry = byComment.get(row.comment_id) ?? { open: 0, reports: [] };
      if (row.resolved_at === null) entry.open += 1;
      entry.reports.push(toView(row));
      byComment.set(row.comment_id, entry);
    }
    return byComment;
  },

  /**
   * One page of the reported queue: comments with open reports, most reported first (then the
   * most recently reported), optionally of one status or article. Ids and the total, two queries.
   */
  async reportedPage(filters: { status?: string; article?: string }, offset: number, limit: number) {
    const knex = strapi.db.connection;
    const grouped = knex('khabar_comment_reports as r')
      .join('comments as c', 'c.id', 'r.comment_id')
      .whereNull('r.resolved_at')
      .groupBy('r.comment_id');
    if (filters.status) grouped.where('c.moderation_status', filters.status);
    if (filters.article) {
      grouped.whereExists(
        knex('khabar_comment_membership as m')
          .select(knex.raw('1'))
          .whereRaw('m.comment_id = r.comment_id')
          .andWhere('m.document_id', filters.article),
      );
    }
    const [rows, total] = await Promise.all([
      grouped
        .clone()
        .select('r.comment_id', knex.raw('count(*) AS n'), knex.raw('max(r.created_at) AS last'))
        .orderBy([
          { column: 'n', order: 'desc' },
          { column: 'last', order: 'desc' },
          { column: 'r.comment_id', order: 'desc' },
        ])
        .offset(offset)
        .limit(limit),
      knex.count({ n: '*' }).from(grouped.clone().select('r.comment_id').as('g')),
    ]);
    return {
      ids: (rows as { comment_id: number }[]).map((row) => row.comment_id),
      total: Number((total as { n: string }[])[0]?.n ?? 0),
    };
  },
});
