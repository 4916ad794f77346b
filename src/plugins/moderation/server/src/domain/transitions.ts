import type { ModerationAction, ModerationStatus, RejectionReason } from './statuses';
import { isRejectionReason } from './statuses';

/**
 * The state machine of a comment. Every change of status goes through `planTransition`:
 *
 *   pending  --approve--> approved      pending  --reject--> rejected
 *   rejected --approve--> approved      approved --reject--> rejected
 *   approved/rejected --reopen--> pending
 *
 * An action that would leave the status as it is (approving an approved comment, reopening
 * a pending one, rejecting a rejected one) is a conflict, not a silent no-op: two moderators
 * acting on the same comment learn that the other was first, and the audit trail holds one
 * record per effective change.
 */
export const ACTION_TARGET: Record<ModerationAction, ModerationStatus> = {
  approve: 'approved',
  reject: 'rejected',
  reopen: 'pending',
};

export type TransitionPlan =
  | { ok: true; from: ModerationStatus; to: ModerationStatus; rejectionReason: RejectionReason | null }
  | { ok: false; error: 'already_in_status' | 'reason_required' | 'reason_not_allowed'; from: ModerationStatus };

export function planTransition(from: ModerationStatus, action: ModerationAction, reason?: unknown): TransitionPlan {
  const to = ACTION_TARGET[action];
  if (from === to) return { ok: false, error: 'already_in_status', from };
  if (to === 'rejected') {
    if (!isRejectionReason(reason)) return { ok: false, error: 'reason_required', from };
    return { ok: true, from, to, rejectionReason: reason };
  }
  if (reason !== undefined && reason !== null && reason !== '') {
    return { ok: false, error: 'reason_not_allowed', from };
  }
  return { ok: true, from, to, rejectionReason: null };
}

/** The action that moves a comment to `to`, for paths that set the status field directly. */
export function actionFor(to: ModerationStatus): ModerationAction {
  return to === 'approved' ? 'approve' : to === 'rejected' ? 'reject' : 'reopen';
}

/** The actor label of rejections made by screening on arrival. */
export const SCREENING_ACTOR_LABEL = 'screening';

/**
 * Whether a comment moved to `to` by this actor is a rejection screening made on arrival (no
 * person, the screening label). The public counts show such a comment as pending until the next
 * transition, whoever makes it, so a submission never reveals what screening decided.
 */
export function isScreeningRejection(to: ModerationStatus, actor: { id: number | null; label: string }): boolean {
  return to === 'rejected' && actor.id === null && actor.label === SCREENING_ACTOR_LABEL;
}
