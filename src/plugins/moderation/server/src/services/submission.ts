import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { nonNegativeInteger } from '../../../../../lib/environment';
import { localizedError, message } from '../../../../../lib/messages';
import { redisClient } from '../../../../../lib/redis';
import { commentsOpen } from '../domain/comment-closing';
import { parseCommentInput } from '../domain/comment-input';
import { authorKey } from '../domain/reader-identity';
import { READER_ACTION_RATE_LIMITS } from '../domain/vocabulary';
import { type CommentRateLimiter, createCommentRateLimiter, type RateLimits } from '../rate-limiter';
import { hashSalt } from '../salt';
import { duplicateFingerprint, isDistinctive, screenComment } from '../screening';
import { autoRejection } from '../settings';
import { ARTICLE_UID, COMMENT_UID } from '../uids';
import { SCREENING_ACTOR_LABEL } from './transitions';

/**
 * A reader's comment arriving, for every public API that takes one (REST `POST /api/comments`,
 * GraphQL `createComment`), so they obey one policy: the same checks, messages, screening, rate
 * limit budget and answer.
 */

/**
 * A field a person never sees (the frontend hides it) but form-filling bots do. A filled one
 * is answered like any submission and the comment is stored rejected as spam.
 */
export const HONEYPOT_FIELD = 'website';

/** What a submission needs of the request that carried it. */
export interface Submission {
  /** The request body as sent: `{ data: { article, authorName, authorEmail?, body, parent?, website? } }`. */
  body: unknown;
  /** The client address as Koa sees it (X-Forwarded-For only behind a trusted proxy). */
  ip: string;
  userAgent: string | undefined;
}

/** The answer to a submission: what the reader sent, and that it waits for review. */
export interface SubmittedComment {
  documentId: string;
  moderationStatus: 'pending';
  authorName: string;
  body: string;
  createdAt: string;
}

/** Where the 429's `Retry-After` header goes: a Koa context (REST, or GraphQL's koaContext). */
export interface RetryAfterTarget {
  set(name: string, value: string): void;
}

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== '' && value !== false;

/** Salted one-way hash of the client address: enough to group abuse, useless to identify. */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(ip).digest('hex');
}

/** The 429 of a submission over the limit; `retryAfterSeconds` also goes in `Retry-After`. */
export function rateLimitedError(retryAfterSeconds: number, budget: RateBudget = 'comments') {
  return localizedError(
    'tooMany',
    budget === 'comments' ? 'comment_rate_limited' : 'reader_action_rate_limited',
    { seconds: retryAfterSeconds },
    { retryAfterSeconds },
  );
}

/**
 * The budgets of the one limiter: comments (limits from the moderation settings), and the
 * readers' light actions, reactions and reports (READER_ACTION_RATE_LIMITS), each counted apart.
 */
