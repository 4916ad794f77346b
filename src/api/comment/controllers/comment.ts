import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { articleCommentPage } from '../../../lib/comment-page';
import { localizedError } from '../../../lib/messages';

const COMMENT_UID = 'api::comment.comment';

type Ctx = Context & { request: Context['request'] & { body?: unknown } };

type PublicComment = {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  article: { documentId: string } | null;
};

/** The public shape of a comment: nothing private, nothing about moderation internals. */
export function toPublicComment(row: Record<string, any>): PublicComment {
  return {
    documentId: row.documentId,
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt,
    article: row.article?.documentId ? { documentId: row.article.documentId } : null,
  };
}

/** What the public sees of a comment (toPublicComment adds the article's documentId). */
const PUBLIC_FIELDS = ['documentId', 'authorName', 'body', 'createdAt'];

export default factories.createCoreController(COMMENT_UID, ({ strapi }) => {
  /** Strapi's own query checks: private fields and unknown keys in filters/sort are a 400. */
  async function validatedQuery(ctx: Ctx): Promise<Record<string, any>> {
    const schema = strapi.getModel(COMMENT_UID);
    const auth = ctx.state.auth;
    await strapi.contentAPI.validate.query(ctx.query, schema, { auth });
    return (await strapi.contentAPI.sanitize.query(ctx.query, schema, { auth })) as Record<string, any>;
  }

  return {
    /**
     * A reader submits a comment: the moderation plugin's submission service (shared with
     * GraphQL's createComment) checks, screens and stores it pending; the answer shows only
     * public fields. The rate limit ran before, in global::comment-rate-limit.
     */
    async create(ctx: Ctx) {
      const submitted = await strapi
        .plugin('moderation')
        .service('submission')
        .submit({
          body: ctx.request.body,
          ip: ctx.request.ip,
          userAgent: ctx.get('user-agent') || undefined,
        });
      ctx.status = 201;
      ctx.body = { data: submitted };
    },

    /**
     * No caller of the content API (a reader's role, a full-access or custom API token) edits
     * or deletes a comment: that is moderation, done in the admin panel with an audit record.
     * The routes stay so every caller gets this answer rather than a 404.
     */
    async update() {
      throw localizedError('forbidden', 'comment_api_write_forbidden');
    },

    async delete() {
      throw localizedError('forbidden', 'comment_api_write_forbidden');
    },

    /** Approved comments only: src/document-middlewares/public-read-visibility.ts narrows the read. */
    async find(ctx: Ctx) {
      const query = await validatedQuery(ctx);
      const shape = { fields: PUBLIC_FIELDS, populate: { article: { fields: ['documentId'] } } };
      // One article's comments by time: the page is located on an index (services/public-page.ts).
      const request = articleCommentPage(query, {
        defaultPageSize: strapi.config.get('api.rest.defaultLimit', 25),
        maxPageSize: strapi.config.get('api.rest.maxLimit', 100),
      });
      if (request) {
        const { ids, total }: { ids: number[]; total: number } = await strapi
          .service('api::comment.public-page')
          .locate(request);
        const results =
          ids.length === 0
            ? []
            : await strapi.documents(COMMENT_UID).findMany({
                ...shape,
                filters: { id: { $in: ids } },
                sort: { createdAt: request.direction },
              } as never);
        const order = new Map(ids.map((id, index) => [id, index]));
        (results as Record<string, any>[]).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
        const { page, pageSize } = request;
        ctx.body = {
          data: (results as Record<string, any>[]).map(toPublicComment),
          meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
        };
        return;
      }
      const { results, pagination } = await strapi.service(COMMENT_UID).find({ ...query, ...shape });
      ctx.body = { data: (results as Record<string, any>[]).map(toPublicComment), meta: { pagination } };
    },

    async findOne(ctx: Ctx) {
      const query = await validatedQuery(ctx);
      const found = await strapi.documents(COMMENT_UID).findFirst({
        filters: { $and: [{ documentId: ctx.params.id }, query.filters ?? {}] },
        fields: PUBLIC_FIELDS,
        populate: { article: { fields: ['documentId'] } },
      } as never);
      if (!found) throw localizedError('notFound', 'moderation_not_found');
      ctx.body = { data: toPublicComment(found as Record<string, any>) };
    },
  };
});
