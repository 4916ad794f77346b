import type { Core } from '@strapi/strapi';
import {
  applySettingsUpdate,
  DEFAULT_SETTINGS,
  type ModerationSettings,
  type SettingsRow,
  settingsFromRow,
  settingsToRow,
} from '../settings';

const UID = 'plugin::moderation.moderation-setting';

/**
 * The screening settings, read from the single type on every use so an edit in the admin
 * panel or through PUT /moderation/settings applies to the next comment without a restart.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(): Promise<ModerationSettings> {
    const row: SettingsRow | null = await strapi.db.query(UID).findOne({});
    return settingsFromRow(row);
  },

  /**
   * The same settings for public reads (an article's `commentsOpen`), which
   * src/bootstrap/shared-caches.ts answers from memory while PostgreSQL notifies no change.
   * Decisions on a submission (screening, rate limits, closing) use `get`: a change made on
   * another instance applies to its very next comment, with no notification to wait for.
   */
  async getForPublicReads(): Promise<ModerationSettings> {
    return this.get();
  },

  /** Creates the settings row with the defaults when there is none (first boot). */
  async ensure(): Promise<void> {
    const existing = await strapi.db.query(UID).findOne({ select: ['id'] });
    if (!existing) {
      await strapi.documents(UID).create({ data: settingsToRow(DEFAULT_SETTINGS) as never });
    }
  },

  async update(update: unknown) {
    const current = await this.get();
    const result = applySettingsUpdate(current, update);
    if (!result.ok) return result;
    const existing = await strapi.db.query(UID).findOne({ select: ['documentId'] });
    if (existing) {
      await strapi
        .documents(UID)
        .update({ documentId: existing.documentId, data: settingsToRow(result.value) as never });
    } else {
      await strapi.documents(UID).create({ data: settingsToRow(result.value) as never });
    }
    return result;
  },
});
