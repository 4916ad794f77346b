import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../../lib/messages';
import { COMMENT_UID } from '../uids';
import type { QueueQuery } from '../validation/admin-api';

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
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: QueueQuery) {
    if (query.reported === 'true') return this.reported(query);
    const { moderationStatus, article, sort, page, pageSize } = query;
    const where: Record<string, unknown> = {};
    if (moderationStatus !== undefined) where.moderationStatus = moderationStatus;
    if (article !== undefined) where.article = { documentId: article };
    const direction = sort === 'createdAt:desc' ? 'desc' : 'asc';
    const orderBy = [{ createdAt: direction }, { id: direction }];
    const transitions = strapi.plugin('moderation').service('transitions');
    // Totals from the counts table; one article's page located on the membership index.
    const [rows, total]: [Record<string, any>[], number] = await Promise.all([
      article !== undefined
        ? transitions
            .queuePageIds(article, moderationStatus, direction, (page - 1) * pageSize, pageSize)
            .then((ids: number[]) =>
              ids.length === 0
                ? []
                : strapi.db.query(COMMENT_UID).findMany({ where: { id: { $in: ids } }, populate: POPULATE, orderBy }),
            )
        : strapi.db.query(COMMENT_UID).findMany({
            where,
            populate: POPULATE,
            orderBy,
            offset: (page - 1) * pageSize,
            limit: pageSize,
          }),
      transitions.queueTotal(article, moderationStatus),
    ]);
    return {
      data: await withExtras(strapi, rows),
      meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
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
});
