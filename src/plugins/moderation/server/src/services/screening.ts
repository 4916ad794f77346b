import type { Core } from '@strapi/strapi';
import { localizedError } from '../../../../../lib/messages';
import { type ArticleVersions, type Screening, screenComment } from '../screening';
import { ARTICLE_UID } from '../uids';

/** Screening a text under the current settings, as the moderation API's "try a text" does. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The screening a new comment with this text on the article (if given) would get. */
  async tryText(text: string, articleDocumentId?: string | null): Promise<Screening> {
    const termFrequencies = strapi.service('api::article.term-frequencies');
    let article: ArticleVersions | null = null;
    if (articleDocumentId !== undefined && articleDocumentId !== null) {
      const found: { id: number } | null = await strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId: articleDocumentId },
        select: ['id'],
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      });
      article = found ? await termFrequencies.versions(found.id) : null;
      if (!article) throw localizedError('notFound', 'comment_article_not_found');
    }
    const settings = await strapi.plugin('moderation').service('settings').get();
    const frequencies = await termFrequencies.frequencies();
    return screenComment(
      { text, article, frequencies },
      { blocklist: settings.blocklist, relevanceThreshold: settings.relevanceThreshold, maxLinks: settings.maxLinks },
    );
  },
});
