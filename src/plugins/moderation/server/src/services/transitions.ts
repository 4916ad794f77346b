import type { Core } from '@strapi/strapi';
import { ConflictError, localizedError } from '../../../../../lib/messages';
import { invalidateComment, withOwnedInvalidation } from '../../../../../lib/public-cache';
import { cdnPurgeFor } from '../../../../../lib/public-cache/dependencies';
import { type ArticleCounts, type CounterRow, foldCounterRows } from '../domain/comment-counts';
import { isModerationStatus, type ModerationAction, type ModerationStatus } from '../domain/statuses';
import {
  isScreeningRejection,
  planTransition,
  SCREENING_ACTOR_LABEL,
  type TransitionPlan,
} from '../domain/transitions';
import { withModerationScope } from '../scope';

const COMMENT_UID = 'api::comment.comment';
const EVENT_UID = 'plugin::moderation.moderation-event';

export const MODERATION_EVENTS = {
  approved: 'comment.approved',
  rejected: 'comment.rejected',
} as const;

export { SCREENING_ACTOR_LABEL };

/**
 * Who acts: an admin user (`id`, their `email` at the time, `label` their display name) or the
 * system (`id` null, `label` 'screening' or 'system'). The event keeps id and email as plain
 * columns: the `actor` link goes when the account is deleted, the audit record must not.
 */
export interface Actor {
  id: number | null;
  label: string;
  email?: string | null;
}

export interface TransitionRequest {
  action: ModerationAction;
  reason?: unknown;
  note?: string | null;
  actor: Actor;
}

interface LockedComment {
  id: number;
  document_id: string;
  moderation_status: ModerationStatus;
}

export interface TransitionResult {
  documentId: string;
  from: ModerationStatus;
  to: ModerationStatus;
  rejectionReason: string | null;
}

type Failure = Extract<TransitionPlan, { ok: false }>;

function failure(documentId: string, plan: Failure): Error {
  if (plan.error === 'already_in_status') {
    return localizedError(
      'conflict',
      'moderation_already_in_status',
      { status: plan.from },
      { documentId, moderationStatus: plan.from },
    );
  }
  return localizedError(
    'validation',
    plan.error === 'reason_required' ? 'moderation_reason_required' : 'moderation_reason_not_allowed',
    {},
    { documentId },
  );
}

