import type { AutoRejectFlag } from '../../../../server/src/domain/vocabulary';

/** The settings as GET/PUT /moderation/settings carry them. */
export interface ModerationSettings {
  blocklist: string[];
  autoReject: Record<AutoRejectFlag, boolean>;
  relevanceThreshold: number;
  maxLinks: number;
  duplicateWindowMinutes: number;
  rateLimit: { perMinute: number; perHour: number };
  /** Days after publication when comments close (null: never; issue #14). */
  closeCommentsAfterDays: number | null;
  /** Open reports that move a published comment back to pending (null: off; issue #14). */
  reportThreshold: number | null;
}

/** What the environment fixes on this server (null: the setting applies). */
export interface SettingsMeta {
  environment?: { rateLimit?: { perMinute: number | null; perHour: number | null } };
}

/** The number fields of the form, kept as the text typed so a half-typed "0." stays on screen. */
export type NumberField =
  | 'relevanceThreshold'
  | 'maxLinks'
  | 'duplicateWindowMinutes'
  | 'perMinute'
  | 'perHour'
  | 'closeCommentsAfterDays'
  | 'reportThreshold';

export interface SettingsDraft {
  blocklist: string[];
  autoReject: Record<AutoRejectFlag, boolean>;
  numbers: Record<NumberField, string>;
}

export function draftOf(settings: ModerationSettings): SettingsDraft {
  return {
    blocklist: [...settings.blocklist],
    autoReject: { ...settings.autoReject },
    numbers: {
      relevanceThreshold: String(settings.relevanceThreshold),
      maxLinks: String(settings.maxLinks),
      duplicateWindowMinutes: String(settings.duplicateWindowMinutes),
      perMinute: String(settings.rateLimit.perMinute),
      perHour: String(settings.rateLimit.perHour),
      closeCommentsAfterDays: settings.closeCommentsAfterDays === null ? '' : String(settings.closeCommentsAfterDays),
      reportThreshold: settings.reportThreshold === null ? '' : String(settings.reportThreshold),
    },
  };
}

/**
 * A number as typed, Persian or Arabic-Indic digits and the Persian decimal separator included.
 * Text that is no number is sent as it is, so the server refuses it with its own message.
 */
export function parseTypedNumber(text: string): number | string {
  const ascii = text
    .trim()
    .replace(/[\u06F0-\u06F9\u0660-\u0669]/gu, (digit) => String(digit.charCodeAt(0) & 0xf))
    .replace(/[\u066B\u060C]/gu, '.');
  return ascii !== '' && /^-?\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : text;
}

/** An optional setting: an empty field is none (null). */
const optionalNumber = (text: string) => (text.trim() === '' ? null : parseTypedNumber(text));

/** The body of PUT /moderation/settings: every field, so what the page shows is what is stored. */
export function requestOf(draft: SettingsDraft) {
  const n = draft.numbers;
  return {
    blocklist: draft.blocklist,
    autoReject: draft.autoReject,
    relevanceThreshold: parseTypedNumber(n.relevanceThreshold),
    maxLinks: parseTypedNumber(n.maxLinks),
    duplicateWindowMinutes: parseTypedNumber(n.duplicateWindowMinutes),
    rateLimit: { perMinute: parseTypedNumber(n.perMinute), perHour: parseTypedNumber(n.perHour) },
    closeCommentsAfterDays: optionalNumber(n.closeCommentsAfterDays),
    reportThreshold: optionalNumber(n.reportThreshold),
  };
}

export const sameDraft = (a: SettingsDraft, b: SettingsDraft) => JSON.stringify(a) === JSON.stringify(b);
