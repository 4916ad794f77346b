import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../../lib/messages';
import { type ArticleText, type Screening, screenComment } from '../screening';
import { ARTICLE_UID } from '../uids';

/** Screening a text under the current settings, as the moderation API's "try a text" does. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The screening a new comment with this text on the article (if given) would get. */
  async tryText(text: string, articleDocumentId?: string | null): Promise<Screening> {
    let article: ArticleText | null = null;
    if (articleDocumentId !== undefined && articleDocumentId !== null) {
      article = await strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId: articleDocumentId },
        select: ['title', 'lead', 'body'],
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      });
      if (!article) throw localizedError('notFound', 'comment_article_not_found');
    }
    const settings = await strapi.plugin('moderation').service('settings').get();
    return screenComment(
      { text, article },
      { blocklist: settings.blocklist, relevanceThreshold: settings.relevanceThreshold, maxLinks: settings.maxLinks },
    );
  },
});
