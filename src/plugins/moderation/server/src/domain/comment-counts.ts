/**
 * The counts table's rows (database/comment-counts.js: one sum per article document and
 * counter) folded into counts by article. Pure, so the queries that read the table (the
 * moderation API's, and the public answers' which read openness in the same statement) share it.
 */
import { isModerationStatus, type ModerationStatus } from './statuses';

export type CounterName = ModerationStatus | 'visible' | 'visible_root' | 'screened_out';

export interface CounterRow {
  document_id: string;
  counter: CounterName | null;
  n: string | number | null;
}

/**
 * `visible`: approved and linked to a published row of the article (what the public list
 * shows). `screenedOut`: rejected by screening and not acted on since (the public counts show
 * these as pending, see api::article.comment-stats).
 */
export type ArticleCounts = Record<ModerationStatus | 'total' | 'visible' | 'screenedOut', number>;

export const emptyArticleCounts = (): ArticleCounts => ({
  total: 0,
  pending: 0,
  approved: 0,
  rejected: 0,
  visible: 0,
  screenedOut: 0,
});

/** Rows without a counter (an article with no comment, from an outer join) add nothing. */
export function foldCounterRows(rows: Iterable<CounterRow>): Map<string, ArticleCounts> {
  const counts = new Map<string, ArticleCounts>();
  for (const row of rows) {
    if (row.counter === null || row.n === null) continue;
    // `visible_root` (visible and not a reply) is the public comment page's total, read there.
    if (row.counter === 'visible_root') continue;
    let count = counts.get(row.document_id);
    if (!count) {
      count = emptyArticleCounts();
      counts.set(row.document_id, count);
    }
    const n = Number(row.n);
    if (row.counter === 'screened_out') count.screenedOut = n;
    else count[row.counter] = n;
    if (isModerationStatus(row.counter)) count.total += n;
  }
  return counts;
}
