import type { Core, Modules } from '@strapi/strapi';
import { fieldsIssue, filterIssue, sortIssue } from '../lib/filter-values';
import { validationError } from '../lib/messages';
import {
  hiddenFieldIn,
  mapPopulate,
  publicFilters,
  restrictedSortPath,
  type VisibilityRules,
} from '../lib/public-visibility';
import { currentRequestState } from '../lib/request-state';
import { schemaLookup } from '../lib/schema-lookup';
import { PUBLIC_STATUSES } from '../plugins/moderation/server/src/domain/statuses';

/**
 * What the public may see, by content type: the one place that answers "where is the rule that
 * hides pending comments?". Articles: published versions only (stock Strapi 5 returns drafts
 * with `?status=draft`). Comments: approved ones whose article is published, so a pending or
 * rejected comment is a 404 exactly like a missing one. Replies are not read here at all: they
 * are shown only nested under their parent (`replies`), read by the moderation plugin's threads
 * service, which also requires the parent to be approved.
 */
export const PUBLIC_VISIBILITY: VisibilityRules = {
  'api::article.article': { publishedAt: { $notNull: true } },
  'api::comment.comment': {
    moderationStatus: { $in: [...PUBLIC_STATUSES] },
    article: { publishedAt: { $notNull: true } },
    parentDocumentId: { $null: true },
  },
};

const MEDIA_UID = 'plugin::upload.file';
const NOT_SEARCHED_TYPES = new Set(['relation', 'media', 'component', 'dynamiczone']);
/**
 * Fields the public may read but not filter or sort by: a comment's `updatedAt` changes when a
 * moderator acts on it, so ordering or filtering by it would date the private moderation.
 */
const UNFILTERABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'api::comment.comment': ['updatedAt', 'publishedAt'],
};
const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const CONTENT_API_STRATEGIES = new Set(['users-permissions', 'api-token']);

/**
 * Applies the visibility rules to every read made for a content API request (REST today,
 * GraphQL or any other content API tomorrow), below the controllers: the status is forced to
 * `published`, filters get the rules at the root and behind every relation they walk through
 * (so `/api/sources?filters[articles][title]=…` cannot probe a draft), the same inside every
 * `populate` entry, and a sort through a relation into a restricted type is refused. Filter
 * values are checked against the schema first, so a typo is a 400, not a database error.
 * Admin panel and server code read everything.
 */
export function publicReadVisibilityMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const lookup = schemaLookup(strapi);

  const isContentApiRequest = () => {
    const state = currentRequestState(strapi);
    if (!state) return false;
    return state.route?.info?.type === 'content-api' || CONTENT_API_STRATEGIES.has(state.auth?.strategy?.name ?? '');
  };

  /** Filters checked for values SQL can take, with the visibility rules put in. */
  const visibleFilters = (uid: string, filters: unknown, path: string) => {
    const issue = filterIssue(uid, filters, lookup, path);
    if (issue) throw validationError(issue.code, { name: issue.name });
    return publicFilters(uid, filters, PUBLIC_VISIBILITY, lookup);
  };

  /** Whether a type has private columns `_q` would search (relations are not searched). */
  const hasPrivateAttributes = (uid: string) => {
    const model = strapi.getModel(uid as never) as
      | { attributes: Record<string, { type: string; private?: boolean }> }
      | undefined;
    return Object.values(model?.attributes ?? {}).some(
      (attribute) => attribute.private === true && !NOT_SEARCHED_TYPES.has(attribute.type),
    );
  };

  const refuseRestrictedSort = (uid: string, sort: unknown, path: string) => {
    const malformed = sortIssue(sort, path, { uid, lookup });
    if (malformed) throw validationError(malformed.code, { name: malformed.name });
    const sortPath = restrictedSortPath(uid, sort, PUBLIC_VISIBILITY, lookup);
    if (sortPath) throw validationError('query_bad_sort', { name: sortPath });
  };

  return async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !context.uid.startsWith('api::') || !isContentApiRequest()) {
      return next();
    }
    const params = context.params as {
      status?: string;
      filters?: unknown;
      sort?: unknown;
      populate?: unknown;
      fields?: unknown;
      _q?: unknown;
    };
    // `_q` searches every text column, private ones included: a hit-or-miss oracle on emails.
    if (params._q !== undefined && hasPrivateAttributes(context.uid)) {
      throw validationError('query_search_not_supported');
    }
    refuseEmptyFields(params.fields, 'fields');
    const unfilterable = hiddenFieldIn(params.filters, params.sort, UNFILTERABLE_FIELDS[context.uid] ?? []);
    if (unfilterable) throw validationError('query_invalid_key', { key: unfilterable, param: 'filters/sort' });
    refuseRestrictedSort(context.uid, params.sort, 'sort');
    params.status = 'published';
    const filters = visibleFilters(context.uid, params.filters, 'filters');
    if (filters === undefined) delete params.filters;
    else params.filters = filters;
    // Populated relations get the same treatment: `populate[source][filters][articles][title]`
    // would otherwise test draft titles through the source.
    params.populate = mapPopulate(context.uid, params.populate, lookup, (targetUid, entry, path) => {
      // Strapi counts related rows without their visibility conditions.
      if (entry.count !== undefined) throw validationError('query_populate_count', { name: path });
      // A file's `related` lists every entry using it, drafts included, with their content.
      if (targetUid === MEDIA_UID && entry.populate !== undefined) {
        throw validationError('query_populate_not_allowed', { name: `${path}[populate]` });
      }
      refuseEmptyFields(entry.fields, `${path}[fields]`);
      refuseRestrictedSort(targetUid, entry.sort, `${path}[sort]`);
      const entryFilters = visibleFilters(targetUid, entry.filters, `${path}[filters]`);
      return entryFilters === undefined ? entry : { ...entry, filters: entryFilters };
    });
    if (params.populate === undefined) delete params.populate;
    try {
      return await next();
    } catch (error) {
      throw asQueryError(error);
    }
  };
}

function refuseEmptyFields(fields: unknown, name: string) {
  const issue = fieldsIssue(fields, name);
  if (issue) throw validationError('query_bad_value', { name: issue.name });
}

/**
 * PostgreSQL's data exceptions (class 22: a NUL byte, text where a number belongs) and query
 * errors (class 42) on a public read come from the request, not from the server: a 400 then,
 * not a 500. Anything else (a lost connection…) stays a server error.
 */
function asQueryError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(22|42)[0-9A-Z]{3}$/.test(code)) return validationError('query_unsupported');
  return error;
}
