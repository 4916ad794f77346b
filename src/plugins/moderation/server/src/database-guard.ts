import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../lib/messages';
import { READER_FIELDS, SYSTEM_FIELDS } from './domain/comment-edits';
import { MODERATION_FIELDS } from './domain/statuses';
import { inModerationScope } from './scope';

const COMMENT_UID = 'api::comment.comment';
const EVENT_UID = 'plugin::moderation.moderation-event';

type Data = Record<string, unknown>;
type Event = { params: { data?: Data | Data[]; where?: unknown } };

const dataOf = (event: Event): Data[] => {
  const data = event.params.data;
  if (!data) return [];
  return Array.isArray(data) ? data : [data];
};

/**
 * The last line of the moderation policy, below every API: database lifecycles fire for
 * REST, the admin panel, the Document Service and even `strapi.db.query`. Outside a
 * moderation transition, a new comment is always pending, a comment's moderation fields and
 * the fields recorded on its arrival cannot change, what the reader wrote changes only while
 * the comment is pending, and the audit trail can only grow through a transition.
 */
export function registerModerationDatabaseGuard(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [COMMENT_UID],
    beforeCreate: bornPending,
    beforeCreateMany: bornPending,
    async beforeUpdate(event: Event) {
      refuseModerationWrites(event);
      await refuseEditsOfReviewedComments(strapi, event);
    },
    async beforeUpdateMany(event: Event) {
      refuseModerationWrites(event);
      await refuseEditsOfReviewedComments(strapi, event);
    },
  });

  strapi.db.lifecycles.subscribe({
    models: [EVENT_UID],
    beforeCreate: refuseAuditWriteOutsideTransition,
    beforeCreateMany: refuseAuditWriteOutsideTransition,
    beforeUpdate: refuseAuditWrite,
    beforeUpdateMany: refuseAuditWrite,
    beforeDelete: refuseAuditWrite,
    beforeDeleteMany: refuseAuditWrite,
  });
}

/** Outside a transition, a new comment is pending and carries no moderation fields. */
function bornPending(event: Event) {
  if (inModerationScope()) return;
  for (const data of dataOf(event)) {
    for (const field of MODERATION_FIELDS) delete data[field];
    data.moderationStatus = 'pending';
  }
}

function refuseAuditWrite(): never {
  throw localizedError('forbidden', 'audit_read_only');
}

function refuseAuditWriteOutsideTransition() {
  if (!inModerationScope()) refuseAuditWrite();
}

function refuseModerationWrites(event: Event) {
  if (inModerationScope()) return;
  for (const data of dataOf(event)) {
    if (MODERATION_FIELDS.some((field) => field in data)) {
      throw localizedError('forbidden', 'moderation_forbidden');
    }
    const systemField = SYSTEM_FIELDS.find((field) => field in data);
    if (systemField) throw localizedError('forbidden', 'comment_system_field', { name: systemField });
  }
}

/** What the reader wrote changes only while the comment awaits review. */
async function refuseEditsOfReviewedComments(strapi: Core.Strapi, event: Event) {
  if (inModerationScope()) return;
  if (!dataOf(event).some((data) => READER_FIELDS.some((field) => field in data))) return;
  const reviewed = await strapi.db.query(COMMENT_UID).count({
    where: { $and: [event.params.where ?? {}, { moderationStatus: { $ne: 'pending' } }] },
  });
  if (reviewed > 0) throw localizedError('validation', 'comment_edit_needs_pending');
}
