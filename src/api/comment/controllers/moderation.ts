import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ConflictError, conflictBody, localizedError } from '../../../lib/messages';
import {
  isModerationAction,
  isModerationStatus,
  isRejectionReason,
  type ModerationAction,
} from '../../../moderation/policy/statuses';
import { screenComment } from '../../../moderation/screening';
import type { SettingsError } from '../../../moderation/settings';
import type { Actor, TransitionRequest } from '../services/moderation';

const COMMENT_UID = 'api::comment.comment';
const MAX_BULK = 500;
const MAX_PAGE_SIZE = 200;
const MAX_NOTE = 2000;

type AdminCtx = Context & { request: Context['request'] & { body?: unknown }; params: Record<string, string> };

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

const POPULATE = {
  article: { select: ['documentId', 'title', 'locale'] },
  moderatedBy: { select: ['id', 'firstname', 'lastname'] },
};

function actorOf(ctx: AdminCtx): Actor {
  const user = ctx.state.user as { id: number; firstname?: string; lastname?: string; email?: string };
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
  return { id: user.id, label: name || user.email || `admin #${user.id}` };
}

function positiveInt(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 1 && number <= max)) throw localizedError('validation', 'moderation_bad_query', { name });
  return number;
}

function readNote(body: Record<string, unknown>): string | null {
  if (body.note === undefined || body.note === null || body.note === '') return null;
  if (typeof body.note !== 'string' || body.note.length > MAX_NOTE)
    throw localizedError('validation', 'moderation_bad_note');
  return body.note.trim() || null;
}

function readReason(action: ModerationAction, body: Record<string, unknown>) {
  if (action === 'reject' && !isRejectionReason(body.reason))
    throw localizedError('validation', 'moderation_reason_required');
  return body.reason;
}

const bodyOf = (ctx: AdminCtx): Record<string, unknown> => {
  const body = ctx.request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
};

