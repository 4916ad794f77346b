/**
 * The one vocabulary of comment moderation: statuses, rejection reasons, screening flags, which
 * reason a flag suggests and which setting lets it reject automatically, their labels in Persian
 * and English, and the limits of what readers and moderators send. The schemas, validation,
 * messages and docs read these tables or are checked against them by tests
 * (tests/unit/moderation/vocabulary.test.ts): adding a reason or a flag touches one table and its
 * translation.
 */

export interface Label {
  fa: string;
  en: string;
}

/** A comment is born `pending`; only a moderator's approval makes it public. */
export const MODERATION_STATUS_LABELS = {
  pending: { fa: 'در انتظار بررسی', en: 'Pending' },
  approved: { fa: 'تأییدشده', en: 'Approved' },
  rejected: { fa: 'ردشده', en: 'Rejected' },
} as const satisfies Record<string, Label>;
export type ModerationStatus = keyof typeof MODERATION_STATUS_LABELS;
export const MODERATION_STATUSES = Object.keys(MODERATION_STATUS_LABELS) as readonly ModerationStatus[];

export const REJECTION_REASON_LABELS = {
  slander: { fa: 'تهمت یا افترا', en: 'Slander or accusation' },
  not_persian: { fa: 'به زبان فارسی نیست', en: 'Not in Persian' },
  off_topic: { fa: 'نامرتبط با خبر', en: 'Off topic' },
  spam: { fa: 'هرزنامه', en: 'Spam' },
  other: { fa: 'دلیل دیگر', en: 'Other' },
} as const satisfies Record<string, Label>;
export type RejectionReason = keyof typeof REJECTION_REASON_LABELS;
export const REJECTION_REASONS = Object.keys(REJECTION_REASON_LABELS) as readonly RejectionReason[];

/**
 * When several raised flags suggest different reasons, the strongest wins: an accusation matters
 * more than a link, a link more than the language.
 */
export const REASON_PRIORITY: readonly RejectionReason[] = ['slander', 'spam', 'not_persian', 'off_topic', 'other'];

/**
 * Every screening flag, in the order screening reports them: what it means, the rejection reason
 * it suggests to a moderator (null: it only informs), and the setting of `autoReject` that lets
 * it reject automatically (null: it never rejects by itself).
 * - `bidi_control` suggests `other` only for an override (LRO/RLO), which makes reversed text read
 *   as a normal word; the marks Persian keyboards insert suggest nothing (see screening/screen.ts).
 * - `copied_text` (the same text from another reader) never rejects: were it auto-rejected, the
 *   public counts would tell anyone whether a guessed text waits in the queue.
 */
export const SCREENING_FLAG_RULES = {
  not_persian: {
    reason: 'not_persian',
    autoReject: 'not_persian',
    label: { fa: 'غیرفارسی', en: 'Not Persian' },
  },
  blocklisted: {
    reason: 'slander',
    autoReject: 'blocklisted',
    label: { fa: 'واژهٔ ممنوع', en: 'Blocklisted word' },
  },
  off_topic: {
    reason: 'off_topic',
    autoReject: 'off_topic',
    label: { fa: 'نامرتبط', en: 'Off topic' },
  },
  spam: {
    reason: 'spam',
    autoReject: 'spam',
    label: { fa: 'هرزنامه', en: 'Spam' },
  },
  bidi_control: {
    reason: 'other',
    autoReject: null,
    label: { fa: 'نویسهٔ کنترل جهت', en: 'Direction control characters' },
  },
  duplicate: {
    reason: 'spam',
    autoReject: 'spam',
    label: { fa: 'تکراری از همان فرستنده', en: 'Repeated by the same sender' },
  },
  copied_text: {
    reason: null,
    autoReject: null,
    label: { fa: 'متن همسان با نظر خوانندهٔ دیگر', en: 'Same text as another reader' },
  },
  too_many_links: {
    reason: 'spam',
    autoReject: 'spam',
    label: { fa: 'پیوندهای زیاد', en: 'Too many links' },
  },
} as const satisfies Record<string, { reason: RejectionReason | null; autoReject: string | null; label: Label }>;

