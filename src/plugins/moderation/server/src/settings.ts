/**
 * Screening settings as moderators see them in the admin API, their defaults, and the checks
 * on an update. Pure: the Strapi service maps them to the `moderation-setting` single type.
 */

import {
  AUTO_REJECT_FLAGS,
  type AutoRejectFlag,
  autoRejectionReason,
  type RejectionReason,
  SETTINGS_LIMITS,
} from './domain/vocabulary';
import { DEFAULT_BLOCKLIST } from './screening/default-blocklist';
import { checkSettingsUpdate } from './validation/settings';

export { AUTO_REJECT_FLAGS, type AutoRejectFlag };

export interface ModerationSettings {
  blocklist: string[];
  autoReject: Record<AutoRejectFlag, boolean>;
  relevanceThreshold: number;
  maxLinks: number;
  duplicateWindowMinutes: number;
  rateLimit: { perMinute: number; perHour: number };
  /** Days after publication when an article stops taking comments; null: never. */
  closeCommentsAfterDays: number | null;
  /** Open reports by distinct readers that move an approved comment back to pending; null: off. */
  reportThreshold: number | null;
}

export const DEFAULT_SETTINGS: ModerationSettings = {
  blocklist: [...DEFAULT_BLOCKLIST],
  autoReject: { not_persian: false, blocklisted: false, off_topic: false, spam: false },
  relevanceThreshold: 0.1,
  maxLinks: 2,
  duplicateWindowMinutes: 60,
  rateLimit: { perMinute: 5, perHour: 30 },
  closeCommentsAfterDays: null,
  reportThreshold: null,
};

export { SETTINGS_LIMITS };

export interface SettingsError {
  path: string;
  message: { en: string; fa: string };
}

/**
 * Applies an update (any subset of the keys) to the current settings. Nothing is applied
 * unless everything is valid, so a bad request changes nothing.
 */
export function applySettingsUpdate(
  current: ModerationSettings,
  update: unknown,
): { ok: true; value: ModerationSettings } | { ok: false; errors: SettingsError[] } {
  const checked = checkSettingsUpdate(update);
  if (!checked.ok) return checked;
  const next: ModerationSettings = structuredClone(current);
  const { blocklist, autoReject, rateLimit, ...numbers } = checked.value;
  if (blocklist) next.blocklist = [...new Set(blocklist.map((term) => term.trim()))];
  if (autoReject) Object.assign(next.autoReject, autoReject);
  if (rateLimit) Object.assign(next.rateLimit, rateLimit);
  Object.assign(next, numbers);
  return { ok: true, value: next };
}

/** Row of the `moderation-setting` single type ⇄ API shape. The word list is one term a line. */
export interface SettingsRow {
  blocklist?: string | null;
  autoRejectNotPersian?: boolean | null;
  autoRejectBlocklisted?: boolean | null;
  autoRejectOffTopic?: boolean | null;
  autoRejectSpam?: boolean | null;
  relevanceThreshold?: number | string | null;
  maxLinks?: number | null;
  duplicateWindowMinutes?: number | null;
  rateLimitPerMinute?: number | null;
  rateLimitPerHour?: number | null;
  closeCommentsAfterDays?: number | null;
  reportThreshold?: number | null;
}

export function settingsFromRow(row: SettingsRow | null | undefined): ModerationSettings {
  if (!row) return structuredClone(DEFAULT_SETTINGS);
  const d = DEFAULT_SETTINGS;
  return {
    blocklist:
      typeof row.blocklist === 'string'
        ? [
            ...new Set(
              row.blocklist
                .split(/\r?\n/)
                .map((term) => term.trim())
                .filter(Boolean),
            ),
          ]
        : [...d.blocklist],
    autoReject: {
      not_persian: row.autoRejectNotPersian ?? d.autoReject.not_persian,
      blocklisted: row.autoRejectBlocklisted ?? d.autoReject.blocklisted,
      off_topic: row.autoRejectOffTopic ?? d.autoReject.off_topic,
      spam: row.autoRejectSpam ?? d.autoReject.spam,
    },
    relevanceThreshold:
      row.relevanceThreshold === null || row.relevanceThreshold === undefined
        ? d.relevanceThreshold
        : Number(row.relevanceThreshold),
    maxLinks: row.maxLinks ?? d.maxLinks,
    duplicateWindowMinutes: row.duplicateWindowMinutes ?? d.duplicateWindowMinutes,
    rateLimit: {
      perMinute: row.rateLimitPerMinute ?? d.rateLimit.perMinute,
      perHour: row.rateLimitPerHour ?? d.rateLimit.perHour,
    },
    closeCommentsAfterDays: row.closeCommentsAfterDays ?? d.closeCommentsAfterDays,
    reportThreshold: row.reportThreshold ?? d.reportThreshold,
  };
}

export function settingsToRow(settings: ModerationSettings): Required<SettingsRow> {
  return {
    blocklist: settings.blocklist.join('\n'),
    autoRejectNotPersian: settings.autoReject.not_persian,
    autoRejectBlocklisted: settings.autoReject.blocklisted,
    autoRejectOffTopic: settings.autoReject.off_topic,
    autoRejectSpam: settings.autoReject.spam,
    relevanceThreshold: settings.relevanceThreshold,
    maxLinks: settings.maxLinks,
    duplicateWindowMinutes: settings.duplicateWindowMinutes,
    rateLimitPerMinute: settings.rateLimit.perMinute,
    rateLimitPerHour: settings.rateLimit.perHour,
    closeCommentsAfterDays: settings.closeCommentsAfterDays,
    reportThreshold: settings.reportThreshold,
  };
}

/**
 * Which flags of a screening lead to an automatic rejection, and with what reason. Never an
 * approval: the best screening can do for a comment is leave it pending.
 */
export function autoRejection(
  flags: readonly string[],
  autoReject: ModerationSettings['autoReject'],
): RejectionReason | null {
  return autoRejectionReason(flags, autoReject);
}
