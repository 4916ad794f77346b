import { createHmac } from 'node:crypto';
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { articleCommentPage } from '../../../lib/comment-page';
import { localizedError, message } from '../../../lib/messages';
import { parseCommentInput } from '../../../moderation/policy/comment-input';
import { duplicateFingerprint, isDistinctive, screenComment } from '../../../moderation/screening';
import { autoRejection } from '../../../moderation/settings';

/**
 * A field a person never sees (the frontend hides it) but form-filling bots do. A filled one
 * is answered like any submission and the comment is stored rejected as spam.
 */
export const HONEYPOT_FIELD = 'website';

const COMMENT_UID = 'api::comment.comment';
const ARTICLE_UID = 'api::article.article';

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

const PUBLIC_FIELDS = ['documentId', 'authorName', 'body', 'createdAt'];

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== '' && value !== false;

/** Salted one-way hash of the client address: enough to group abuse, useless to identify. */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(ip).digest('hex');
}

export default factories.createCoreController(COMMENT_UID, ({ strapi }) => {
  /** Strapi's own query checks: private fields and unknown keys in filters/sort are a 400. */
  async function validatedQuery(ctx: Ctx): Promise<Record<string, any>> {
    const schema = strapi.getModel(COMMENT_UID);
    const auth = ctx.state.auth;
    await strapi.contentAPI.validate.query(ctx.query, schema, { auth });
    return (await strapi.contentAPI.sanitize.query(ctx.query, schema, { auth })) as Record<string, any>;
  }

  return {
    /** A reader submits a comment. It is stored pending; the answer shows only public fields. */
    async create(ctx: Ctx) {
      const parsed = parseCommentInput(ctx.request.body);
      if (!parsed.ok) {
        const errors = parsed.errors.map((error) => ({
          path: [error.field],
          code: error.code,
          messages: message(error.code),
        }));
        throw localizedError('validation', parsed.errors[0].code, {}, { errors });
      }
      const input = parsed.value;

      // A comment hangs on one published locale of the article: the default (Persian) one
      // when it is published, so withdrawing a translation does not hide the discussion.
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const publishedRows: { id: number; documentId: string; locale: string; commentsEnabled: boolean | null }[] =
        await strapi.db.query(ARTICLE_UID).findMany({
          where: { documentId: input.article, publishedAt: { $notNull: true } },
          select: ['id', 'documentId', 'locale', 'commentsEnabled'],
          orderBy: { id: 'asc' },
        });
      const article = publishedRows.find((row) => row.locale === defaultLocale) ?? publishedRows[0];
      if (!article) {
        throw localizedError(
          'validation',
          'comment_article_not_found',
          {},
          {
            errors: [
              { path: ['article'], code: 'comment_article_not_found', messages: message('comment_article_not_found') },
            ],
          },
        );
      }
      if (article.commentsEnabled === false) throw localizedError('forbidden', 'comment_comments_closed');

      const settings = await strapi.service('api::moderation-setting.moderation-setting').get();
      const salt = String(process.env.IP_HASH_SALT || (strapi.config.get('server.app.keys') as string[])[0]);
      const ipHash = hashIp(ctx.request.ip, salt);
      // The column holds 255 characters; app browsers (Instagram, Telegram) send longer ones.
      const userAgent =
        Array.from(ctx.get('user-agent') ?? '')
          .slice(0, 255)
          .join('') || null;
      const fingerprint = duplicateFingerprint(input.body);
      const honeypotFilled = isFilled((ctx.request.body as { data: Record<string, unknown> }).data[HONEYPOT_FIELD]);

      const articleText = await strapi.db.query(ARTICLE_UID).findOne({
        where: { id: article.id },
        select: ['title', 'lead', 'body'],
      });
      const recentSameText = async (sender: Record<string, unknown>) =>
        settings.duplicateWindowMinutes > 0 &&
        // One row is enough: no count of every earlier copy.
        (await strapi.db.query(COMMENT_UID).findOne({
          select: ['id'],
          where: {
            fingerprint,
            createdAt: { $gte: new Date(Date.now() - settings.duplicateWindowMinutes * 60_000) },
            ...sender,
          },
        })) !== null;
      // The same sender's repeat: under this article, or under any when the text is distinctive.
      const isDuplicate = await recentSameText(
        isDistinctive(input.body) ? { ipHash } : { ipHash, article: { documentId: article.documentId } },
      );
      const copiesOtherReader =
        !isDuplicate &&
        (await recentSameText({ ipHash: { $ne: ipHash }, article: { documentId: article.documentId } }));
      const screening = screenComment(
        { text: input.body, article: articleText, honeypotFilled, isDuplicate, copiesOtherReader },
        { blocklist: settings.blocklist, relevanceThreshold: settings.relevanceThreshold, maxLinks: settings.maxLinks },
      );

      const created = await strapi.documents(COMMENT_UID).create({
        data: {
          body: input.body,
          authorName: input.authorName,
          authorEmail: input.authorEmail,
          article: { documentId: article.documentId, locale: article.locale },
          ipHash,
          userAgent,
          screening,
          fingerprint,
        } as never,
      });

      // Screening may reject (as the settings say, and always for a honeypot hit); it never
      // approves. The answer is the same either way, so it teaches a spammer nothing.
      const reason = honeypotFilled ? 'spam' : autoRejection(screening.flags, settings.autoReject);
      if (reason) {
        await strapi.service('api::comment.moderation').transition(created.documentId, {
          action: 'reject',
          reason,
          note: honeypotFilled ? 'Honeypot field filled.' : `Rejected automatically: ${screening.flags.join(', ')}.`,
          actor: { id: null, label: 'screening' },
        });
      }
      ctx.status = 201;
      ctx.body = {
        data: {
          documentId: created.documentId,
          moderationStatus: 'pending',
          authorName: created.authorName,
          body: created.body,
          createdAt: created.createdAt,
        },
      };
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
