import type { Core } from '@strapi/strapi';

export type CommentStats = { total: number; pending: number; published: number };
type WithStats = { documentId: string; commentStats?: CommentStats };

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

type Counts = Map<string, { total: number; pending: number; visible: number; screenedOut: number }>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The counts of these article documents (one indexed query on the counts table). */
  counts(documentIds: string[]): Promise<Counts> {
    return strapi.service('plugin::moderation.transitions').countsByArticle([...new Set(documentIds)]);
  },

  /** Puts `commentStats` on the articles, from `counts` when the caller has read them already. */
  async attach(articles: WithStats[], counts?: Counts): Promise<void> {
    if (articles.length === 0) return;
    const found = counts ?? (await this.counts(articles.map((article) => article.documentId)));
    for (const article of articles) {
      article.commentStats = publicCommentStats(found.get(article.documentId));
    }
  },
});
