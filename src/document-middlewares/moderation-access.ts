import type { Core, Modules } from '@strapi/strapi';
import { fieldError, localizedError } from '../lib/messages';
import { currentRequestState } from '../lib/request-state';
import { hasModerationPermission, MODERATION_PERMISSIONS } from '../plugins/moderation/server/src/permissions';
import { inModerationScope } from '../plugins/moderation/server/src/scope';
import { isUntouchedRelation } from './relation-writes';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * Who may write moderation data from the admin panel, whatever content-manager rights a role
 * was given: readers' comments are created, edited and deleted by moderators only (an Editor
 * rewriting an approved comment would publish text nobody reviewed), and the screening
 * settings by holders of the settings permission. Server code and system work (inside a
 * moderation scope) are not admin requests and pass.
 */
const WRITE_RULES: Record<string, { permission: string; refusal: 'comment_edit_forbidden' | 'settings_forbidden' }> = {
  'api::comment.comment': { permission: MODERATION_PERMISSIONS.moderate, refusal: 'comment_edit_forbidden' },
  'plugin::moderation.moderation-setting': {
    permission: MODERATION_PERMISSIONS.settings,
    refusal: 'settings_forbidden',
  },
};

const ARTICLE_UID = 'api::article.article';
const COMMENT_UID = 'api::comment.comment';

export function moderationAccessMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid === ARTICLE_UID && !inModerationScope()) {
      refuseCommentLinksFromArticle(context.params);
      // A copy of an article starts without comments: copying the links would move them.
      if (context.action === 'clone') {
        const params = context.params as { data?: Record<string, unknown> };
        params.data = { ...(params.data ?? {}), comments: { set: [] } };
      }
    }
    const rule = WRITE_RULES[context.uid];
    if (!rule || READ_ACTIONS.has(context.action) || inModerationScope()) return next();
    const state = currentRequestState(strapi);
    if (!state) return next();
    if (state.auth?.strategy?.name !== 'admin') {
      // Content API callers (readers, API tokens of any kind) only submit comments, through the
      // submission path; changing or removing one is moderation.
      if (context.uid === COMMENT_UID && context.action !== 'create') {
        throw localizedError('forbidden', 'comment_api_write_forbidden');
      }
      return next();
    }
    const userId = state.user?.id;
    const allowed =
      userId !== undefined &&
      (await hasModerationPermission(
        strapi,
        userId,
        rule.permission as (typeof MODERATION_PERMISSIONS)[keyof typeof MODERATION_PERMISSIONS],
      ));
    if (!allowed) throw localizedError('forbidden', rule.refusal);
    return next();
  };
}

/**
 * An article's `comments` is the inverse side of each comment's `article`: written from the
 * article, it would move, attach or detach reviewed comments with no comment-side check and no
 * audit record. An empty relation payload (what the admin panel sends for an untouched field)
 * is dropped; anything else is refused.
 */
function refuseCommentLinksFromArticle(params: unknown) {
  const data = (params as { data?: Record<string, unknown> } | undefined)?.data;
  if (!data || !('comments' in data)) return;
  if (isUntouchedRelation(data.comments)) {
    delete data.comments;
    return;
  }
  throw fieldError('validation', 'article_comments_read_only', 'comments');
}