export type ScreeningFlag = keyof typeof SCREENING_FLAG_RULES;
/** Flags are always reported in this order. */
export const SCREENING_FLAGS = Object.keys(SCREENING_FLAG_RULES) as readonly ScreeningFlag[];

type AutoRejectOf<F extends ScreeningFlag> = (typeof SCREENING_FLAG_RULES)[F]['autoReject'];
/** The keys of the `autoReject` setting: each turns automatic rejection on for its flags. */
export type AutoRejectFlag = Exclude<AutoRejectOf<ScreeningFlag>, null>;
export const AUTO_REJECT_FLAGS = [
  ...new Set(SCREENING_FLAGS.map((flag) => SCREENING_FLAG_RULES[flag].autoReject).filter((key) => key !== null)),
] as readonly AutoRejectFlag[];

/** The strongest reason among the given ones (REASON_PRIORITY), or null when none is given. */
export function strongestReason(reasons: Iterable<RejectionReason | null>): RejectionReason | null {
  let best: RejectionReason | null = null;
  for (const reason of reasons) {
    if (reason !== null && (best === null || REASON_PRIORITY.indexOf(reason) < REASON_PRIORITY.indexOf(best))) {
      best = reason;
    }
  }
  return best;
}

/** The reason the raised flags suggest to a moderator. */
export function suggestedReason(flags: Iterable<ScreeningFlag>): RejectionReason | null {
  return strongestReason([...flags].map((flag) => SCREENING_FLAG_RULES[flag].reason));
}

/**
 * Which reason the raised flags reject with automatically under the given `autoReject` setting.
 * Never an approval: the best screening can do for a comment is leave it pending.
 */
export function autoRejectionReason(
  flags: Iterable<string>,
  autoReject: Readonly<Record<AutoRejectFlag, boolean>>,
): RejectionReason | null {
  const reasons: (RejectionReason | null)[] = [];
  for (const flag of flags) {
    if (!isScreeningFlag(flag)) continue;
    const rule: { reason: RejectionReason | null; autoReject: AutoRejectFlag | null } = SCREENING_FLAG_RULES[flag];
    if (rule.autoReject !== null && autoReject[rule.autoReject]) reasons.push(rule.reason);
  }
  return strongestReason(reasons);
}

export const MODERATION_ACTION_LABELS = {
  approve: { fa: 'تأیید', en: 'Approve' },
  reject: { fa: 'رد', en: 'Reject' },
  reopen: { fa: 'بازگرداندن به صف بررسی', en: 'Reopen' },
} as const satisfies Record<string, Label>;
export type ModerationAction = keyof typeof MODERATION_ACTION_LABELS;
export const MODERATION_ACTIONS = Object.keys(MODERATION_ACTION_LABELS) as readonly ModerationAction[];

/** A reader's reaction to a published comment (one per reader per comment; a new one replaces it). */
export const REACTION_KIND_LABELS = {
  agree: { fa: 'موافقم', en: 'Agree' },
  disagree: { fa: 'مخالفم', en: 'Disagree' },
} as const satisfies Record<string, Label>;
export type ReactionKind = keyof typeof REACTION_KIND_LABELS;
export const REACTION_KINDS = Object.keys(REACTION_KIND_LABELS) as readonly ReactionKind[];

/** Why a reader reports a published comment (one report per reader per comment). */
export const REPORT_REASON_LABELS = {
  slander: { fa: 'تهمت یا افترا', en: 'Slander or accusation' },
  spam: { fa: 'هرزنامه', en: 'Spam' },
  off_topic: { fa: 'نامرتبط با خبر', en: 'Off topic' },
  other: { fa: 'دلیل دیگر', en: 'Other' },
} as const satisfies Record<string, Label>;
export type ReportReason = keyof typeof REPORT_REASON_LABELS;
export const REPORT_REASONS = Object.keys(REPORT_REASON_LABELS) as readonly ReportReason[];