/**
 * Moderation transitions. Each runs in one transaction that locks the comment rows first
 * (`FOR UPDATE`, in id order so concurrent bulk actions cannot deadlock), checks the state
 * machine, writes the new status and one audit record per comment, and only after the commit
 * tells webhooks. Concurrent moderators therefore serialize per comment, and the loser of a
 * race gets a 409 instead of a second audit record.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const commentTable = () => strapi.db.metadata.get(COMMENT_UID).tableName;

  async function lockComments(documentIds: string[], trx: unknown): Promise<Map<string, LockedComment>> {
    const rows: LockedComment[] = await strapi.db
      .connection(commentTable())
      .transacting(trx as never)
      .whereIn('document_id', documentIds)
      .orderBy('id')
      .forUpdate()
      .select('id', 'document_id', 'moderation_status');
    return new Map(rows.map((row) => [row.document_id, row]));
  }

  async function apply(
    row: LockedComment,
    plan: Extract<TransitionPlan, { ok: true }>,
    request: TransitionRequest,
    at: Date,
    trx: unknown,
  ) {
    const note = request.note ?? null;
    const screenedOut = isScreeningRejection(plan.to, request.actor);
    // Whether this rejection is screening's, untouched by a person since: the public counts show
    // such comments as pending (comment-stats). A column Strapi does not know (added by
    // database/comment-counts.js), so no API can read or write it; the count triggers bucket it.
    await strapi.db
      .connection(commentTable())
      .transacting(trx as never)
      .where('id', row.id)
      .whereNot('screened_out', screenedOut)
      .update({ screened_out: screenedOut });
    await strapi.db.query(COMMENT_UID).update({
      where: { id: row.id },
      data: {
        moderationStatus: plan.to,
        rejectionReason: plan.rejectionReason,
        moderationNote: note,
        moderatedAt: at,
        moderatedBy: request.actor.id,
      },
    });
    await strapi.documents(EVENT_UID).create({
      data: {
        commentDocumentId: row.document_id,
        fromStatus: plan.from,
        toStatus: plan.to,
        reason: plan.rejectionReason,
        note,
        actor: request.actor.id,
        actorId: request.actor.id,
        actorEmail: request.actor.email ?? null,
        actorLabel: request.actor.label,
        occurredAt: at,
      } as never,
    });
    // A rejection settles the readers' open reports on the comment (services/reports.ts).
    if (plan.to === 'rejected') {
      await strapi.plugin('moderation').service('reports').resolveRejected([row.id], request.actor, trx);
    }
  }

  async function notify(results: TransitionResult[]) {
    for (const result of results) {
      const event =
        result.to === 'approved'
          ? MODERATION_EVENTS.approved
          : result.to === 'rejected'
            ? MODERATION_EVENTS.rejected
            : null;
      if (!event) continue;
      const comment = await strapi.db.query(COMMENT_UID).findOne({
        where: { documentId: result.documentId },
        select: ['documentId', 'moderationStatus'],
        populate: { article: { select: ['documentId'] } },
      });
      // Public fields only: webhooks leave the building.
      const articleDocumentId: string | null = comment?.article?.documentId ?? null;
      const payload = {
        model: 'comment',
        uid: COMMENT_UID,
        entry: {
          documentId: result.documentId,
          moderationStatus: result.to,
          previousStatus: result.from,
          article: articleDocumentId ? { documentId: articleDocumentId } : null,
        },
        // What a CDN in front of the API must purge (README: HTTP caching and CDNs).
        purge: cdnPurgeFor(articleDocumentId, result.documentId),
      };
      await strapi.eventHub.emit(event, payload);
      // Also as Strapi's own `entry.update`, the event the admin panel's webhook form offers.
      await strapi.eventHub.emit('entry.update', payload);
    }
  }

  /**
   * Moves every listed comment, or none of them. Inside a caller's transaction (the content
   * manager's save) it joins it, so the status change and the rest of the edit commit together;
   * webhooks go out only once that commit has happened.
   */
  async function transitionMany(documentIds: string[], request: TransitionRequest): Promise<TransitionResult[]> {
    const unique = [...new Set(documentIds)];
    return withModerationScope('transition', () =>
      withOwnedInvalidation(() =>
        strapi.db.transaction(async ({ trx, onCommit }) => {
          const locked = await lockComments(unique, trx);
          const missing = unique.filter((id) => !locked.has(id));
          if (missing.length > 0) {
            throw localizedError('notFound', 'moderation_not_found', {}, { documentIds: missing });
          }
          const plans = unique.map((id) => {
            const row = locked.get(id) as LockedComment;
            return { row, plan: planTransition(row.moderation_status, request.action, request.reason) };
          });
          const refused = plans.filter((entry) => !entry.plan.ok);
          if (refused.length > 0) {
            const first = refused[0];
            const error = failure(first.row.document_id, first.plan as Failure);
            if (error instanceof ConflictError && refused.length > 1) {
              error.details.documentIds = refused.map((entry) => entry.row.document_id);
            }
            throw error;
          }
          const at = new Date();
          const done: TransitionResult[] = [];
          for (const { row, plan } of plans) {
            if (!plan.ok) continue;
            await apply(row, plan, request, at, trx);
            done.push({
              documentId: row.document_id,
              from: plan.from,
              to: plan.to,
              rejectionReason: plan.rejectionReason,
            });
          }
          // The public pages and counts of the articles concerned, once committed (src/lib/public-cache).
          const articles: { article?: { documentId?: string } | null }[] = await strapi.db.query(COMMENT_UID).findMany({
            where: { documentId: { $in: done.map((result) => result.documentId) } },
            select: ['id'],
            populate: { article: { select: ['documentId'] } },
          });
          invalidateComment(
            strapi,
            articles.map((row) => row.article?.documentId),
          );
          onCommit(() => {
            notify(done).catch((error) => strapi.log.error(`moderation webhook event failed: ${error}`));
          });
          return done;
        }),
      ),
    );
  }

  async function transition(documentId: string, request: TransitionRequest): Promise<TransitionResult> {
    const [result] = await transitionMany([documentId], request);
    return result;
  }

  /**
   * Counts by status for the given article documentIds (all articles when omitted), summed from
   * the counts table PostgreSQL keeps exact in the same transaction as every change
   * (database/comment-counts.js), one query however many articles. `visible`: approved and linked to a published row of the
   * article, the comments the public list shows (a comment is linked to one locale, which may be
   * unpublished while another is not).
   */
  async function countsByArticle(articleDocumentIds?: string[]): Promise<Map<string, ArticleCounts>> {
    if (articleDocumentIds?.length === 0) return new Map();
    const knex = strapi.db.connection;
    const query = knex('khabar_comment_counts')
      .select('document_id', 'counter', knex.raw('sum(n) as n'))
      .groupBy('document_id', 'counter')
      .having(knex.raw('sum(n) <> 0'));
    if (articleDocumentIds) query.whereIn('document_id', articleDocumentIds);
    else query.whereNot('document_id', '');
    return foldCounterRows((await query) as CounterRow[]);
  }

  /** Counts by status over every comment, whatever its article (the counts table's '' rows). */
  async function overallCounts() {
    const overall = { total: 0, pending: 0, approved: 0, rejected: 0 };
    const knex = strapi.db.connection;
    const rows: { counter: string; n: string }[] = await knex('khabar_comment_counts')
      .select('counter', knex.raw('sum(n) as n'))
      .where('document_id', '')
      .groupBy('counter');
    for (const row of rows) {
      if (isModerationStatus(row.counter)) overall[row.counter] = Number(row.n);
      overall.total += Number(row.n);
    }
    return overall;
  }

  /** Ids of one page of an article's comments (optionally of one status), oldest or newest first. */
  async function queuePageIds(
    articleDocumentId: string,
    status: ModerationStatus | undefined,
    direction: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<number[]> {
    const query = strapi.db
      .connection('khabar_comment_membership')
      .select('comment_id')
      .where('document_id', articleDocumentId)
      .orderBy([
        { column: 'created_at', order: direction },
        { column: 'comment_id', order: direction },
      ])
      .offset(offset)
      .limit(limit);
    if (status) query.where('moderation_status', status);
    return (await query).map((row: { comment_id: number }) => row.comment_id);
  }

  return { transition, transitionMany, countsByArticle, overallCounts, queuePageIds };
};
