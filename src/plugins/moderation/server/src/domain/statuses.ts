/**
 * The one vocabulary of comment moderation, shared by the schema, the API and the admin UI.
 * A comment is born `pending`; only a moderator's approval makes it public.
 */
export const MODERATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** The statuses a public reader may see. Everything else answers 404, like a missing comment. */
export const PUBLIC_STATUSES: readonly ModerationStatus[] = ['approved'];

export const REJECTION_REASONS = ['slander', 'not_persian', 'off_topic', 'spam', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const MODERATION_ACTIONS = ['approve', 'reject', 'reopen'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Fields only a moderation transition may write; no other path can set them. */
export const MODERATION_FIELDS = [
  'moderationStatus',
  'rejectionReason',
  'moderationNote',
  'moderatedBy',
  'moderatedAt',
] as const;

export const isModerationStatus = (value: unknown): value is ModerationStatus =>
  typeof value === 'string' && (MODERATION_STATUSES as readonly string[]).includes(value);
export const isRejectionReason = (value: unknown): value is RejectionReason =>
  typeof value === 'string' && (REJECTION_REASONS as readonly string[]).includes(value);
export const isModerationAction = (value: unknown): value is ModerationAction =>
  typeof value === 'string' && (MODERATION_ACTIONS as readonly string[]).includes(value);
