import type { Core } from '@strapi/strapi';
import { limitPublicCacheValidity } from '../../../lib/public-cache';
import { commentsOpen, commentsOpenChangesAt } from '../../../plugins/moderation/server/src/domain/comment-closing';

export type CommentStats = { total: number; pending: number; published: number };
type WithStats = { documentId: string; commentStats?: CommentStats; commentsOpen?: boolean };

/**
 * Puts `commentStats` on articles of a public response: all comments received (rejected ones
 * included), those awaiting review, and those the public list shows. One grouped query per
 * response, whatever the page size, read at request time so the counts are exact right after
 * any change.
 *
 * A comment rejected automatically on arrival (screening, with auto-rejection on) counts as
 * awaiting review until a person acts on it: were it counted as rejected, submitting a guessed
 * text (a duplicate of someone's pending comment) or a word would tell anyone, through `total`
 * moving without `pending`, whether the text waits in the queue or the word is on the private
 * list. A submission therefore moves the public counts the same way whatever screening decides.
 * /moderation/stats counts exactly.
 */
export function publicCommentStats(
  count: { total: number; pending: number; visible: number; screenedOut: number } | undefined,
): CommentStats {
  if (!count) return { total: 0, pending: 0, published: 0 };
  return { total: count.total, pending: count.pending + count.screenedOut, published: count.visible };
}

/**
 * Whether each article takes comments now (domain/comment-closing.ts), from its published rows
 * (the switch and the close date are not localized; the clock runs from the earliest locale's
 * publication) and the site's `closeCommentsAfterDays`: two queries for a whole page. An article
 * with no published row takes none.
 */
async function openness(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, boolean>> {
  const [rows, settings] = await Promise.all([
    strapi.db
      .connection('articles')
      .select('document_id')
      .select(strapi.db.connection.raw('bool_and(comments_enabled IS NOT FALSE) AS enabled'))
      .select(strapi.db.connection.raw('max(comments_close_at) AS close_at'))
      .select(strapi.db.connection.raw('min(published_at) AS published_at'))
      .whereIn('document_id', documentIds)
      .whereNotNull('published_at')
      .groupBy('document_id'),
    strapi.plugin('moderation').service('settings').get(),
  ]);
  const now = new Date();
  const open = new Map<string, boolean>();
  for (const row of rows as { document_id: string; enabled: boolean; close_at: Date | null; published_at: Date }[]) {
    const closing = { commentsEnabled: row.enabled, commentsCloseAt: row.close_at, publishedAt: row.published_at };
    open.set(row.document_id, commentsOpen(closing, settings.closeCommentsAfterDays, now));
    // No write marks the moment an article closes by age: a cached answer lasts until then.
    limitPublicCacheValidity(strapi, commentsOpenChangesAt(closing, settings.closeCommentsAfterDays, now));
  }
  return open;
}

type Counts = Map<string, { total: number; pending: number; visible: number; screenedOut: number }>;

/** What a public answer puts on its articles, read for a set of article documents. */
export interface ArticleExtras {
  counts: Counts;
  open: Map<string, boolean>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The counts (one indexed query on the counts table) and openness of these article documents. */
  async extras(documentIds: string[]): Promise<ArticleExtras> {
    const unique = [...new Set(documentIds)];
    const [counts, open] = await Promise.all([
      strapi.service('plugin::moderation.transitions').countsByArticle(unique) as Promise<Counts>,
      openness(strapi, unique),
    ]);
    return { counts, open };
  },

  /**
   * Puts `commentStats` and `commentsOpen` on the articles, from `extras` when the caller has
   * read them already.
   */
  async attach(articles: WithStats[], extras?: ArticleExtras): Promise<void> {
    if (articles.length === 0) return;
    const found = extras ?? (await this.extras(articles.map((article) => article.documentId)));
    for (const article of articles) {
      article.commentStats = publicCommentStats(found.counts.get(article.documentId));
      article.commentsOpen = found.open.get(article.documentId) ?? false;
    }
  },
});
