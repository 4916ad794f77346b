import type { Core } from '@strapi/strapi';
import { ConflictError, localizedError } from '../../../../../lib/messages';
import { MODERATION_STATUSES, type ModerationAction, type ModerationStatus } from '../domain/statuses';
import { planTransition, type TransitionPlan } from '../domain/transitions';
import { withModerationScope } from '../scope';

const COMMENT_UID = 'api::comment.comment';
const EVENT_UID = 'plugin::moderation.moderation-event';

export const MODERATION_EVENTS = {
  approved: 'comment.approved',
  rejected: 'comment.rejected',
} as const;

/** The actor label of rejections made by screening on arrival. */
export const SCREENING_ACTOR_LABEL = 'screening';

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
  ) {
    const note = request.note ?? null;
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
      const payload = {
        model: 'comment',
        uid: COMMENT_UID,
        entry: {
          documentId: result.documentId,
          moderationStatus: result.to,
          previousStatus: result.from,
          article: comment?.article ? { documentId: comment.article.documentId } : null,
        },
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
          await apply(row, plan, request, at);
          done.push({
            documentId: row.document_id,
            from: plan.from,
            to: plan.to,
            rejectionReason: plan.rejectionReason,
          });
        }
        onCommit(() => {
          notify(done).catch((error) => strapi.log.error(`moderation webhook event failed: ${error}`));
        });
        return done;
      }),
    );
  }

  async function transition(documentId: string, request: TransitionRequest): Promise<TransitionResult> {
    const [result] = await transitionMany([documentId], request);
    return result;
  }

  /** Counts by status for the given article documentIds (all articles when omitted), in one query. */
  async function countsByArticle(articleDocumentIds?: string[]) {
    // `visible`: approved and linked to a published row of the article, the comments the public
    // list shows (a comment is linked to one locale, which may be unpublished while another is not).
    // `screenedOut`: rejected by screening and not looked at by a person since (its only audit
    // record is the screening's). The public counts show these as pending (see comment-stats).
    const counts = new Map<string, Record<ModerationStatus | 'total' | 'visible' | 'screenedOut', number>>();
    if (articleDocumentIds?.length === 0) return counts;
    const comment = strapi.db.metadata.get(COMMENT_UID);
    const article = strapi.db.metadata.get('api::article.article');
    const joinTable = (
      comment.attributes.article as unknown as {
        joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
      }
    ).joinTable;
    const knex = strapi.db.connection;
    const query = knex(`${comment.tableName} as c`)
      .join(`${joinTable.name} as l`, `l.${joinTable.joinColumn.name}`, 'c.id')
      .join(`${article.tableName} as a`, 'a.id', `l.${joinTable.inverseJoinColumn.name}`)
      .groupBy('a.document_id')
      .select(
        'a.document_id',
        knex.raw('count(distinct c.id) as total'),
        ...MODERATION_STATUSES.map((status) =>
          knex.raw('count(distinct c.id) filter (where c.moderation_status = ?) as ??', [status, status]),
        ),
        knex.raw(
          "count(distinct c.id) filter (where c.moderation_status = 'approved' and a.published_at is not null) as visible",
        ),
        knex.raw(
          `count(distinct c.id) filter (where c.moderation_status = 'rejected' and not exists (
             select 1 from ?? as e
              where e.comment_document_id = c.document_id
                and (e.actor_id is not null or e.actor_label is distinct from ?))) as screened_out`,
          [strapi.db.metadata.get(EVENT_UID).tableName, SCREENING_ACTOR_LABEL],
        ),
      );
    if (articleDocumentIds) query.whereIn('a.document_id', articleDocumentIds);
    const rows: {
      document_id: string;
      total: string;
      pending: string;
      approved: string;
      rejected: string;
      visible: string;
      screened_out: string;
    }[] = await query;
    for (const row of rows) {
      counts.set(row.document_id, {
        total: Number(row.total),
        pending: Number(row.pending),
        approved: Number(row.approved),
        rejected: Number(row.rejected),
        visible: Number(row.visible),
        screenedOut: Number(row.screened_out),
      });
    }
    return counts;
  }

  return { transition, transitionMany, countsByArticle };
};
