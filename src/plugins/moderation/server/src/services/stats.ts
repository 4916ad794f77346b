import type { Core } from '@strapi/strapi';
import { isModerationStatus } from '../domain/vocabulary';
import { ARTICLE_UID, COMMENT_UID } from '../uids';

/** Counts for moderators: by status overall, and per article with its title. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview() {
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get(COMMENT_UID).tableName;
    const overallRows: { moderation_status: string; count: string }[] = await knex(table)
      .select('moderation_status')
      .count('* as count')
      .groupBy('moderation_status');
    const overall = { total: 0, pending: 0, approved: 0, rejected: 0 };
    for (const row of overallRows) {
      if (isModerationStatus(row.moderation_status)) overall[row.moderation_status] = Number(row.count);
      overall.total += Number(row.count);
    }
    const byArticle = await strapi.plugin('moderation').service('transitions').countsByArticle();
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const rows: { documentId: string; title: string; locale: string }[] = await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId: { $in: [...byArticle.keys()] } },
      select: ['documentId', 'title', 'locale'],
      orderBy: { id: 'asc' },
    });
    // The title in the default locale when there is one, else in any locale.
    const titles = new Map<string, string>();
    for (const row of rows) {
      if (!titles.has(row.documentId) || row.locale === defaultLocale) titles.set(row.documentId, row.title);
    }
    const articles = [...byArticle].map(([documentId, { total, pending, approved, rejected }]) => ({
      documentId,
      title: titles.get(documentId) ?? null,
      total,
      pending,
      approved,
      rejected,
    }));
    return { overall, articles };
  },
});
