import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../uids';
import type { EventsQuery } from '../validation/admin-api';

const EVENT_UID = 'plugin::moderation.moderation-event';
/** How much of a comment the trail shows beside a decision. */
const EXCERPT_LENGTH = 140;

interface EventRow {
  id: number;
  comment_document_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  note: string | null;
  actor_id: number | null;
  actor_label: string | null;
  occurred_at: Date;
  excerpt: string | null;
}

/**
 * The audit trail as moderators browse it: one comment's decisions, or every decision, newest
 * first, filtered by moderator, reason and date, each on an index (../desk-indexes.ts). Who
 * decided is shown by name and id; the email kept in the record stays out.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: EventsQuery) {
    const knex = strapi.db.connection;
    const events = strapi.db.metadata.get(EVENT_UID).tableName;
    const comments = strapi.db.metadata.get(COMMENT_UID).tableName;
    const rows = knex(`${events} as e`);
    if (query.comment !== undefined) rows.where('e.comment_document_id', query.comment);
    if (query.actor !== undefined) rows.where('e.actor_id', query.actor);
    if (query.reason !== undefined) rows.where('e.reason', query.reason);
    if (query.from !== undefined) rows.where('e.occurred_at', '>=', query.from);
    if (query.to !== undefined) rows.where('e.occurred_at', '<', query.to);
    const [page, [{ n }], actors] = await Promise.all([
      rows
        .clone()
        .leftJoin(`${comments} as c`, 'c.document_id', 'e.comment_document_id')
        .select(
          'e.id',
          'e.comment_document_id',
          'e.from_status',
          'e.to_status',
          'e.reason',
          'e.note',
          'e.actor_id',
          'e.actor_label',
          'e.occurred_at',
          knex.raw('left(c.body, ?) as excerpt', [EXCERPT_LENGTH]),
        )
        .orderBy([
          { column: 'e.occurred_at', order: 'desc' },
          { column: 'e.id', order: 'desc' },
        ])
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize) as Promise<EventRow[]>,
      rows.clone().count({ n: '*' }) as Promise<{ n: string | number }[]>,
      // The people a moderator can filter by: the admin users (a newsroom has tens of them).
      strapi.db
        .query('admin::user')
        .findMany({ select: ['id', 'firstname', 'lastname'], orderBy: { id: 'asc' }, limit: 500 }),
    ]);
    const total = Number(n);
    return {
      data: page.map((row) => ({
        id: row.id,
        commentDocumentId: row.comment_document_id,
        commentExcerpt: row.excerpt,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        reason: row.reason,
        note: row.note,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        occurredAt: new Date(row.occurred_at).toISOString(),
      })),
      meta: {
        pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
        actors: actors.map((user: { id: number; firstname?: string | null; lastname?: string | null }) => ({
          id: user.id,
          label: [user.firstname, user.lastname].filter(Boolean).join(' ') || `#${user.id}`,
        })),
      },
    };
  },
});
