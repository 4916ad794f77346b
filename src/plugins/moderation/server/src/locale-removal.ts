import type { Core } from '@strapi/strapi';
import { invalidateEverything } from '../../../../lib/public-cache';
import { withModerationScope } from './scope';

const ARTICLE_UID = 'api::article.article';
const COMMENT_UID = 'api::comment.comment';

type Event = { params: { where?: unknown } };
type ArticleRow = { id: number; documentId: string; locale: string; publishedAt: string | null };

/**
 * Deleting a locale in Settings → Internationalization deletes every article row in it with one
 * `deleteMany({where: {locale}})`, below the Document Service, so the comments posted under
 * that translation would lose their article (hidden from the public, orphans in the queue).
 * Just before, they are moved to a remaining locale of the same article, or deleted with the
 * article when none remains, as when an article is deleted.
 */
export function registerLocaleRemovalCleanup(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [ARTICLE_UID],
    async beforeDeleteMany(event: Event) {
      const where = event.params.where as Record<string, unknown> | undefined;
      if (!where || Object.keys(where).length !== 1 || typeof where.locale !== 'string') return;
      await rehomeComments(strapi, where.locale);
    },
    afterDeleteMany(event: Event) {
      const where = event.params.where as Record<string, unknown> | undefined;
      if (!where || Object.keys(where).length !== 1 || typeof where.locale !== 'string') return;
      // Every public answer may show that locale's articles, their counts or their comments:
      // once the rows are gone (src/lib/public-cache).
      invalidateEverything(strapi);
    },
  });
}

async function rehomeComments(strapi: Core.Strapi, locale: string) {
  const comments: { id: number; article: ArticleRow | null }[] = await strapi.db.query(COMMENT_UID).findMany({
    where: { article: { locale } },
    select: ['id'],
    populate: { article: { select: ['id', 'documentId', 'locale', 'publishedAt'] } },
  });
  if (comments.length === 0) return;
  const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const documentIds = [
    ...new Set(comments.flatMap((comment) => (comment.article ? [comment.article.documentId] : []))),
  ];
  const remaining: ArticleRow[] = await strapi.db.query(ARTICLE_UID).findMany({
    where: { documentId: { $in: documentIds }, locale: { $ne: locale } },
    select: ['id', 'documentId', 'locale', 'publishedAt'],
    orderBy: { id: 'asc' },
  });
  // Published rows first, the default locale first among them.
  const rank = (row: ArticleRow) => (row.publishedAt ? 0 : 2) + (row.locale === defaultLocale ? 0 : 1);
  await withModerationScope('locale-deleted', async () => {
    for (const comment of comments) {
      const home = remaining
        .filter((row) => row.documentId === comment.article?.documentId)
        .sort((a, b) => rank(a) - rank(b))[0];
      if (home) {
        await strapi.db.query(COMMENT_UID).update({ where: { id: comment.id }, data: { article: home.id } });
      } else {
        await strapi.db.query(COMMENT_UID).delete({ where: { id: comment.id } });
      }
    }
  });
}