/** What became of a report: open until a moderator dismisses it or rejects the comment. */
export const REPORT_RESOLUTION_LABELS = {
  dismissed: { fa: 'نادیده گرفته شد', en: 'Dismissed' },
  rejected: { fa: 'نظر رد شد', en: 'Comment rejected' },
} as const satisfies Record<string, Label>;
export type ReportResolution = keyof typeof REPORT_RESOLUTION_LABELS;

/**
 * Limits of what readers and moderators send. The comment schema's column limits
 * (src/api/comment/content-types/comment/schema.json) are checked against these by a test.
 */
export const LIMITS = {
  /** A comment, in characters as the reader sees them (an emoji is one). */
  commentBodyMin: 2,
  commentBodyMax: 3000,
  authorNameMax: 80,
  authorEmailMax: 254,
  // What the columns hold, in UTF-16 units: a visible character can take many (a family emoji
  // takes 11), so text within the visible limits can still be too long to store.
  commentBodyStoredMax: 30000,
  authorNameStoredMax: 255,
  /** A moderator's note on a decision. */
  moderationNoteMax: 2000,
  /** Comments one bulk action may move. */
  bulkMax: 500,
  /** Comments one page of the moderation queue may hold. */
  queuePageSizeMax: 200,
  queuePageSizeDefault: 50,
  queuePageMax: 1_000_000,
  /**
   * A filtered queue list counts its matches up to this many: a search for a common word must
   * not count a million rows to print a total (each match is rechecked against its text: about
   * 0.17 ms a row measured on 300,000 comments). Beyond it the total says "at least".
   */
  filteredCountMax: 1000,
  /** Articles one page of /moderation/stats may hold. */
  statsPageSizeMax: 200,
  statsPageSizeDefault: 50,
  /** A text tried against the screening rules. */
  screenTextMax: 20000,
  /** A reader's note on a report. */
  reportNoteMax: 500,
  /** Earlier comments of the same author a moderator sees in full. */
  historyRecentMax: 5,
  /** Days the daily moderation figures (GET /moderation/stats/daily) may cover, and their default. */
  dailyStatsDaysMax: 90,
  dailyStatsDaysDefault: 14,
} as const;

/**
 * Rate limits per client address of the readers' light actions (reactions, reports), on the
 * comment limiter with budgets of their own, so agreeing with ten comments does not use up the
 * budget for writing one. The environment may fix them (REACTION_RATE_LIMIT_PER_MINUTE…).
 */
export const READER_ACTION_RATE_LIMITS = {
  reactions: { perMinute: 60, perHour: 600 },
  reports: { perMinute: 10, perHour: 60 },
} as const;

/** What `/moderation/stats` can order its articles by: one counter, the most first. */
export const STATS_SORTS = ['pending', 'approved', 'rejected', 'total'] as const;

/** Limits of the screening settings moderators edit (the settings schema is checked against them). */
export const SETTINGS_LIMITS = {
  blocklistTerms: 5000,
  termLength: 100,
  maxLinks: 100,
  duplicateWindowMinutes: 10080,
  perMinute: 10000,
  perHour: 100000,
  closeCommentsAfterDays: 3650,
  reportThreshold: 1000,
} as const;

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isModerationStatus = isOneOf(MODERATION_STATUSES);
export const isRejectionReason = isOneOf(REJECTION_REASONS);
export const isModerationAction = isOneOf(MODERATION_ACTIONS);
export const isScreeningFlag = isOneOf(SCREENING_FLAGS);
export const isReactionKind = isOneOf(REACTION_KINDS);
export const isReportReason = isOneOf(REPORT_REASONS);
