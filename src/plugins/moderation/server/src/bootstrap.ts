import type { Core } from '@strapi/strapi';
import { backfillAuditActors } from './audit-actors';
import { registerModerationDatabaseGuard } from './database-guard';
import { ensureDeskIndexes } from './desk-indexes';
import { registerLocaleRemovalCleanup } from './locale-removal';
import { MODERATION_EVENTS } from './services/transitions';
import { ensureStatsIndexes } from './stats-indexes';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerModerationDatabaseGuard(strapi);
  registerLocaleRemovalCleanup(strapi);
  const webhooks = strapi.get('webhookStore');
  webhooks.addAllowedEvent('COMMENT_APPROVED', MODERATION_EVENTS.approved);
  webhooks.addAllowedEvent('COMMENT_REJECTED', MODERATION_EVENTS.rejected);
  await backfillAuditActors(strapi);
  await ensureDeskIndexes(strapi);
  await strapi.plugin('moderation').service('settings').ensure();
  await ensureStatsIndexes(strapi);
};
