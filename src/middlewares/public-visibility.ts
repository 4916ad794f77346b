import type { Core } from '@strapi/strapi';
import { validationError } from '../lib/messages';
import {
  type AttributeLookup,
  publicFilters,
  restrictedSortPath,
  type VisibilityRules,
} from '../lib/public-visibility';
import { PUBLIC_STATUSES } from '../moderation/policy/statuses';

/**
 * What an anonymous reader may see, by content type. Articles: published versions only
 * (stock Strapi 5 returns drafts with `?status=draft`); comments: approved ones only, so a
 * pending or rejected comment is a 404 exactly like a missing one. Relation filters walk into these
 * types too, so `/api/sources?filters[articles][title]=…` cannot probe a draft's title.
 */
export const PUBLIC_VISIBILITY: VisibilityRules = {
  'api::article.article': { publishedAt: { $notNull: true } },
  // A comment is public while it is approved and its article is published.
  'api::comment.comment': {
    moderationStatus: { $in: [...PUBLIC_STATUSES] },
    article: { publishedAt: { $notNull: true } },
  },
};

/**
 * Route middleware for public content API reads. Config: `{ uid }` of the route's type.
 * Forces `status=published`, rewrites `filters` with the visibility conditions, and refuses a
 * sort through a relation into a restricted type.
 */
export default (config: { uid: string }, { strapi }: { strapi: Core.Strapi }) => {
  const lookup: AttributeLookup = (uid, attribute) => {
    const model = strapi.getModel(uid as never) as
      | { attributes: Record<string, { type: string; target?: string }> }
      | undefined;
    return model?.attributes[attribute];
  };
  return async (ctx: { query: Record<string, unknown> }, next: () => Promise<void>) => {
    ctx.query.status = 'published';
    const sortPath = restrictedSortPath(config.uid, ctx.query.sort, PUBLIC_VISIBILITY, lookup);
    if (sortPath) throw validationError('query_bad_sort', { name: sortPath });
    const filters = publicFilters(config.uid, ctx.query.filters, PUBLIC_VISIBILITY, lookup);
    if (filters === undefined) delete ctx.query.filters;
    else ctx.query.filters = filters;
    await next();
  };
};
