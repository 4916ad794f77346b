import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../../lib/messages';
import { LIMITS, MODERATION_STATUSES, type ModerationStatus } from '../domain/vocabulary';
import { compileBlocklist } from '../screening/blocklist';
import { COMMENT_UID } from '../uids';
import type { QueueQuery } from '../validation/admin-api';

/** A word as a reader wrote it: letters, digits and what sits inside Persian words. */
const WRITTEN_WORD = /(?:[\p{L}\p{N}\p{M}\u200C\u0640]|\u200D)+/gu;

/**
 * Where the blocklisted terms screening found (stored in `screening.blocklist`) stand in the
 * text as the reader wrote it: [start, end) of each word the same matcher recognises, every
 * disguise folded. Words are tried one by one, so a term of several words is not highlighted
 * (its badge still is).
 */
export function blocklistSpans(body: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  const matcher = compileBlocklist(terms);
  const spans: [number, number][] = [];
  for (const match of body.matchAll(WRITTEN_WORD)) {
    const start = match.index ?? 0;
    if (matcher.match(match[0]).length > 0) spans.push([start, start + match[0].length]);
  }
  return spans;
}

const termsOf = (screening: unknown): string[] => {
  const list = (screening as { blocklist?: unknown } | null)?.blocklist;
  return Array.isArray(list) ? list.filter((term): term is string => typeof term === 'string') : [];
};

/** `%` `_` and `\` of a search taken literally in LIKE. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Everything a moderator needs to decide about a comment, private fields included. */
const MODERATOR_FIELDS = [
  'documentId',
  'body',
  'authorName',
  'authorEmail',
  'moderationStatus',
  'rejectionReason',
  'moderationNote',
  'moderatedAt',
  'ipHash',
  'userAgent',
  'screening',
  'createdAt',
  'updatedAt',
];

const POPULATE = {
  article: { select: ['documentId', 'title', 'locale'] },
  moderatedBy: { select: ['id', 'firstname', 'lastname'] },
};

/** A comment as the moderation API shows it: chosen fields only, never a whole admin user. */
function toModeratorView(row: Record<string, any>) {
  const view: Record<string, unknown> = {};
  for (const field of MODERATOR_FIELDS) view[field] = row[field] ?? null;
  view.moderatedBy = row.moderatedBy
    ? { id: row.moderatedBy.id, firstname: row.moderatedBy.firstname, lastname: row.moderatedBy.lastname }
    : null;
  view.article = row.article
    ? { documentId: row.article.documentId, title: row.article.title, locale: row.article.locale }
    : null;
  view.blocklistSpans = typeof row.body === 'string' ? blocklistSpans(row.body, termsOf(row.screening)) : [];
  return view;
}

/**
 * Adds to each view what services/history.ts gathers (author history, parent, reports,
 * reactions) in a fixed number of queries for the whole page.
 */
async function withExtras(strapi: Core.Strapi, rows: Record<string, any>[]) {
  const extras = await strapi
    .plugin('moderation')
    .service('history')
    .extrasOf(rows.map((row) => row.id));
  return rows.map((row) => ({ ...toModeratorView(row), ...extras.get(row.id) }));
}

