import type { Core, Modules } from '@strapi/strapi';
import { validationError } from '../lib/messages';
import {
  type AttributeLookup,
  publicFilters,
  restrictedSortPath,
  type VisibilityRules,
} from '../lib/public-visibility';
import { PUBLIC_STATUSES } from '../moderation/policy/statuses';

/**
 * What the public may see, by content type: the one place that answers "where is the rule that
 * hides pending comments?". Articles: published versions only (stock Strapi 5 returns drafts
 * with `?status=draft`). Comments: approved ones whose article is published, so a pending or
 * rejected comment is a 404 exactly like a missing one.
 */
export const PUBLIC_VISIBILITY: VisibilityRules = {
  'api::article.article': { publishedAt: { $notNull: true } },
  'api::comment.comment': {
    moderationStatus: { $in: [...PUBLIC_STATUSES] },
    article: { publishedAt: { $notNull: true } },
  },
};

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const CONTENT_API_STRATEGIES = new Set(['users-permissions', 'api-token']);

type RequestState = { auth?: { strategy?: { name?: string } }; route?: { info?: { type?: string } } };

/**
 * Applies the visibility rules to every read made for a content API request (REST today,
 * GraphQL or any other content API tomorrow), below the controllers: the status is forced to
 * `published`, filters get the rules at the root and behind every relation they walk through
 * (so `/api/sources?filters[articles][title]=…` cannot probe a draft), and a sort through a
 * relation into a restricted type is refused. Admin panel and server code read everything.
 */
export function publicReadVisibilityMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const lookup: AttributeLookup = (uid, attribute) => {
    const model = strapi.getModel(uid as never) as
      | { attributes: Record<string, { type: string; target?: string }> }
      | undefined;
    return model?.attributes[attribute];
  };

  const isContentApiRequest = () => {
    const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
    if (!state) return false;
    return state.route?.info?.type === 'content-api' || CONTENT_API_STRATEGIES.has(state.auth?.strategy?.name ?? '');
  };

  return async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !context.uid.startsWith('api::') || !isContentApiRequest()) {
      return next();
    }
    const params = context.params as { status?: string; filters?: unknown; sort?: unknown };
    const sortPath = restrictedSortPath(context.uid, params.sort, PUBLIC_VISIBILITY, lookup);
    if (sortPath) throw validationError('query_bad_sort', { name: sortPath });
    params.status = 'published';
    const filters = publicFilters(context.uid, params.filters, PUBLIC_VISIBILITY, lookup);
    if (filters === undefined) delete params.filters;
    else params.filters = filters;
    return next();
  };
}
