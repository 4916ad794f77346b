/**
 * Whether an article takes comments. Pure: the caller reads the article and the settings.
 *
 * In order: the article's own switch (`commentsEnabled: false` closes it, whatever else); its
 * own close date when set (before it, open, even past the site-wide age; from it, closed); then
 * the site-wide `closeCommentsAfterDays` counted from the article's publication (empty: never).
 * Published comments stay readable either way.
 */
export interface ArticleClosing {
  commentsEnabled: boolean | null | undefined;
  commentsCloseAt: Date | string | null | undefined;
  /** When the article was published (its published version's `publishedAt`, the earliest locale). */
  publishedAt: Date | string | null | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const time = (value: Date | string | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

export function commentsOpen(article: ArticleClosing, closeCommentsAfterDays: number | null, now: Date): boolean {
  if (article.commentsEnabled === false) return false;
  const closeAt = time(article.commentsCloseAt);
  if (closeAt !== null) return now.getTime() < closeAt;
  if (closeCommentsAfterDays === null || closeCommentsAfterDays <= 0) return true;
  const publishedAt = time(article.publishedAt);
  if (publishedAt === null) return true;
  return now.getTime() < publishedAt + closeCommentsAfterDays * DAY_MS;
}

/**
 * When `commentsOpen` of the article next changes by the clock alone (ms since the epoch), or
 * null when it never will: a cached answer showing it is good until then.
 */
export function commentsOpenChangesAt(
  article: ArticleClosing,
  closeCommentsAfterDays: number | null,
  now: Date,
): number | null {
  if (article.commentsEnabled === false) return null;
  const closeAt = time(article.commentsCloseAt);
  let changesAt: number | null = closeAt;
  if (closeAt === null && closeCommentsAfterDays !== null && closeCommentsAfterDays > 0) {
    const publishedAt = time(article.publishedAt);
    changesAt = publishedAt === null ? null : publishedAt + closeCommentsAfterDays * DAY_MS;
  }
  return changesAt !== null && changesAt > now.getTime() ? changesAt : null;
}