/** The moderation queue: comments with everything a moderator needs, oldest first by default. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const commentTable = () => strapi.db.metadata.get(COMMENT_UID).tableName;

  /** The comments matching the desk's filters, as one knex query (not yet ordered or paged). */
  function filteredQuery(query: QueueQuery) {
    const knex = strapi.db.connection;
    const rows = knex(`${commentTable()} as c`);
    if (query.moderationStatus !== undefined) rows.where('c.moderation_status', query.moderationStatus);
    if (query.article !== undefined) {
      rows.whereIn('c.id', knex('khabar_comment_membership').select('comment_id').where('document_id', query.article));
    }
    if (query.flag !== undefined) rows.whereRaw("c.screening -> 'flags' @> ?::jsonb", [JSON.stringify([query.flag])]);
    if (query.reason !== undefined) rows.where('c.rejection_reason', query.reason);
    if (query.from !== undefined) rows.where('c.created_at', '>=', query.from);
    if (query.to !== undefined) rows.where('c.created_at', '<', query.to);
    if (query.q !== undefined)
      rows.whereRaw("khabar_search_key(c.body) LIKE ? ESCAPE '\\'", [`%${escapeLike(query.q)}%`]);
    return rows;
  }

  async function filteredPageIds(query: QueueQuery, direction: 'asc' | 'desc'): Promise<number[]> {
    const rows = await filteredQuery(query)
      .select('c.id')
      .orderBy([
        { column: 'c.created_at', order: direction },
        { column: 'c.id', order: direction },
      ])
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    return rows.map((row: { id: number }) => row.id);
  }

  /** The matches of a filtered list, counted up to LIMITS.filteredCountMax (see there). */
  async function filteredTotal(query: QueueQuery): Promise<number> {
    const knex = strapi.db.connection;
    const matches = filteredQuery(query).select(knex.raw('1')).limit(LIMITS.filteredCountMax);
    const [row] = await knex.from(matches.as('m')).count({ n: '*' });
    return Number((row as { n: string | number }).n);
  }

  /** The tabs' counts (all filters but the article's aside), from the counts table. */
  async function countsByStatus(article: string | undefined): Promise<Record<string, number>> {
    const transitions = strapi.plugin('moderation').service('transitions');
    const counts: Record<ModerationStatus | 'total', number> | undefined =
      article === undefined
        ? await transitions.overallCounts()
        : (await transitions.countsByArticle([article])).get(article);
    const result: Record<string, number> = {};
    for (const status of [...MODERATION_STATUSES, 'total'] as const) result[status] = Number(counts?.[status] ?? 0);
    return result;
  }

  return {
    async list(query: QueueQuery) {
      if (query.reported === 'true') return this.reported(query);
      const { moderationStatus, article, sort, page, pageSize } = query;
      const direction = sort === 'createdAt:desc' ? 'desc' : 'asc';
      const orderBy = [{ createdAt: direction }, { id: direction }];
      const transitions = strapi.plugin('moderation').service('transitions');
      const byIds = (ids: number[]) =>
        ids.length === 0
          ? Promise.resolve([])
          : strapi.db.query(COMMENT_UID).findMany({ where: { id: { $in: ids } }, populate: POPULATE, orderBy });
      const filtered = [query.flag, query.reason, query.from, query.to, query.q].some((value) => value !== undefined);
      // Totals from the counts table (the tabs' counts hold the unfiltered total); one article's
      // page located on the membership index; the desk's other filters each on an index of their
      // own (../desk-indexes.ts).
      const [rows, filteredCount, counts]: [Record<string, any>[], number | undefined, Record<string, number>] =
        await Promise.all([
          filtered
            ? filteredPageIds(query, direction).then(byIds)
            : article !== undefined
              ? transitions
                  .queuePageIds(article, moderationStatus, direction, (page - 1) * pageSize, pageSize)
                  .then(byIds)
              : strapi.db.query(COMMENT_UID).findMany({
                  where: moderationStatus !== undefined ? { moderationStatus } : {},
                  populate: POPULATE,
                  orderBy,
                  offset: (page - 1) * pageSize,
                  limit: pageSize,
                }),
          filtered ? filteredTotal(query) : undefined,
          countsByStatus(article),
        ]);
      const total = filteredCount ?? counts[moderationStatus ?? 'total'];
      const pagination = { page, pageSize, total, pageCount: Math.ceil(total / pageSize) };
      // A filtered list that found at least LIMITS.filteredCountMax comments says so.
      const capped = filtered && total >= LIMITS.filteredCountMax;
      return {
        data: await withExtras(strapi, rows),
        meta: { pagination, counts, ...(capped ? { totalIsCapped: true } : {}) },
      };
    },

    /** The reported queue: comments with open reports, most reported first (services/reports.ts). */
    async reported({ moderationStatus, article, page, pageSize }: QueueQuery) {
      const { ids, total }: { ids: number[]; total: number } = await strapi
        .plugin('moderation')
        .service('reports')
        .reportedPage({ status: moderationStatus, article }, (page - 1) * pageSize, pageSize);
      const rows: Record<string, any>[] =
        ids.length === 0
          ? []
          : await strapi.db.query(COMMENT_UID).findMany({ where: { id: { $in: ids } }, populate: POPULATE });
      const order = new Map(ids.map((id, index) => [id, index]));
      rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return {
        data: await withExtras(strapi, rows),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /** One comment as a moderator sees it; 404 when there is none. */
    async findOne(documentId: string) {
      const row = await strapi.db.query(COMMENT_UID).findOne({ where: { documentId }, populate: POPULATE });
      if (!row) throw localizedError('notFound', 'moderation_not_found');
      return (await withExtras(strapi, [row]))[0];
    },
  };
};
