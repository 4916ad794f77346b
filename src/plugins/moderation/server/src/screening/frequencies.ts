/**
 * Document frequencies over the site's own published articles: in how many articles each word
 * (stem) appears. A word used by every article ("آبگینه" on a city site, "گزارش", "امروز") tells
 * nothing about which article a comment talks about; a word used by one article says a lot.
 *
 * Pure and in memory: the Strapi glue fills it from the database at boot and keeps it current
 * as articles are published, changed and unpublished (set / remove by document id).
 */

import { type ArticleText, articleTerms } from './relevance';

/** Below this many articles, frequencies say nothing yet: every word counts as informative. */
export const MIN_DOCUMENTS = 5;

export class DocumentFrequencies {
  private readonly termsByDocument = new Map<string, ReadonlySet<string>>();
  private readonly counts = new Map<string, number>();
  /** Changes whenever the table does: prepared article profiles depend on it. */
  private revision = 0;

  get version(): number {
    return this.revision;
  }

  /** How many articles the table counts. */
  get documents(): number {
    return this.termsByDocument.size;
  }

  /** In how many articles the stem appears. */
  frequency(stem: string): number {
    return this.counts.get(stem) ?? 0;
  }

  /**
   * How informative a stem is, 0..1: 1 for a word at most one article uses (or any word while the
   * site has fewer than MIN_DOCUMENTS articles), falling to 0 for a word every article uses.
   * A smoothed inverse document frequency, scaled so that one article gives 1, and squared: on a
   * site of a few dozen articles an everyday word ("سفر", "خرید") is in only a few of them, and
   * must still weigh clearly less than a word only this article uses.
   */
  informativeness(stem: string): number {
    const documents = this.termsByDocument.size;
    if (documents < MIN_DOCUMENTS) return 1;
    const frequency = this.counts.get(stem) ?? 0;
    const value = Math.log((documents + 1) / (frequency + 1)) / Math.log((documents + 1) / 2);
    return Math.min(1, Math.max(0, value)) ** 2;
  }

  /** Counts (or recounts) one article: all its published language versions as one document. */
  set(documentId: string, versions: readonly ArticleText[]): void {
    const terms = new Set<string>();
    for (const version of versions) for (const term of articleTerms(version)) terms.add(term);
    this.remove(documentId);
    for (const term of terms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    this.termsByDocument.set(documentId, terms);
    this.revision += 1;
  }

  /** Stops counting an article (unpublished or deleted). */
  remove(documentId: string): void {
    const terms = this.termsByDocument.get(documentId);
    if (!terms) return;
    for (const term of terms) {
      const count = (this.counts.get(term) ?? 0) - 1;
      if (count > 0) this.counts.set(term, count);
      else this.counts.delete(term);
    }
    this.termsByDocument.delete(documentId);
    this.revision += 1;
  }

  has(documentId: string): boolean {
    return this.termsByDocument.has(documentId);
  }
}

/** A table built at once from a list of articles (tests, benchmarks). */
export function documentFrequencies(
  articles: readonly (ArticleText & { otherVersions?: readonly ArticleText[] | null })[],
): DocumentFrequencies {
  const table = new DocumentFrequencies();
  articles.forEach((article, index) => {
    table.set(String(index), [article, ...(article.otherVersions ?? [])]);
  });
  return table;
}
