import { z } from '@strapi/utils';
import { localizedError, type MessageCode } from '../../../../../lib/messages';
import { SEARCH_MAX_CHARACTERS, SEARCH_MIN_CHARACTERS, searchKey } from '../domain/search-key';
import {
  isRejectionReason,
  LIMITS,
  MODERATION_ACTIONS,
  MODERATION_STATUSES,
  type ModerationAction,
  REJECTION_REASONS,
  SCREENING_FLAGS,
  STATS_SORTS,
} from '../domain/vocabulary';

/**
 * The bodies and queries of the moderation admin API, as zod schemas (Strapi's own copy of zod,
 * from @strapi/utils). A refused request answers 400 with the code of its first bad field and
 * a message in Persian and English; nothing is read that the schema does not name.
 */

/** A number in the query string: digits only, so `1e3`, `0x10` or ` 5` are refused. */
const queryInteger = (max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/**
 * A day or an instant in the query string: `2026-11-30` (the start of that day, UTC) or a full
 * ISO timestamp. Anything `Date` would guess at (`yesterday`, `11/30`) is refused.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DAY = 24 * 60 * 60 * 1000;
const instant = (endOfDay: boolean) =>
  z
    .string()
    .regex(INSTANT)
    .transform((text) =>
      text.length === 10 ? new Date(Date.parse(`${text}T00:00:00Z`) + (endOfDay ? DAY : 0)) : new Date(text),
    )
    .refine((date) => !Number.isNaN(date.getTime()));
/** `from`: at or after; `to`: before (a day given as `to` counts whole). */
const queryInstant = instant(false);
const queryEnd = instant(true);

/**
 * A search in comment text: its search key (../domain/search-key.ts), long enough for the
 * trigram index to narrow the rows (a shorter one would read them all).
 */
const querySearch = z
  .string()
  .max(SEARCH_MAX_CHARACTERS)
  .transform((text) => searchKey(text).replace(/\s+/gu, ' ').trim())
  .refine((key) => key.replace(/ /g, '').length >= SEARCH_MIN_CHARACTERS);

/** `from` must not come after `to`. */
const inOrder = (query: { from?: Date; to?: Date }) => !query.from || !query.to || query.from < query.to;

export const queueQuery = z
  .object({
    moderationStatus: z.enum(MODERATION_STATUSES).optional(),
    article: z.string().min(1).optional(),
    sort: z.enum(['createdAt:asc', 'createdAt:desc']).default('createdAt:asc'),
    page: queryInteger(LIMITS.queuePageMax).default(1),
    pageSize: queryInteger(LIMITS.queuePageSizeMax).default(LIMITS.queuePageSizeDefault),
    /** A screening flag the comment was raised. */
    flag: z.enum(SCREENING_FLAGS).optional(),
    /** The reason a comment was rejected with. */
    reason: z.enum(REJECTION_REASONS).optional(),
    /** Received at or after / before. */
    from: queryInstant.optional(),
    to: queryEnd.optional(),
    q: querySearch.optional(),
    /** `true`: only comments with open reports, most reported first (the sort is then ignored). */
    reported: z.enum(['true', 'false']).optional(),
  })
  .refine(inOrder, { path: ['from'] });
export type QueueQuery = z.infer<typeof queueQuery>;

/** The audit trail, newest first, filtered by comment, moderator, reason or date. */
export const eventsQuery = z
  .object({
    comment: z.string().min(1).max(64).optional(),
    actor: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number)
      .optional(),
    reason: z.enum(REJECTION_REASONS).optional(),
    from: queryInstant.optional(),
    to: queryEnd.optional(),
    page: queryInteger(LIMITS.queuePageMax).default(1),
    pageSize: queryInteger(LIMITS.queuePageSizeMax).default(LIMITS.queuePageSizeDefault),
  })
  .refine(inOrder, { path: ['from'] });
export type EventsQuery = z.infer<typeof eventsQuery>;

/** Whether the name is an IANA time zone Node knows (Asia/Tehran, UTC ...). */
function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** GET /moderation/stats/daily: how many days back, and the time zone whose days they are. */
export const dailyStatsQuery = z.object({
  days: queryInteger(LIMITS.dailyStatsDaysMax).default(LIMITS.dailyStatsDaysDefault),
  timeZone: z.string().max(64).refine(isTimeZone).default('UTC'),
});
export type DailyStatsQuery = z.infer<typeof dailyStatsQuery>;
/** `/moderation/stats`: one page of articles, the most of one counter first, or one article. */
export const statsQuery = z.object({
  article: z.string().min(1).optional(),
  sort: z.enum(STATS_SORTS).default('pending'),
  page: queryInteger(LIMITS.queuePageMax).default(1),
  pageSize: queryInteger(LIMITS.statsPageSizeMax).default(LIMITS.statsPageSizeDefault),
});
export type StatsQuery = z.infer<typeof statsQuery>;

/** An absent or empty note is none; a note is kept trimmed. */
const note = z
  .string()
  .max(LIMITS.moderationNoteMax)
  .nullish()
  .transform((text) => text?.trim() || null);

/**
 * The reason of a decision: required and known when rejecting; for the other actions it is
 * passed on as sent, and the transition refuses a non-empty one (moderation_reason_not_allowed).
 */
const reasonFor = (action: ModerationAction) =>
  action === 'reject' ? z.unknown().refine(isRejectionReason) : z.unknown().optional();

export const decisionBody = (action: ModerationAction) => z.object({ reason: reasonFor(action), note });

export const bulkTarget = z.object({
  action: z.enum(MODERATION_ACTIONS),
  documentIds: z.array(z.string().min(1)).min(1).max(LIMITS.bulkMax),
});

export const screenBody = z.object({
  text: z
    .string()
    .max(LIMITS.screenTextMax)
    .refine((text) => text.trim() !== ''),
  article: z.string().nullish(),
});

/** The message of a refused field. Query and screening fields share one, naming the field. */
const FIELD_CODES: Record<string, MessageCode> = {
  action: 'moderation_bad_action',
  documentIds: 'moderation_bad_ids',
  reason: 'moderation_reason_required',
  note: 'moderation_bad_note',
};

/**
 * Parses `input` with `schema`, or throws the 400 of its first bad field. A query string's
 * fields all answer `moderation_bad_query` naming the parameter (a bad `reason` filter is not a
 * missing rejection reason).
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: 'body' | 'query' = 'body',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const name = String(result.error.issues[0]?.path[0] ?? '');
  const code = source === 'body' ? FIELD_CODES[name] : undefined;
  throw code ? localizedError('validation', code) : localizedError('validation', 'moderation_bad_query', { name });
}

/** A request body as an object: anything else (a list, a string, nothing) reads as `{}`. */
export const objectBody = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
