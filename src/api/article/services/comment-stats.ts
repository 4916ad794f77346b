import type { Core } from '@strapi/strapi';
import { limitPublicCacheValidity } from '../../../lib/public-cache';
import { commentsOpen, commentsOpenChangesAt } from '../../../plugins/moderation/server/src/domain/comment-closing';
import {
  type ArticleCounts,
  type CounterRow,
  foldCounterRows,
} from '../../../plugins/moderation/server/src/domain/comment-counts';

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
export function publicCommentStats(count: ArticleCounts | undefined): CommentStats {
  if (!count) return { total: 0, pending: 0, published: 0 };
  return { total: count.total, pending: count.pending + count.screenedOut, published: count.visible };
}

type Counts = Map<string, ArticleCounts>;

/** What a public answer puts on its articles, read for a set of article documents. */
export interface ArticleExtras {
  counts: Counts;
  open: Map<string, boolean>;
}

type ExtrasRow = CounterRow & { enabled: boolean | null; close_at: Date | null; published_at: Date | null };

/**
 * The counts (summed from the counts table, as the moderation API's `countsByArticle`) and
 * what decides whether each article takes comments (domain/comment-closing.ts: its published
 * rows' switch and close date, which are not localized, and the earliest locale's publication),
 * in one statement for a whole page: a row per counter, the closing columns repeated on each
 * (an article without comments gets one row without a counter). An article with no published
 * row takes none.
 */
async function readExtras(strapi: Core.Strapi, documentIds: string[]): Promise<ExtrasRow[]> {
  const result = await strapi.db.connection.raw(
    `WITH closing AS (
       SELECT document_id, bool_and(comments_enabled IS NOT FALSE) AS enabled,
              max(comments_close_at) AS close_at, min(published_at) AS published_at
         FROM articles
        WHERE document_id = ANY(?) AND published_at IS NOT NULL
        GROUP BY document_id),
     counts AS (
       SELECT document_id, counter, sum(n) AS n
         FROM khabar_comment_counts
        WHERE document_id = ANY(?)
        GROUP BY document_id, counter
       HAVING sum(n) <> 0)
     SELECT coalesce(closing.document_id, counts.document_id) AS document_id,
            closing.enabled, closing.close_at, closing.published_at, counts.counter, counts.n
       FROM closing FULL JOIN counts ON counts.document_id = closing.document_id`,
    [documentIds, documentIds],
  );
  return result.rows;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The counts and openness of these article documents: one indexed statement, and the site's
   * `closeCommentsAfterDays` from the settings kept in memory (src/bootstrap/shared-caches.ts).
   */
  async extras(documentIds: string[]): Promise<ArticleExtras> {
    const unique = [...new Set(documentIds)];
    if (unique.length === 0) return { counts: new Map(), open: new Map() };
    const [rows, settings] = await Promise.all([
      readExtras(strapi, unique),
      strapi.plugin('moderation').service('settings').getForPublicReads(),
    ]);
    const now = new Date();
    const open = new Map<string, boolean>();
    for (const row of rows) {
      if (open.has(row.document_id) || row.published_at === null) continue;
      const closing = { commentsEnabled: row.enabled, commentsCloseAt: row.close_at, publishedAt: row.published_at };
      open.set(row.document_id, commentsOpen(closing, settings.closeCommentsAfterDays, now));
      // No write marks the moment an article closes by age: a cached answer lasts until then.
      limitPublicCacheValidity(strapi, commentsOpenChangesAt(closing, settings.closeCommentsAfterDays, now));
    }
    return { counts: foldCounterRows(rows), open };
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
