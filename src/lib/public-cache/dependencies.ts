import { isPlainObject } from '../is-plain-object';

/**
 * What a cached public answer depends on, and so what a write must invalidate. Pure: no Strapi.
 *
 * A dependency is a name with a version (src/lib/public-cache/store.ts):
 * - `epoch`: everything (a locale removed, the default locale, media, public permissions, a
 *   cache store that lost writes while unreachable);
 * - `articles`: which articles exist, are published and match a filter or sort (article writes,
 *   source writes since lists filter and sort through the source);
 * - `sources`: which sources exist and match (source writes);
 * - `comments`: which comments match a query that does not pin one article (comment writes);
 * - `article:<documentId>`: one article in every locale — its fields, its counts, its public
 *   comments (article writes, every comment change on it);
 * - `source:<documentId>`: one source's fields (source writes).
 *
 * The rule that keeps it exact: a write bumps every name a response showing its effect must
 * hold. A comment on article A bumps `article:A` (and `comments`), so the page of article B and
 * a list that does not show A keep their entries.
 */
export const EPOCH = 'epoch';
export const ARTICLES = 'articles';
export const SOURCES = 'sources';
export const COMMENTS = 'comments';
export const articleDependency = (documentId: string) => `article:${documentId}`;
export const sourceDependency = (documentId: string) => `source:${documentId}`;

export type PublicResource =
  | { kind: 'articles' | 'sources' | 'comments'; documentId: null }
  | { kind: 'articles' | 'sources' | 'comments'; documentId: string };

const RESOURCE_PATH = /^\/api\/(articles|sources|comments)(?:\/([^/]+))?\/?$/;

/** The public collection a path reads (`/api/articles`, `/api/comments/<documentId>`…), or null. */
export function publicResourceOf(path: string): PublicResource | null {
  const match = RESOURCE_PATH.exec(path);
  if (!match) return null;
  const kind = match[1] as PublicResource['kind'];
  return match[2] === undefined ? { kind, documentId: null } : { kind, documentId: match[2] };
}

/** JSON with object keys sorted, so `?a=1&b=2` and `?b=2&a=1` are one entry. Lists keep their order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The entry's name: the path and the query as Strapi parsed it (`ctx.query`, after
 * strapi::query), keys sorted. The locale is a query parameter, so it is in it.
 */
export function cacheKeyOf(path: string, query: unknown): string {
  return `${path}?${stableStringify(query ?? {})}`;
}

const CREDENTIAL_COOKIE = /(?:^|;\s*)[^=;]*(?:jwt|token|strapi_admin|koa\.sess|session)[^=;]*=/i;

/**
 * Whether the request carries credentials: an `Authorization` header (users-permissions JWT,
 * API token, admin JWT) or a cookie that looks like a session or token (the admin panel's
 * refresh cookie, a JWT cookie a frontend may set). Such requests may see more than the
 * public, so they are never answered from the cache nor stored in it.
 */
export function carriesCredentials(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers.authorization !== undefined) return true;
  const cookie = headers.cookie;
  const cookies = Array.isArray(cookie) ? cookie.join('; ') : cookie;
  return typeof cookies === 'string' && CREDENTIAL_COOKIE.test(cookies);
}

type Json = Record<string, unknown>;