export type RateBudget = 'comments' | keyof typeof READER_ACTION_RATE_LIMITS;
const BUDGET_ENVIRONMENT: Record<RateBudget, string> = {
  comments: 'COMMENT_RATE_LIMIT',
  reactions: 'REACTION_RATE_LIMIT',
  reports: 'REPORT_RATE_LIMIT',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // One limiter per budget for the whole server, so REST and GraphQL submissions share one budget.
  const current = new Map<RateBudget, { key: string; limiter: CommentRateLimiter }>();

  /**
   * Comment limits come from the moderation settings (editable in the admin panel, applied on
   * the next request), the readers' actions' from READER_ACTION_RATE_LIMITS, unless the
   * environment fixes them (COMMENT_RATE_LIMIT_PER_MINUTE / _PER_HOUR, REACTION_…, REPORT_…; 0
   * turns a window off, e.g. for load tests).
   */
  async function effectiveLimits(budget: RateBudget): Promise<RateLimits> {
    const perMinute = nonNegativeInteger(process.env[`${BUDGET_ENVIRONMENT[budget]}_PER_MINUTE`]);
    const perHour = nonNegativeInteger(process.env[`${BUDGET_ENVIRONMENT[budget]}_PER_HOUR`]);
    if (perMinute !== undefined && perHour !== undefined) return { perMinute, perHour };
    const defaults =
      budget === 'comments'
        ? (await strapi.plugin('moderation').service('settings').get()).rateLimit
        : READER_ACTION_RATE_LIMITS[budget];
    return { perMinute: perMinute ?? defaults.perMinute, perHour: perHour ?? defaults.perHour };
  }

  function limiterFor(budget: RateBudget, limits: RateLimits): CommentRateLimiter {
    const store = process.env.RATE_LIMIT_STORE === 'redis' ? 'redis' : 'memory';
    const basePrefix = process.env.RATE_LIMIT_KEY_PREFIX || 'khabar-comments';
    // The comment budget keeps its keys as they were; the others get their own.
    const keyPrefix = budget === 'comments' ? basePrefix : `${basePrefix}:${budget}`;
    const key = `${store}:${keyPrefix}:${limits.perMinute}:${limits.perHour}`;
    const existing = current.get(budget);
    if (existing?.key === key) return existing.limiter;
    const limiter = createCommentRateLimiter(limits, {
      redis: store === 'redis' ? redisClient() : undefined,
      keyPrefix,
    });
    current.set(budget, { key, limiter });
    return limiter;
  }

  return {
    /**
     * Counts one submission from `ip` against the shared budget; over the limit it sets
     * `Retry-After` on `response` and throws the 429. Called before the body is checked, so
     * invalid submissions count too.
     */
    async enforceRateLimit(ip: string, response: RetryAfterTarget, budget: RateBudget = 'comments'): Promise<void> {
      const limits = await effectiveLimits(budget);
      if (limits.perMinute === 0 && limits.perHour === 0) return;
      const decision = await limiterFor(budget, limits).consume(ip);
      if (decision.allowed) return;
      response.set('Retry-After', String(decision.retryAfterSeconds));
      throw rateLimitedError(decision.retryAfterSeconds, budget);
    },

    /**
     * Checks a reader's comment, hangs it on a published locale of its article, screens it and
     * stores it pending; rejects it at once when the settings say so (never approves).
     */
    async submit({ body, ip, userAgent: userAgentHeader }: Submission): Promise<SubmittedComment> {
      const parsed = parseCommentInput(body);
      if (!parsed.ok) {
        const errors = parsed.errors.map((error) => ({
          path: [error.field],
          code: error.code,
          messages: message(error.code),
        }));
        throw localizedError('validation', parsed.errors[0].code, {}, { errors });
      }
      const input = parsed.value;
      const honeypotFilled = isFilled((body as { data: Record<string, unknown> }).data[HONEYPOT_FIELD]);

      // A comment hangs on one published locale of the article: the default (Persian) one
      // when it is published, so withdrawing a translation does not hide the discussion.
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const publishedRows: {
        id: number;
        documentId: string;
        locale: string;
        commentsEnabled: boolean | null;
        commentsCloseAt: string | null;
        publishedAt: string;
      }[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId: input.article, publishedAt: { $notNull: true } },
        select: ['id', 'documentId', 'locale', 'commentsEnabled', 'commentsCloseAt', 'publishedAt'],
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
      const settings = await strapi.plugin('moderation').service('settings').get();
      // The article's own switch and close date, then the site's age limit (domain/comment-closing.ts).
      const earliestPublication = publishedRows
        .map((row) => row.publishedAt)
        .reduce((a, b) => (new Date(a) <= new Date(b) ? a : b));
      const open = commentsOpen(
        { ...article, publishedAt: earliestPublication },
        settings.closeCommentsAfterDays,
        new Date(),
      );
      if (!open) throw localizedError('forbidden', 'comment_comments_closed');

      // A reply answers a comment the public sees, under the same article, that is not itself a
      // reply. Pending, rejected, missing or elsewhere: one answer, so nothing hidden is revealed.
      const parent = input.parent
        ? await strapi.plugin('moderation').service('threads').replyTarget(input.parent, article.documentId)
        : null;
      if (input.parent && !parent) {
        throw localizedError(
          'validation',
          'comment_parent_not_found',
          {},
          {
            errors: [
              { path: ['parent'], code: 'comment_parent_not_found', messages: message('comment_parent_not_found') },
            ],
          },
        );
      }
      if (parent?.isReply) {
        throw localizedError(
          'validation',
          'comment_parent_is_reply',
          {},
          {
            errors: [
              { path: ['parent'], code: 'comment_parent_is_reply', messages: message('comment_parent_is_reply') },
            ],
          },
        );
      }

      const salt = hashSalt(strapi);
      const ipHash = hashIp(ip, salt);
      // The column holds 255 characters; app browsers (Instagram, Telegram) send longer ones.
      const userAgent =
        Array.from(userAgentHeader ?? '')
          .slice(0, 255)
          .join('') || null;
      const fingerprint = duplicateFingerprint(input.body);

      // Screened against every published language version, words weighed by the site's frequencies.
      const termFrequencies = strapi.service('api::article.term-frequencies');
      const articleVersions = await termFrequencies.versions(article.id);
      // A reply is measured against the article and the comment it answers.
      const articleText =
        parent && articleVersions
          ? {
              ...articleVersions,
              otherVersions: [...(articleVersions.otherVersions ?? []), { title: null, lead: null, body: parent.body }],
            }
          : articleVersions;
      const frequencies = await termFrequencies.frequencies();
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
        { text: input.body, article: articleText, frequencies, honeypotFilled, isDuplicate, copiesOtherReader },
        { blocklist: settings.blocklist, relevanceThreshold: settings.relevanceThreshold, maxLinks: settings.maxLinks },
      );

      const created = await strapi.db.transaction(async ({ trx }) => {
        const row = await strapi.documents(COMMENT_UID).create({
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
        // Columns no API writes: the parent (the comment's private `parentDocumentId`, which
        // the Document Service path refuses to set) and the key of the author's history.
        await strapi.db
          .connection(strapi.db.metadata.get(COMMENT_UID).tableName)
          .transacting(trx as never)
          .where('id', row.id)
          .update({
            parent_document_id: parent?.documentId ?? null,
            author_key: authorKey({ email: input.authorEmail, ipHash }, salt),
          });
        return row;
      });

      // Screening may reject (as the settings say, and always for a honeypot hit); it never
      // approves. The answer is the same either way, so it teaches a spammer nothing.
      const reason = honeypotFilled ? 'spam' : autoRejection(screening.flags, settings.autoReject);
      if (reason) {
        await strapi
          .plugin('moderation')
          .service('transitions')
          .transition(created.documentId, {
            action: 'reject',
            reason,
            note: honeypotFilled ? 'Honeypot field filled.' : `Rejected automatically: ${screening.flags.join(', ')}.`,
            actor: { id: null, label: SCREENING_ACTOR_LABEL },
          });
      }
      return {
        documentId: created.documentId,
        moderationStatus: 'pending',
        authorName: created.authorName as string,
        body: created.body as string,
        createdAt: created.createdAt as unknown as string,
      };
    },
  };
};
