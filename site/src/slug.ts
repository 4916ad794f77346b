import { slugFromTitle } from '../../src/lib/persian-slug';

/**
 * Article URLs in Persian script, as Persian news sites use them: `/articles/بودجهٔ-شهرداری-تهران`.
 * The stored slug is the Latin transliteration of the title (src/lib/persian-slug.ts); the
 * Persian slug transliterates to the same Latin slug, so it resolves by a lookup on `slug` with
 * no new field. A link uses the Persian slug only when that round trip lands on the article
 * (not for a repeated title, whose slug got `-2`, nor an edited slug); else the documentId.
 */
const NOT_IN_SLUG = /[^\p{L}\p{M}\p{N}]+/gu;

export function persianSlug(title: string): string {
  return title
    .normalize('NFC')
    .replace(NOT_IN_SLUG, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** The stored (Latin) slug a URL segment stands for. */
export function storedSlugOf(segment: string): string {
  return slugFromTitle(segment);
}

export const DOCUMENT_ID = /^[a-z0-9]{24}$/;

/** The path segment of an article's link: its Persian slug when that resolves to it, else its documentId. */
export function articleSegment(article: { documentId: string; title: string; slug?: string | null }): string {
  const slug = persianSlug(article.title);
  if (slug && article.slug && storedSlugOf(slug) === article.slug) return slug;
  return article.documentId;
}
