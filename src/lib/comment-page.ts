import { isPlainObject } from './is-plain-object';

/** One page of one article's public comments, by time: what article pages ask for most. */
export interface ArticleCommentPage {
  articleDocumentId: string;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORTS: Readonly<Record<string, 'asc' | 'desc'>> = {
  createdAt: 'asc',
  'createdAt:asc': 'asc',
  'createdAt:desc': 'desc',
};

function sortDirection(sort: unknown): 'asc' | 'desc' | null {
  const only = Array.isArray(sort) && sort.length === 1 ? sort[0] : sort;
  if (typeof only === 'string') return SORTS[only] ?? null;
  if (
    isPlainObject(only) &&
    Object.keys(only).length === 1 &&
    (only.createdAt === 'asc' || only.createdAt === 'desc')
  ) {
    return only.createdAt;
  }
  return null;
}

function articleDocumentId(filters: unknown): string | null {
  if (!isPlainObject(filters) || Object.keys(filters).length !== 1 || !isPlainObject(filters.article)) return null;
  const article = filters.article;
  if (Object.keys(article).length !== 1) return null;
  const value = isPlainObject(article.documentId)
    ? Object.keys(article.documentId).length === 1
      ? article.documentId.$eq
      : undefined
    : article.documentId;
  return typeof value === 'string' && value !== '' ? value : null;
}

function whole(value: unknown, fallback: number): number | null {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null;
}

/**
 * Recognizes `filters[article][documentId][$eq]=…&sort=createdAt:desc&pagination[page]=…` (and
 * nothing more) in a validated public query, so the page can be located on an index instead of
 * sorting every approved comment of a busy article. Any other shape answers null and takes
 * Strapi's general path, which also produces its errors.
 */
export function articleCommentPage(
  query: Record<string, unknown>,
  limits: { defaultPageSize: number; maxPageSize: number },
): ArticleCommentPage | null {
  if (Object.keys(query).some((key) => key !== 'filters' && key !== 'sort' && key !== 'pagination')) return null;
  const articleId = articleDocumentId(query.filters);
  const direction = sortDirection(query.sort);
  if (!articleId || !direction) return null;
  const pagination = query.pagination ?? {};
  if (!isPlainObject(pagination) || Object.keys(pagination).some((key) => key !== 'page' && key !== 'pageSize')) {
    return null;
  }
  const page = whole(pagination.page, 1);
  const pageSize = whole(pagination.pageSize, limits.defaultPageSize);
  if (page === null || pageSize === null || pageSize > limits.maxPageSize) return null;
  return { articleDocumentId: articleId, direction, page, pageSize };
}
