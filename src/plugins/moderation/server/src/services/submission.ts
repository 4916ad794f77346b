import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { localizedError, message } from '../../../../../lib/messages';
import type { CommentInput } from '../domain/comment-input';
import { duplicateFingerprint, isDistinctive, screenComment } from '../screening';
import { autoRejection } from '../settings';
import { ARTICLE_UID, COMMENT_UID } from '../uids';
import { SCREENING_ACTOR_LABEL } from './transitions';

/** Salted one-way hash of the client address: enough to group abuse, useless to identify. */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(ip).digest('hex');
}

export interface Submission {
  /** What the reader wrote, already checked (../domain/comment-input.ts). */
  input: CommentInput;
  /** The client address as Koa sees it (X-Forwarded-For only behind a trusted proxy). */
  ip: string;
  userAgent: string | undefined;
  /** The hidden form field only bots fill in. */
  honeypotFilled: boolean;
}

/**
 * A reader's comment arriving: it is hung on a published locale of its article, screened, stored
 * pending, and rejected at once when the settings say so (never approved).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit({ input, ip, userAgent: userAgentHeader, honeypotFilled }: Submission) {
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

    const settings = await strapi.plugin('moderation').service('settings').get();
    const salt = String(process.env.IP_HASH_SALT || (strapi.config.get('server.app.keys') as string[])[0]);
    const ipHash = hashIp(ip, salt);
    // The column holds 255 characters; app browsers (Instagram, Telegram) send longer ones.
    const userAgent =
      Array.from(userAgentHeader ?? '')
        .slice(0, 255)
        .join('') || null;
    const fingerprint = duplicateFingerprint(input.body);

    // Screened against every published language version, words weighed by the site's frequencies.
    const termFrequencies = strapi.service('api::article.term-frequencies');
    const articleText = await termFrequencies.versions(article.id);
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
      !isDuplicate && (await recentSameText({ ipHash: { $ne: ipHash }, article: { documentId: article.documentId } }));
    const screening = screenComment(
      { text: input.body, article: articleText, frequencies, honeypotFilled, isDuplicate, copiesOtherReader },
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
    return created as { documentId: string; authorName: string; body: string; createdAt: string };
  },
});