/** Admin API of the moderation queue, mounted at /moderation (see src/moderation/admin-routes.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => strapi.service('api::comment.moderation');

  async function respondWithComment(ctx: AdminCtx, documentId: string) {
    const row = await strapi.db.query(COMMENT_UID).findOne({ where: { documentId }, populate: POPULATE });
    if (!row) throw localizedError('notFound', 'moderation_not_found');
    ctx.body = { data: toModeratorView(row) };
  }

  async function runTransition(ctx: AdminCtx, work: () => Promise<unknown>) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConflictError) {
        ctx.status = 409;
        ctx.body = conflictBody(error);
        return undefined;
      }
      throw error;
    }
  }

  function singleAction(action: ModerationAction) {
    return async (ctx: AdminCtx) => {
      const body = bodyOf(ctx);
      const request: TransitionRequest = {
        action,
        reason: action === 'reject' ? readReason(action, body) : body.reason,
        note: readNote(body),
        actor: actorOf(ctx),
      };
      const done = await runTransition(ctx, () => moderation().transition(ctx.params.documentId, request));
      if (done) await respondWithComment(ctx, ctx.params.documentId);
    };
  }

  return {
    async list(ctx: AdminCtx) {
      const { moderationStatus, article, sort } = ctx.query as Record<string, unknown>;
      const where: Record<string, unknown> = {};
      if (moderationStatus !== undefined) {
        if (!isModerationStatus(moderationStatus))
          throw localizedError('validation', 'moderation_bad_query', { name: 'moderationStatus' });
        where.moderationStatus = moderationStatus;
      }
      if (article !== undefined) {
        if (typeof article !== 'string' || article === '')
          throw localizedError('validation', 'moderation_bad_query', { name: 'article' });
        where.article = { documentId: article };
      }
      if (sort !== undefined && sort !== 'createdAt:asc' && sort !== 'createdAt:desc') {
        throw localizedError('validation', 'moderation_bad_query', { name: 'sort' });
      }
      const page = positiveInt(ctx.query.page, 'page', 1, 1_000_000);
      const pageSize = positiveInt(ctx.query.pageSize, 'pageSize', 50, MAX_PAGE_SIZE);
      const direction = sort === 'createdAt:desc' ? 'desc' : 'asc';
      const orderBy = [{ createdAt: direction }, { id: direction }];
      // Totals from the counts table; one article's page located on the membership index.
      const [rows, total] = await Promise.all([
        typeof article === 'string'
          ? moderation()
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
        moderation().queueTotal(article, moderationStatus),
      ]);
      ctx.body = {
        data: rows.map(toModeratorView),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    async findOne(ctx: AdminCtx) {
      await respondWithComment(ctx, ctx.params.documentId);
    },

    approve: singleAction('approve'),
    reject: singleAction('reject'),
    reopen: singleAction('reopen'),

    async bulk(ctx: AdminCtx) {
      const body = bodyOf(ctx);
      if (!isModerationAction(body.action)) throw localizedError('validation', 'moderation_bad_action');
      const ids = body.documentIds;
      if (
        !Array.isArray(ids) ||
        ids.length === 0 ||
        ids.length > MAX_BULK ||
        !ids.every((id) => typeof id === 'string' && id !== '')
      ) {
        throw localizedError('validation', 'moderation_bad_ids');
      }
      const request: TransitionRequest = {
        action: body.action,
        reason: body.action === 'reject' ? readReason(body.action, body) : body.reason,
        note: readNote(body),
        actor: actorOf(ctx),
      };
      const results = await runTransition(ctx, () => moderation().transitionMany(ids as string[], request));
      if (results) ctx.body = { data: results };
    },

    async getSettings(ctx: AdminCtx) {
      ctx.body = { data: await strapi.service('api::moderation-setting.moderation-setting').get() };
    },

    async updateSettings(ctx: AdminCtx) {
      const result = await strapi.service('api::moderation-setting.moderation-setting').update(ctx.request.body);
      if (!result.ok) {
        const first = result.errors[0];
        throw new errors.ValidationError(first.message.en, {
          code: 'moderation_bad_settings',
          messages: first.message,
          errors: result.errors.map((error: SettingsError) => ({ path: [error.path], messages: error.message })),
        });
      }
      ctx.body = { data: result.value };
    },

    /** Screens a text against the current rules, as a new comment on `article` would be. */
    async screen(ctx: AdminCtx) {
      const body = bodyOf(ctx);
      if (typeof body.text !== 'string' || body.text.trim() === '' || body.text.length > 20_000) {
        throw localizedError('validation', 'moderation_bad_query', { name: 'text' });
      }
      let article: { title?: string; lead?: string; body?: string } | null = null;
      if (body.article !== undefined && body.article !== null) {
        if (typeof body.article !== 'string')
          throw localizedError('validation', 'moderation_bad_query', { name: 'article' });
        article = await strapi.db.query('api::article.article').findOne({
          where: { documentId: body.article },
          select: ['title', 'lead', 'body'],
          orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        });
        if (!article) throw localizedError('notFound', 'comment_article_not_found');
      }
      const settings = await strapi.service('api::moderation-setting.moderation-setting').get();
      ctx.body = {
        data: screenComment(
          { text: body.text, article },
          {
            blocklist: settings.blocklist,
            relevanceThreshold: settings.relevanceThreshold,
            maxLinks: settings.maxLinks,
          },
        ),
      };
    },

    async stats(ctx: AdminCtx) {
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const article = strapi.db.metadata.get('api::article.article').tableName;
      // One row per article from the counts table (database/comment-counts.js), with its title
      // in the default locale when there is one (its newest row), else the oldest row's.
      const [overall, { rows }] = await Promise.all([
        moderation().overallCounts(),
        strapi.db.connection.raw(
          `SELECT c.document_id, c.pending, c.approved, c.rejected,
                  (SELECT a.title FROM ?? a WHERE a.document_id = c.document_id
                    ORDER BY (a.locale = ?) DESC, CASE WHEN a.locale = ? THEN -a.id ELSE a.id END LIMIT 1) AS title
             FROM (SELECT document_id,
                          coalesce(sum(n) FILTER (WHERE counter = 'pending'), 0) AS pending,
                          coalesce(sum(n) FILTER (WHERE counter = 'approved'), 0) AS approved,
                          coalesce(sum(n) FILTER (WHERE counter = 'rejected'), 0) AS rejected
                     FROM khabar_comment_counts WHERE document_id <> '' GROUP BY document_id) c
            WHERE c.pending + c.approved + c.rejected <> 0`,
          [article, defaultLocale, defaultLocale],
        ) as Promise<{
          rows: { document_id: string; title: string | null; pending: string; approved: string; rejected: string }[];
        }>,
      ]);
      const perArticle = rows.map((row) => {
        const [pending, approved, rejected] = [Number(row.pending), Number(row.approved), Number(row.rejected)];
        return {
          documentId: row.document_id,
          title: row.title,
          total: pending + approved + rejected,
          pending,
          approved,
          rejected,
        };
      });
      ctx.body = { data: { overall, articles: perArticle } };
    },
  };
};
