import { isRejectionReason } from './statuses';

/**
 * What the content manager's comment form must not send, checked in the browser before Save.
 * The server refuses the same (with `details.errors` on the field), but Strapi's edit view
 * puts the stored values back into the form after any refused save, so a moderator who chose
 * "rejected" and forgot the reason would find the status silently reset. Refusing here keeps
 * the form as the moderator left it. Pure, shared by the admin panel and its tests.
 */
export type CommentFormIssue = {
  field: 'rejectionReason' | 'moderationNote';
  code: 'moderation_reason_required' | 'moderation_fields_need_transition';
};

interface CommentFormValues {
  moderationStatus?: unknown;
  rejectionReason?: unknown;
  moderationNote?: unknown;
}

const blankToNull = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));

export function commentFormIssue(values: CommentFormValues, stored: CommentFormValues): CommentFormIssue | null {
  const statusChanges = values.moderationStatus !== stored.moderationStatus;
  if (statusChanges && values.moderationStatus === 'rejected' && !isRejectionReason(values.rejectionReason)) {
    return { field: 'rejectionReason', code: 'moderation_reason_required' };
  }
  if (!statusChanges) {
    // The reason and note are recorded with a transition (the server says the same).
    if (blankToNull(values.rejectionReason) !== blankToNull(stored.rejectionReason)) {
      return { field: 'rejectionReason', code: 'moderation_fields_need_transition' };
    }
    if (blankToNull(values.moderationNote) !== blankToNull(stored.moderationNote)) {
      return { field: 'moderationNote', code: 'moderation_fields_need_transition' };
    }
  }
  return null;
}
