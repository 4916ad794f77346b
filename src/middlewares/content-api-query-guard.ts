import type { Core } from '@strapi/strapi';
import { isCheckedApiPath, isContentApiPath } from '../lib/api-paths';
import { fieldsIssue, filterIssue, sortIssue } from '../lib/filter-values';
import { localizedError, validationError } from '../lib/messages';
import { schemaLookup } from '../lib/schema-lookup';
import { holdsUnsafeText, isUnsafeText } from '../lib/unsafe-text';

/**
 * Checks the shape of content API queries before Strapi reads them, so malformed input is a
 * 400 with a message instead of a 500 or a silent default:
 * - `$or`/`$and` that are not lists crash the query builder in stock Strapi (500);
 * - page sizes above the limit are silently capped, negative offsets silently ignored;
 * - a top-level `where` was once a way around the filter checks (CVE-2026-27886);
 * - an unknown `locale` would quietly answer an empty list;
 * - a NUL character (in the path or the query) is refused by PostgreSQL with an error.
 *
 * The values inside `filters` are checked against the schema further down, by the public read
 * visibility middleware, which knows the content type.
 */
const UPLOAD_PATH = /^\/api\/upload(\/|$)/i;
const UPLOAD_FILE_UID = 'plugin::upload.file';
const REFUSED_PARAMETERS = ['where', '_where', 'publicationState'];
const LOCALES_TTL_MS = 10_000;

type Bounds = { min: number; max: number };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
  const paginationBounds: Record<string, Bounds> = {
    page: { min: 1, max: 1_000_000 },
    pageSize: { min: 1, max: maxLimit },
    start: { min: 0, max: 1_000_000_000 },
    limit: { min: 1, max: maxLimit },
  };

  const lookup = schemaLookup(strapi);
  // `/api/articles/…` → api::article.article (collection types by plural, single types by singular name).
  const contentTypeByPathName = new Map<string, string>();
  for (const contentType of Object.values(strapi.contentTypes) as {
    uid: string;
    kind: string;
    info: { pluralName: string; singularName: string };
  }[]) {
    if (!contentType.uid.startsWith('api::')) continue;
    const name = contentType.kind === 'singleType' ? contentType.info.singularName : contentType.info.pluralName;
    contentTypeByPathName.set(name.toLowerCase(), contentType.uid);
  }
  const contentTypeOfPath = (path: string) => contentTypeByPathName.get(path.split('/')[2]?.toLowerCase() ?? '');

  let localeCache: { codes: string[]; at: number } | null = null;
  async function knownLocales(): Promise<string[]> {
    if (!localeCache || Date.now() - localeCache.at > LOCALES_TTL_MS) {
      const rows: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
      localeCache = { codes: rows.map((row) => row.code), at: Date.now() };
    }
    return localeCache.codes;
  }

  function checkPagination(pagination: unknown) {
    if (pagination === undefined) return;
    if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
      throw validationError('query_bad_value', { name: 'pagination' });
    }
    for (const [name, value] of Object.entries(pagination)) {
      if (name === 'withCount') {
        if (value !== 'true' && value !== 'false' && value !== true && value !== false) {
          throw validationError('query_bad_value', { name: 'pagination[withCount]' });
        }
        continue;
      }
      const bounds = paginationBounds[name];
      if (!bounds) throw validationError('query_unknown_parameter', { name: `pagination[${name}]` });
      const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
      if (!(number >= bounds.min && number <= bounds.max)) {
        throw validationError('query_bad_pagination', { name, ...bounds });
      }
    }
  }

  return async (ctx: { path: string; query: Record<string, unknown> }, next: () => Promise<void>) => {
    // The moderation API takes ids and text too: it gets the character check.
    if (!isCheckedApiPath(ctx.path)) return next();
    const query = ctx.query;
    if (/%00/.test(ctx.path) || isUnsafeText(ctx.path) || holdsUnsafeText(query)) {
      throw validationError('request_bad_characters');
    }
    if (!isContentApiPath(ctx.path)) return next();
    for (const name of REFUSED_PARAMETERS) {
      if (name in query) throw validationError('query_unknown_parameter', { name });
    }
    // Strapi's search splits `_q` as a string; a list crashes it.
    if (query._q !== undefined && typeof query._q !== 'string')
      throw validationError('query_bad_value', { name: '_q' });
    const badFields = fieldsIssue(query.fields);
    if (badFields) throw validationError('query_bad_value', { name: badFields.name });
    // The upload API reads files with plain database queries, below the Document Service
    // rules and checks: a file's `related` would list the drafts using it to any API token,
    // and malformed filters would reach SQL.
    if (UPLOAD_PATH.test(ctx.path)) {
      if (query.populate !== undefined) throw validationError('query_populate_not_allowed', { name: 'populate' });
      if (JSON.stringify(query.filters ?? {}).includes('"related"')) {
        throw validationError('query_unknown_parameter', { name: 'filters[related]' });
      }
      const issue =
        filterIssue(UPLOAD_FILE_UID, query.filters, lookup) ??
        sortIssue(query.sort, 'sort', { uid: UPLOAD_FILE_UID, lookup });
      if (issue) throw validationError(issue.code, { name: issue.name });
      const fileId = /^\/api\/upload\/files\/([^/]+)/i.exec(ctx.path)?.[1] ?? query.id;
      if (fileId !== undefined && !(typeof fileId === 'string' && /^\d{1,9}$/.test(fileId))) {
        throw localizedError('notFound', 'request_not_found');
      }
    }
    checkPagination(query.pagination);
    // Strapi's own query validation crashes on a malformed sort, before any later check.
    const uid = contentTypeOfPath(ctx.path);
    const badSort = sortIssue(query.sort, 'sort', uid ? { uid, lookup } : undefined);
    if (badSort) throw validationError(badSort.code, { name: badSort.name });
    if (query.filters !== undefined) {
      if (typeof query.filters !== 'object' || query.filters === null) {
        throw validationError('query_bad_value', { name: 'filters' });
      }
      // Strapi's query validation crashes on some shapes ($or that is no list), so the shared
      // check runs here too; the visibility middleware repeats it for non-REST callers.
      const issue = filterIssue(uid ?? '', query.filters, lookup);
      if (issue) throw validationError(issue.code, { name: issue.name });
    }
    if (query.locale !== undefined) {
      if (typeof query.locale !== 'string') throw validationError('query_locale_not_single');
      const locales = await knownLocales();
      if (query.locale !== '*' && !locales.includes(query.locale)) {
        throw validationError('query_unknown_locale', { name: String(query.locale), list: locales.join(', ') });
      }
    }
    return next();
  };
};
