import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { localizedError, message } from '../../../lib/messages';
import { redisClient } from '../../../lib/redis';
import { parseCommentInput } from '../../../moderation/policy/comment-input';
import { type CommentRateLimiter, createCommentRateLimiter, type RateLimits } from '../../../moderation/rate-limiter';
import { duplicateFingerprint, isDistinctive, screenComment } from '../../../moderation/screening';
import { autoRejection } from '../../../moderation/settings';

/**
 * A reader's comment submission, shared by every public API that takes one (REST
 * `POST /api/comments`, GraphQL `createComment`), so they obey one policy: the same checks,
 * messages, screening, rate limit budget and answer.
 */

/**
 * A field a person never sees (the frontend hides it) but form-filling bots do. A filled one
 * is answered like any submission and the comment is stored rejected as spam.
 */
export const HONEYPOT_FIELD = 'website';

const COMMENT_UID = 'api::comment.comment';
const ARTICLE_UID = 'api::article.article';

/** What a submission needs of the request that carried it. */
export type SubmissionRequest = {
  /** The request body as sent: `{ data: { article, authorName, authorEmail?, body, website? } }`. */
  body: unknown;
  /** The client address as Koa reads it (X-Forwarded-For only with TRUST_PROXY). */
  ip: string;
  userAgent: string | undefined;
};

/** The answer to a submission: what the reader sent, and that it waits for review. */
export type SubmittedComment = {
  documentId: string;
  moderationStatus: 'pending';
  authorName: string;
  body: string;
  createdAt: string;
};

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== '' && value !== false;

/** Salted one-way hash of the client address: enough to group abuse, useless to identify. */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(ip).digest('hex');
}

function fromEnvironment(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** The 429 of a submission over the limit; `retryAfterSeconds` also goes in `Retry-After`. */
export function rateLimitedError(retryAfterSeconds: number) {
  return localizedError('tooMany', 'comment_rate_limited', { seconds: retryAfterSeconds }, { retryAfterSeconds });
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // One limiter for the whole server, so REST and GraphQL submissions share one budget.
  let current: { key: string; limiter: CommentRateLimiter } | null = null;

  /**
   * Limits come from the moderation settings (editable in the admin panel, applied on the next
   * request) unless the environment fixes them (COMMENT_RATE_LIMIT_PER_MINUTE / _PER_HOUR; 0
   * turns a window off, e.g. for load tests).
   */
  async function effectiveLimits(): Promise<RateLimits> {
    const perMinute = fromEnvironment('COMMENT_RATE_LIMIT_PER_MINUTE');
    const perHour = fromEnvironment('COMMENT_RATE_LIMIT_PER_HOUR');
    if (perMinute !== undefined && perHour !== undefined) return { perMinute, perHour };
    const settings = await strapi.service('api::moderation-setting.moderation-setting').get();
    return { perMinute: perMinute ?? settings.rateLimit.perMinute, perHour: perHour ?? settings.rateLimit.perHour };
  }

  function limiterFor(limits: RateLimits): CommentRateLimiter {
    const store = process.env.RATE_LIMIT_STORE === 'redis' ? 'redis' : 'memory';
    const keyPrefix = process.env.RATE_LIMIT_KEY_PREFIX || 'khabar-comments';
    const key = `${store}:${keyPrefix}:${limits.perMinute}:${limits.perHour}`;
    if (current?.key !== key) {
      current = {
        key,
        limiter: createCommentRateLimiter(limits, { redis: store === 'redis' ? redisClient() : undefined, keyPrefix }),
      };
    }
    return current.limiter;
  }

  return {
    /** Counts one submission from `ip`; null when allowed, else the seconds to wait. */
    async consumeRateLimit(ip: string): Promise<{ retryAfterSeconds: number } | null> {
      const limits = await effectiveLimits();
      if (limits.perMinute === 0 && limits.perHour === 0) return null;
      const decision = await limiterFor(limits).consume(ip);
      return decision.allowed ? null : { retryAfterSeconds: decision.retryAfterSeconds };
    },

    /** Checks, screens and stores a reader's comment, always pending (or rejected by screening). */
    async submit(request: SubmissionRequest): Promise<SubmittedComment> {
      const parsed = parseCommentInput(request.body);
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
      const ipHash = hashIp(request.ip, salt);
      // The column holds 255 characters; app browsers (Instagram, Telegram) send longer ones.
      const userAgent =
        Array.from(request.userAgent ?? '')
          .slice(0, 255)
          .join('') || null;
      const fingerprint = duplicateFingerprint(input.body);
      const honeypotFilled = isFilled((request.body as { data: Record<string, unknown> }).data[HONEYPOT_FIELD]);

      const articleText = await strapi.db.query(ARTICLE_UID).findOne({
        where: { id: article.id },
        select: ['title', 'lead', 'body'],
      });
      const recentSameText = async (sender: Record<string, unknown>) =>
        settings.duplicateWindowMinutes > 0 &&
        (await strapi.db.query(COMMENT_UID).count({
          where: {
            fingerprint,
            createdAt: { $gte: new Date(Date.now() - settings.duplicateWindowMinutes * 60_000) },
            ...sender,
          },
        })) > 0;
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
