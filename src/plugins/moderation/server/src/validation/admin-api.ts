import { z } from '@strapi/utils';
import { localizedError, type MessageCode } from '../../../../../lib/messages';
import {
  isRejectionReason,
  LIMITS,
  MODERATION_ACTIONS,
  MODERATION_STATUSES,
  type ModerationAction,
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

export const queueQuery = z.object({
  moderationStatus: z.enum(MODERATION_STATUSES).optional(),
  article: z.string().min(1).optional(),
  sort: z.enum(['createdAt:asc', 'createdAt:desc']).default('createdAt:asc'),
  page: queryInteger(LIMITS.queuePageMax).default(1),
  pageSize: queryInteger(LIMITS.queuePageSizeMax).default(LIMITS.queuePageSizeDefault),
});
export type QueueQuery = z.infer<typeof queueQuery>;

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

/** Parses `input` with `schema`, or throws the 400 of its first bad field. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const name = String(result.error.issues[0]?.path[0] ?? '');
  const code = FIELD_CODES[name];
  throw code ? localizedError('validation', code) : localizedError('validation', 'moderation_bad_query', { name });
}

/** A request body as an object: anything else (a list, a string, nothing) reads as `{}`. */
export const objectBody = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
