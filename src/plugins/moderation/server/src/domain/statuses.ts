/**
 * The statuses, reasons and actions of comment moderation (defined once in ./vocabulary.ts),
 * and the sets of them the rest of the policy names.
 */
import type { ModerationStatus } from './vocabulary';

export {
  isModerationAction,
  isModerationStatus,
  isRejectionReason,
  MODERATION_ACTIONS,
  MODERATION_STATUSES,
  type ModerationAction,
  type ModerationStatus,
  REJECTION_REASONS,
  type RejectionReason,
} from './vocabulary';

/** The statuses a public reader may see. Everything else answers 404, like a missing comment. */
export const PUBLIC_STATUSES: readonly ModerationStatus[] = ['approved'];

/** Fields only a moderation transition may write; no other path can set them. */
export const MODERATION_FIELDS = [
  'moderationStatus',
  'rejectionReason',
  'moderationNote',
  'moderatedBy',
  'moderatedAt',
] as const;
