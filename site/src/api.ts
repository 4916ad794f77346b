import type { CommentStats, Lang } from './format';
import { DOCUMENT_ID, storedSlugOf } from './slug';

/** The public REST API, with plain fetch. */
export type Article = {
  documentId: string;
  title: string;
  slug: string | null;
  lead: string | null;
  body: string | null;
  locale: string;
  publishedAt: string;
  commentsEnabled: boolean | null;
  /** Whether the article takes comments now (its switch, its close date, the site's age limit). */
  commentsOpen?: boolean;
  commentStats: CommentStats;
  source?: { name: string } | null;
  cover?: { url: string; alternativeText?: string | null; width?: number; height?: number } | null;
};
export type Reactions = { agree: number; disagree: number };
export type PublicReply = {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  reactions?: Reactions;
};
export type PublicComment = {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  reactions?: Reactions;
  /** Approved replies, oldest first. */
  replies?: PublicReply[];
};
export type ApiError = {
  status: number;
  code?: string;
  messages?: { fa: string; en: string };
  fields: Record<string, { fa: string; en: string }>;
};

const query = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');

async function getJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as T;
}

export async function latestArticles(lang: Lang): Promise<Article[]> {
  const body = await getJson<{ data: Article[] }>(
    `/api/articles?${query({ locale: lang, sort: 'publishedAt:desc', 'populate[source]': 'true', 'pagination[pageSize]': 20 })}`,
  );
  return body?.data ?? [];
}

const ARTICLE_POPULATE = { 'populate[source]': 'true', 'populate[cover]': 'true' };

/** An article by its documentId, its Persian slug or its Latin slug, in `lang`. */
export async function findArticle(segment: string, lang: Lang): Promise<Article | null> {
  if (DOCUMENT_ID.test(segment)) {
    const byId = await getJson<{ data: Article }>(
      `/api/articles/${segment}?${query({ locale: lang, ...ARTICLE_POPULATE })}`,
    );
    if (byId) return byId.data;
  }
  const slug = storedSlugOf(segment);
  if (!slug) return null;
  const bySlug = await getJson<{ data: Article[] }>(
    `/api/articles?${query({ locale: lang, 'filters[slug][$eq]': slug, ...ARTICLE_POPULATE })}`,
  );
  return bySlug?.data[0] ?? null;
}

export async function approvedComments(articleId: string): Promise<PublicComment[]> {
  const body = await getJson<{ data: PublicComment[] }>(
    `/api/comments?${query({
      'filters[article][documentId][$eq]': articleId,
      sort: 'createdAt:asc',
      'pagination[pageSize]': 100,
    })}`,
  );
  return body?.data ?? [];
}

/** Sends a comment; the server's own Persian/English messages come back on refusal. */
export async function submitComment(
  data: Record<string, string>,
): Promise<{ ok: true } | { ok: false; error: ApiError }> {
  const response = await fetch('/api/comments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ data }),
  });
  if (response.status === 201) return { ok: true };
  const body = (await response.json().catch(() => null)) as {
    error?: {
      details?: {
        code?: string;
        messages?: { fa: string; en: string };
        errors?: { path: string[]; messages: { fa: string; en: string } }[];
      };
    };
  } | null;
  const details = body?.error?.details;
  const fields: ApiError['fields'] = {};
  for (const item of details?.errors ?? []) if (item.path?.[0]) fields[item.path[0]] = item.messages;
  return { ok: false, error: { status: response.status, code: details?.code, messages: details?.messages, fields } };
}
