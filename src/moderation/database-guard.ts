import type { Core } from '@strapi/strapi';
import { localizedError } from '../lib/messages';
import { MODERATION_FIELDS } from './policy/statuses';
import { inModerationScope } from './scope';

const COMMENT_UID = 'api::comment.comment';
const EVENT_UID = 'api::moderation-event.moderation-event';

type Data = Record<string, unknown>;
type Event = { params: { data?: Data | Data[] } };

const dataOf = (event: Event): Data[] => {
  const data = event.params.data;
  if (!data) return [];
  return Array.isArray(data) ? data : [data];
};

/**
 * The last line of the moderation policy, below every API: database lifecycles fire for
 * REST, the admin panel, the Document Service and even `strapi.db.query`. Outside a
 * moderation transition, a new comment is always pending, a comment's moderation fields
 * cannot change, and the audit trail can only grow through a transition.
 */
export function registerModerationDatabaseGuard(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [COMMENT_UID],
    beforeCreate: bornPending,
    beforeCreateMany: bornPending,
    beforeUpdate(event: Event) {
      refuseModerationWrites(event);
    },
    beforeUpdateMany(event: Event) {
      refuseModerationWrites(event);
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
  }
}
