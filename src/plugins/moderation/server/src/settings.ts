/**
 * Screening settings as moderators see them in the admin API, their defaults, and the checks
 * on an update. Pure: the Strapi service maps them to the `moderation-setting` single type.
 */

import { isPlainObject } from '../../../../lib/is-plain-object';
import { AUTO_REJECT_FLAGS, type AutoRejectFlag, autoRejectionReason, type RejectionReason } from './domain/vocabulary';
import { DEFAULT_BLOCKLIST } from './screening/default-blocklist';

export { AUTO_REJECT_FLAGS, type AutoRejectFlag };

export interface ModerationSettings {
  blocklist: string[];
  autoReject: Record<AutoRejectFlag, boolean>;
  relevanceThreshold: number;
  maxLinks: number;
  duplicateWindowMinutes: number;
  rateLimit: { perMinute: number; perHour: number };
}

export const DEFAULT_SETTINGS: ModerationSettings = {
  blocklist: [...DEFAULT_BLOCKLIST],
  autoReject: { not_persian: false, blocklisted: false, off_topic: false, spam: false },
  relevanceThreshold: 0.05,
  maxLinks: 2,
  duplicateWindowMinutes: 60,
  rateLimit: { perMinute: 5, perHour: 30 },
};

export const SETTINGS_LIMITS = {
  blocklistTerms: 5000,
  termLength: 100,
  maxLinks: 100,
  duplicateWindowMinutes: 10080,
  perMinute: 10000,
  perHour: 100000,
} as const;

export interface SettingsError {
  path: string;
  message: { en: string; fa: string };
}

function integerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

const KNOWN_KEYS = ['blocklist', 'autoReject', 'relevanceThreshold', 'maxLinks', 'duplicateWindowMinutes', 'rateLimit'];

/**
 * Applies an update (any subset of the keys) to the current settings. Nothing is applied
 * unless everything is valid, so a bad request changes nothing.
 */
export function applySettingsUpdate(
  current: ModerationSettings,
  update: unknown,
): { ok: true; value: ModerationSettings } | { ok: false; errors: SettingsError[] } {
  if (!isPlainObject(update)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: { en: 'Send the settings as a JSON object.', fa: 'تنظیمات را به شکل یک شیء JSON بفرستید.' },
        },
      ],
    };
  }
  const errors: SettingsError[] = [];
  const next: ModerationSettings = structuredClone(current);

  for (const key of Object.keys(update)) {
    if (!KNOWN_KEYS.includes(key)) {
      errors.push({ path: key, message: { en: `Unknown setting "${key}".`, fa: `تنظیم «${key}» شناخته نیست.` } });
    }
  }

  if ('blocklist' in update) {
    const list = update.blocklist;
    if (
      !Array.isArray(list) ||
      list.length > SETTINGS_LIMITS.blocklistTerms ||
      !list.every(
        (term) => typeof term === 'string' && term.trim() !== '' && term.trim().length <= SETTINGS_LIMITS.termLength,
      )
    ) {
      errors.push({
        path: 'blocklist',
        message: {
          en: `blocklist must be a list of at most ${SETTINGS_LIMITS.blocklistTerms} non-empty terms of up to ${SETTINGS_LIMITS.termLength} characters.`,
          fa: `فهرست واژه‌ها باید حداکثر ${SETTINGS_LIMITS.blocklistTerms} واژهٔ ناتهی با حداکثر ${SETTINGS_LIMITS.termLength} نویسه باشد.`,
        },
      });
    } else {
      next.blocklist = [...new Set((list as string[]).map((term) => term.trim()))];
    }
  }

  if ('autoReject' in update) {
    const autoReject = update.autoReject;
    if (
      !isPlainObject(autoReject) ||
      !Object.entries(autoReject).every(
        ([flag, on]) => (AUTO_REJECT_FLAGS as readonly string[]).includes(flag) && typeof on === 'boolean',
      )
    ) {
      errors.push({
        path: 'autoReject',
        message: {
          en: `autoReject takes true/false for: ${AUTO_REJECT_FLAGS.join(', ')}.`,
          fa: `autoReject برای این موارد true یا false می‌گیرد: ${AUTO_REJECT_FLAGS.join('، ')}.`,
        },
      });
    } else {
      Object.assign(next.autoReject, autoReject);
    }
  }

  if ('relevanceThreshold' in update) {
    const value = update.relevanceThreshold;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      errors.push({
        path: 'relevanceThreshold',
        message: {
          en: 'relevanceThreshold must be a number from 0 to 1.',
          fa: 'relevanceThreshold باید عددی از ۰ تا ۱ باشد.',
        },
      });
    } else {
      next.relevanceThreshold = value;
    }
  }

  const integers = [
    ['maxLinks', SETTINGS_LIMITS.maxLinks],
    ['duplicateWindowMinutes', SETTINGS_LIMITS.duplicateWindowMinutes],
  ] as const;
  for (const [key, max] of integers) {
    if (!(key in update)) continue;
    const value = update[key];
    if (!integerIn(value, 0, max)) {
      errors.push({
        path: key,
        message: {
          en: `${key} must be a whole number from 0 to ${max}.`,
          fa: `${key} باید عددی صحیح از ۰ تا ${max} باشد.`,
        },
      });
    } else {
      next[key] = value;
    }
  }

  if ('rateLimit' in update) {
    const rateLimit = update.rateLimit;
    const valid =
      isPlainObject(rateLimit) &&
      Object.keys(rateLimit).every((key) => key === 'perMinute' || key === 'perHour') &&
      (rateLimit.perMinute === undefined || integerIn(rateLimit.perMinute, 0, SETTINGS_LIMITS.perMinute)) &&
      (rateLimit.perHour === undefined || integerIn(rateLimit.perHour, 0, SETTINGS_LIMITS.perHour));
    if (!valid) {
      errors.push({
        path: 'rateLimit',
        message: {
          en: 'rateLimit takes perMinute and perHour as whole numbers (0 turns a limit off).',
          fa: 'rateLimit مقدارهای perMinute و perHour را به شکل عدد صحیح می‌گیرد (۰ یعنی بدون محدودیت).',
        },
      });
    } else {
      Object.assign(next.rateLimit, rateLimit);
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: next };
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
