import type { Core, Modules } from '@strapi/strapi';
import { fieldError, localizedError } from '../lib/messages';
import { currentRequestState } from '../lib/request-state';
import {
  checkCommentEdit,
  READER_TEXT_FIELDS,
  SYSTEM_FIELDS,
} from '../plugins/moderation/server/src/domain/comment-edits';
import {
  isModerationStatus,
  isRejectionReason,
  MODERATION_FIELDS,
  type ModerationStatus,
} from '../plugins/moderation/server/src/domain/statuses';
import { actionFor } from '../plugins/moderation/server/src/domain/transitions';
import { canModerate } from '../plugins/moderation/server/src/permissions';
import { inModerationScope } from '../plugins/moderation/server/src/scope';
import type { Actor } from '../plugins/moderation/server/src/services/transitions';

const COMMENT_UID = 'api::comment.comment';

/**
 * Comments on the Document Service path (admin content manager, REST, code):
 * - create: always pending, whatever the data says;
 * - update: a change of `moderationStatus` (with `rejectionReason`/`moderationNote`) is run as
 *   a moderation transition by the moderation service, for moderators only; the other
 *   fields continue as a plain update, within the limits of `checkCommentEdit` (what the
 *   reader wrote changes only while pending; what the system recorded never).
 *   `moderatedBy`/`moderatedAt` are never taken from input.
 */
export function commentModerationMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== COMMENT_UID || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    params.data ??= {};
    const data = params.data;

    if (context.action === 'create') {
      for (const field of MODERATION_FIELDS) delete data[field];
      // A reply's parent is set only by the submission service, which checks it is public.
      delete data.parentDocumentId;
      data.moderationStatus = 'pending';
      return next();
    }

    const requested = {
      status: data.moderationStatus,
      reason: data.rejectionReason,
      note: data.moderationNote,
    };
    for (const field of MODERATION_FIELDS) delete data[field];
    const documentId = params.documentId;
    if (!documentId || inModerationScope()) return next();

    const current = await strapi.db.query(COMMENT_UID).findOne({
      where: { documentId },
      select: ['moderationStatus', 'rejectionReason', 'moderationNote', ...SYSTEM_FIELDS, ...READER_TEXT_FIELDS],
      populate: { article: { select: ['documentId'] } },
    });
    if (!current) return next();
    const edit = checkCommentEdit(
      data,
      { ...current, articleDocumentId: current.article?.documentId ?? null },
      typeof requested.status === 'string' ? requested.status : undefined,
    );
    // Refusals name their field (`details.errors`), so the content manager's form highlights it
    // and keeps what the user chose.
    if (!edit.ok) {
      if (edit.code === 'comment_system_field') {
        throw fieldError('forbidden', edit.code, edit.field, { name: edit.field });
      }
      throw fieldError('validation', edit.code, edit.field);
    }
    params.data = edit.data;
    if (requested.status !== undefined && !isModerationStatus(requested.status)) {
      throw fieldError('validation', 'moderation_bad_action', 'moderationStatus');
    }
    if (requested.status === undefined || requested.status === current.moderationStatus) {
      // The reason and note belong to a transition; changed alone they would be dropped silently.
      const changed = (value: unknown, stored: unknown) =>
        value !== undefined && blankToNull(value) !== blankToNull(stored);
      if (changed(requested.reason, current.rejectionReason)) {
        throw fieldError('validation', 'moderation_fields_need_transition', 'rejectionReason');
      }
      if (changed(requested.note, current.moderationNote)) {
        throw fieldError('validation', 'moderation_fields_need_transition', 'moderationNote');
      }
      return next();
    }
    // Checked here as well as in the transition, so the refusal names the field to fill in.
    if (requested.status === 'rejected' && !isRejectionReason(requested.reason)) {
      throw fieldError('validation', 'moderation_reason_required', 'rejectionReason', {}, { documentId });
    }

    const actor = await actorFromRequest(strapi);
    // One transaction for the status change and the rest of the edit: if the edit is refused
    // (say, an empty body), the status stays as it was and no audit record or webhook remains.
    return strapi.db.transaction(async () => {
      await strapi.service('plugin::moderation.transitions').transition(documentId, {
        action: actionFor(requested.status as ModerationStatus),
        reason: requested.status === 'rejected' ? requested.reason : undefined,
        note: typeof requested.note === 'string' && requested.note.trim() !== '' ? requested.note.trim() : null,
        actor,
      });
      return next();
    });
  };
}

const blankToNull = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));

/** Who is acting: a moderator in the admin panel, or trusted server code. */
async function actorFromRequest(strapi: Core.Strapi): Promise<Actor> {
  const state = currentRequestState(strapi);
  if (!state) return { id: null, label: 'system' };
  if (state.auth?.strategy?.name === 'admin' && state.user) {
    if (!(await canModerate(strapi, state.user.id))) throw localizedError('forbidden', 'moderation_forbidden');
    const name = [state.user.firstname, state.user.lastname].filter(Boolean).join(' ');
    return {
      id: state.user.id,
      label: name || state.user.email || `admin #${state.user.id}`,
      email: state.user.email ?? null,
    };
  }
  // Content API callers (readers, API tokens) never moderate.
  throw localizedError('forbidden', 'moderation_forbidden');
}
