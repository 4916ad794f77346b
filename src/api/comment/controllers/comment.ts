import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { articleCommentPage } from '../../../lib/comment-page';
import { localizedError } from '../../../lib/messages';
import { readerOf } from '../../../lib/reader-cookie';
import { parseReportInput } from '../../../plugins/moderation/server/src/domain/reader-input';
import { isReactionKind } from '../../../plugins/moderation/server/src/domain/vocabulary';

const COMMENT_UID = 'api::comment.comment';

type Ctx = Context & { request: Context['request'] & { body?: unknown } };

type Reactions = { agree: number; disagree: number };

type PublicReply = {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  parent: { documentId: string };
  reactions: Reactions;
};

type PublicComment = {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  article: { documentId: string } | null;
  reactions: Reactions;
  replies: PublicReply[];
};

/** The public shape of a comment: nothing private, nothing about moderation internals. */
export function toPublicComment(row: Record<string, any>): Omit<PublicComment, 'reactions' | 'replies'> {
  return {
    documentId: row.documentId,
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt,
    article: row.article?.documentId ? { documentId: row.article.documentId } : null,
  };
}

/**
 * Public comments with their approved replies (oldest first) and everyone's reaction counts:
 * two queries for a whole page (the moderation plugin's threads and reactions services).
 */
export async function withThreads(strapi: Core.Strapi, rows: Record<string, any>[]): Promise<PublicComment[]> {
  const plugin = strapi.plugin('moderation');
  const replies: Map<string, ({ id: number } & Omit<PublicReply, 'reactions'>)[]> = await plugin
    .service('threads')
    .repliesOf(rows.map((row) => row.documentId));
  const ids = [...rows.map((row) => row.id as number), ...[...replies.values()].flat().map((reply) => reply.id)];
  const reactions: Map<number, Reactions> = await plugin.service('reactions').countsOf(ids);
  const countsOf = (id: number) => reactions.get(id) ?? { agree: 0, disagree: 0 };
  return rows.map((row) => ({
    ...toPublicComment(row),
    reactions: countsOf(row.id),
    replies: (replies.get(row.documentId) ?? []).map(({ id, ...reply }) => ({ ...reply, reactions: countsOf(id) })),
  }));
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
          data: await withThreads(strapi, results as Record<string, any>[]),
          meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
        };
        return;
      }
      const { results, pagination } = await strapi.service(COMMENT_UID).find({ ...query, ...shape });
      ctx.body = { data: await withThreads(strapi, results as Record<string, any>[]), meta: { pagination } };
    },

    async findOne(ctx: Ctx) {
      const query = await validatedQuery(ctx);
      const found = await strapi.documents(COMMENT_UID).findFirst({
        filters: { $and: [{ documentId: ctx.params.id }, query.filters ?? {}] },
        fields: PUBLIC_FIELDS,
        populate: { article: { fields: ['documentId'] } },
      } as never);
      if (!found) throw localizedError('notFound', 'moderation_not_found');
      ctx.body = { data: (await withThreads(strapi, [found as Record<string, any>]))[0] };
    },

    /**
     * A reader agrees or disagrees with a public comment (`{"kind": "agree"|"disagree"}`): one
     * reaction per reader, a new one replacing the old. The rate limit ran before, in
     * global::reader-action-rate-limit; the plugin's reactions service writes.
     */
    async react(ctx: Ctx) {
      const kind = (ctx.request.body as { kind?: unknown } | undefined)?.kind;
      if (!isReactionKind(kind)) throw localizedError('validation', 'reaction_kind_invalid');
      const reader = readerOf(strapi, ctx);
      const data = await strapi.plugin('moderation').service('reactions').react(ctx.params.id, reader.key, kind);
      reader.remember();
      ctx.body = { data };
    },

    /**
     * A reader reports a public comment (`{"reason", "note"?}`): it stays published, and goes to
     * the moderators' reported queue. 201 for a new report, 200 for a repeat (nothing changes).
     */
    async report(ctx: Ctx) {
      const input = parseReportInput(ctx.request.body);
      if (!input.ok) throw localizedError('validation', input.code);
      const reader = readerOf(strapi, ctx);
      const { created } = await strapi
        .plugin('moderation')
        .service('reports')
        .report(ctx.params.id, reader.key, input.value.reason, input.value.note);
      reader.remember();
      ctx.status = created ? 201 : 200;
      ctx.body = { data: { documentId: ctx.params.id, reported: true } };
    },
  };
});