function documentIdOf(value: unknown): string | null {
  return isPlainObject(value) && typeof value.documentId === 'string' ? value.documentId : null;
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function walkArticle(article: unknown, into: Set<string>) {
  if (!isPlainObject(article)) return;
  const id = documentIdOf(article);
  if (id) into.add(articleDependency(id));
  for (const source of asList(article.source)) walkSource(source, into);
  for (const translation of asList(article.localizations)) walkArticle(translation, into);
}

function walkSource(source: unknown, into: Set<string>) {
  if (!isPlainObject(source)) return;
  const id = documentIdOf(source);
  if (id) into.add(sourceDependency(id));
  if (source.articles !== undefined) {
    // Which articles cite a source changes with any article's publication.
    into.add(ARTICLES);
    for (const article of asList(source.articles)) walkArticle(article, into);
  }
  for (const translation of asList(source.localizations)) walkSource(translation, into);
}

/** The article a comment query is limited to (`filters[article][documentId][$eq]=…` at the top level). */
export function pinnedArticle(query: unknown): string | null {
  if (!isPlainObject(query) || !isPlainObject(query.filters)) return null;
  const article = query.filters.article;
  if (!isPlainObject(article)) return null;
  const value = isPlainObject(article.documentId) ? article.documentId.$eq : article.documentId;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The dependencies of one successful public answer: those its request names (the collection,
 * the pinned article) and those its body shows (every article, source and comment's article).
 * Read from the body as computed, so a write that changes what the body would show bumps one
 * of them: the entry cannot outlive the data it was made from.
 */
export function dependenciesOf(resource: PublicResource, query: unknown, body: unknown): string[] {
  const into = new Set<string>([EPOCH]);
  const data = isPlainObject(body) ? (body as Json).data : undefined;
  if (resource.kind === 'articles') {
    if (resource.documentId) into.add(articleDependency(resource.documentId));
    else into.add(ARTICLES);
    for (const article of asList(data)) walkArticle(article, into);
  } else if (resource.kind === 'sources') {
    into.add(SOURCES);
    if (resource.documentId) into.add(sourceDependency(resource.documentId));
    for (const source of asList(data)) walkSource(source, into);
  } else {
    const pinned = resource.documentId ? null : pinnedArticle(query);
    if (pinned) {
      // Every comment that can match is one of this article's: all of them bump it.
      into.add(articleDependency(pinned));
    } else if (!resource.documentId) {
      into.add(COMMENTS);
      into.add(ARTICLES);
    }
    const comments = asList(data);
    for (const comment of comments) {
      const article = isPlainObject(comment) ? documentIdOf(comment.article) : null;
      if (article) into.add(articleDependency(article));
      else into.add(COMMENTS);
    }
    if (resource.documentId && comments.length === 0) into.add(COMMENTS);
  }
  return [...into].sort();
}

/** `Cache-Control` of public answers (README: HTTP caching). */
export function cacheControlOf(settings: { maxAge: number; sMaxAge?: number; staleWhileRevalidate: number }): string {
  const parts = ['public', `max-age=${settings.maxAge}`];
  if (settings.sMaxAge !== undefined) parts.push(`s-maxage=${settings.sMaxAge}`);
  if (settings.staleWhileRevalidate > 0) parts.push(`stale-while-revalidate=${settings.staleWhileRevalidate}`);
  if (settings.maxAge === 0 && (settings.sMaxAge ?? 0) === 0) parts.push('must-revalidate');
  return parts.join(', ');
}

/** Whether an `If-None-Match` header names the ETag (a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === etag);
}

/**
 * Whether an entry may be stored: the versions of its dependencies, read after the answer was
 * computed, are none newer than the sequence read before the query started. A newer one means
 * a write to something the answer shows committed while it was computed: the answer may hold
 * the old data, so it is served once and not stored.
 */
export function computedBeforeAnyWrite(sequenceAtStart: number, versions: (number | null)[]): boolean {
  return versions.every((version) => version === null || version <= sequenceAtStart);
}

/**
 * What a CDN in front must purge when a comment of an article changes (the approve/reject
 * webhook carries it): the cache tags answers carry in `Surrogate-Key` (Fastly) / `Cache-Tag`
 * (Cloudflare), and the URLs for CDNs that purge by URL or prefix. Lists and sources showing
 * the article's counts are covered by the tag `article:<documentId>`; by URL, by the prefixes.
 */
export function cdnPurgeFor(articleDocumentId: string | null, commentDocumentId: string) {
  const tags = [COMMENTS, ...(articleDocumentId ? [articleDependency(articleDocumentId)] : [])];
  const urls = [`/api/comments/${commentDocumentId}`];
  const prefixes = ['/api/comments?', '/api/articles?', '/api/sources'];
  if (articleDocumentId) urls.unshift(`/api/articles/${articleDocumentId}`);
  if (articleDocumentId) prefixes.unshift(`/api/articles/${articleDocumentId}?`);
  return { tags, urls, prefixes };
}
