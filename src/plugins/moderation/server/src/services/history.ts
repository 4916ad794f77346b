import type { Core } from '@strapi/strapi';
import { LIMITS, type ModerationStatus, REJECTION_REASONS, type RejectionReason } from '../domain/vocabulary';
import type { ReactionCounts } from './reactions';
import type { ReportView } from './reports';

/**
 * What a moderator sees beside each comment, besides the comment itself (services/queue.ts):
 * its author's history, the comment a reply answers, its reports and its reactions. A fixed
 * number of queries per page, whatever its size: never one per comment.
 *
 * The history is keyed by `comments.author_key` (domain/reader-identity.ts: a salted hash of the
 * normalized email when given, else of the address hash) and counts only the author's comments
 * made before this one, never the comment itself. It is never part of a public response.
 */
export interface AuthorHistory {
  approved: number;
  rejected: number;
  rejectedByReason: Record<RejectionReason, number>;
  pending: number;
  recent: { documentId: string; moderationStatus: ModerationStatus; createdAt: string; body: string }[];
}

export interface ModeratorExtras {
  authorHistory: AuthorHistory;
  parent: { documentId: string; body: string; authorName: string } | null;
  reports: { open: number; items: ReportView[] };
  reactions: ReactionCounts;
}

/** Earlier comments are shown up to this many characters: enough to judge, not a second queue. */
const RECENT_BODY_MAX = 300;
const clip = (text: string) => {
  const characters = Array.from(text);
  return characters.length <= RECENT_BODY_MAX ? text : `${characters.slice(0, RECENT_BODY_MAX).join('')}…`;
};

const emptyHistory = (): AuthorHistory => ({
  approved: 0,
  rejected: 0,
  rejectedByReason: Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, 0])) as Record<
    RejectionReason,
    number
  >,
  pending: 0,
  recent: [],
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Extras of many comments (by row id): five queries, run side by side. */
  async extrasOf(commentIds: number[]): Promise<Map<number, ModeratorExtras>> {
    const extras = new Map<number, ModeratorExtras>();
    if (commentIds.length === 0) return extras;
    const ids = [...new Set(commentIds)];
    const knex = strapi.db.connection;
    const plugin = strapi.plugin('moderation');
    const [counts, recent, parents, reports, reactions] = await Promise.all([
      // Running counts over each author's comments in time order, up to their latest one on the
      // page, read at the page's comments: each author's comments are read once, not once for
      // every comment of theirs on the page (a flood from one author fills whole pages of the
      // queue), and never past what the page needs (the oldest-first queue needs little).
      knex.raw(
        `WITH page AS (
           SELECT id, author_key, created_at FROM comments
            WHERE id = ANY(?) AND author_key IS NOT NULL AND created_at IS NOT NULL
         ), reach AS (
           SELECT DISTINCT ON (author_key) author_key, created_at, id FROM page
            ORDER BY author_key, created_at DESC, id DESC
         ), running AS (
           SELECT h.id,
                  count(*) FILTER (WHERE h.moderation_status = 'approved') OVER earlier AS approved,
                  count(*) FILTER (WHERE h.moderation_status = 'pending') OVER earlier AS pending,
                  count(*) FILTER (WHERE h.moderation_status = 'rejected') OVER earlier AS rejected,
                  ${REJECTION_REASONS.map(
                    (_, index) =>
                      `count(*) FILTER (WHERE h.moderation_status = 'rejected' AND h.rejection_reason = ?) OVER earlier AS reason_${index}`,
                  ).join(',\n                  ')}
             FROM reach r
             JOIN comments h ON h.author_key = r.author_key AND (h.created_at, h.id) <= (r.created_at, r.id)
           WINDOW earlier AS (PARTITION BY h.author_key ORDER BY h.created_at, h.id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
         )
         SELECT running.* FROM running JOIN page ON page.id = running.id`,
        [ids, ...REJECTION_REASONS],
      ),
      knex.raw(
        `SELECT p.id AS for_id, h.document_id, h.moderation_status, h.body, h.created_at
           FROM comments p
           CROSS JOIN LATERAL (
             SELECT e.document_id, e.moderation_status, e.body, e.created_at, e.id FROM comments e
              WHERE e.author_key = p.author_key AND (e.created_at, e.id) < (p.created_at, p.id)
              ORDER BY e.created_at DESC, e.id DESC LIMIT ?
           ) h
          WHERE p.id = ANY(?) AND p.author_key IS NOT NULL
          ORDER BY p.id, h.created_at DESC, h.id DESC`,
        [LIMITS.historyRecentMax, ids],
      ),
      knex.raw(
        `SELECT c.id AS for_id, p.document_id, p.body, p.author_name
           FROM comments c JOIN comments p ON p.document_id = c.parent_document_id
          WHERE c.id = ANY(?)`,
        [ids],
      ),
      plugin.service('reports').reportsOf(ids),
      plugin.service('reactions').countsOf(ids),
    ]);
    for (const id of ids) {
      extras.set(id, {
        authorHistory: emptyHistory(),
        parent: null,
        reports: { open: 0, items: [] },
        reactions: { agree: 0, disagree: 0 },
      });
    }
    for (const row of counts.rows as Record<string, string | number>[]) {
      const history = (extras.get(Number(row.id)) as ModeratorExtras).authorHistory;
      history.approved = Number(row.approved);
      history.pending = Number(row.pending);
      history.rejected = Number(row.rejected);
      REJECTION_REASONS.forEach((reason, index) => {
        history.rejectedByReason[reason] = Number(row[`reason_${index}`]);
      });
    }
    for (const row of recent.rows as {
      for_id: number;
      document_id: string;
      moderation_status: ModerationStatus;
      body: string;
      created_at: Date;
    }[]) {
      (extras.get(row.for_id) as ModeratorExtras).authorHistory.recent.push({
        documentId: row.document_id,
        moderationStatus: row.moderation_status,
        createdAt: new Date(row.created_at).toISOString(),
        body: clip(row.body),
      });
    }
    for (const row of parents.rows as { for_id: number; document_id: string; body: string; author_name: string }[]) {
      (extras.get(row.for_id) as ModeratorExtras).parent = {
        documentId: row.document_id,
        body: row.body,
        authorName: row.author_name,
      };
    }
    for (const [id, entry] of reports as Map<number, { open: number; reports: ReportView[] }>) {
      (extras.get(id) as ModeratorExtras).reports = { open: entry.open, items: entry.reports };
    }
    for (const [id, counts] of reactions as Map<number, ReactionCounts>) {
      (extras.get(id) as ModeratorExtras).reactions = counts;
    }
    return extras;
  },
});
