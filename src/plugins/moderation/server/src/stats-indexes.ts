import type { Core } from '@strapi/strapi';
import { EVENT_UID } from './uids';

/**
 * The index of the daily figures' decisions (services/stats.ts `daily`): moderation events by
 * time, carrying the status and the comment, so the last days' decisions are read by an
 * index-only range scan however long the audit trail grows. Idempotent, run at every boot (the
 * first boot after an upgrade builds it once; later ones find it).
 */
export async function ensureStatsIndexes(strapi: Core.Strapi): Promise<void> {
  const events = strapi.db.metadata.get(EVENT_UID).tableName;
  await strapi.db.connection.raw(
    'CREATE INDEX IF NOT EXISTS khabar_moderation_events_occurred_idx ON ?? (occurred_at) INCLUDE (to_status, comment_document_id)',
    [events],
  );
}
