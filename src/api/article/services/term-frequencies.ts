import type { Core } from '@strapi/strapi';
import {
  type ArticleText,
  type ArticleVersions,
  DocumentFrequencies,
} from '../../../plugins/moderation/server/src/screening';

const ARTICLE_UID = 'api::article.article';
const PAGE_SIZE = 500;
const TEXT_FIELDS = ['title', 'lead', 'body'] as const;

type TextRow = ArticleText & { id: number; documentId: string };

/**
 * The site's document frequencies for screening (see the moderation plugin's
 * server/src/screening/frequencies.ts): built from the published articles at boot, then kept
 * current by the article-frequencies Document Service middleware whenever an article is
 * created, changed, published, unpublished or deleted.
 * One table per Strapi instance, in memory: rebuilt from the database at every start.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = new DocumentFrequencies();
  let loading: Promise<void> | null = null;

  async function load(): Promise<void> {
    const versionsByDocument = new Map<string, ArticleText[]>();
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const rows: TextRow[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { publishedAt: { $notNull: true } },
        select: ['id', 'documentId', ...TEXT_FIELDS],
        orderBy: { id: 'asc' },
        offset,
        limit: PAGE_SIZE,
      });
      for (const row of rows)
        versionsByDocument.set(row.documentId, [...(versionsByDocument.get(row.documentId) ?? []), row]);
      if (rows.length < PAGE_SIZE) break;
    }
    for (const [documentId, versions] of versionsByDocument) table.set(documentId, versions);
  }

  return {
    /** The table, loaded from the database on first use (bootstrap asks for it). */
    async frequencies(): Promise<DocumentFrequencies> {
      loading ??= load().catch((error: unknown) => {
        loading = null;
        throw error;
      });
      await loading;
      return table;
    },

    /** Recounts one article from its published versions: gone when none is published. */
    async refresh(documentId: string): Promise<void> {
      await this.frequencies();
      const versions: TextRow[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['id', 'documentId', ...TEXT_FIELDS],
      });
      if (versions.length === 0) table.remove(documentId);
      else table.set(documentId, versions);
    },

    /**
     * The article version a comment is about (by row id), with the other published language
     * versions of the same article: relevance reads them all.
     */
    async versions(id: number): Promise<ArticleVersions | null> {
      const article: TextRow | null = await strapi.db.query(ARTICLE_UID).findOne({
        where: { id },
        select: ['id', 'documentId', ...TEXT_FIELDS],
      });
      if (!article) return null;
      const otherVersions: TextRow[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId: article.documentId, publishedAt: { $notNull: true }, id: { $ne: id } },
        select: ['id', 'locale', ...TEXT_FIELDS],
      });
      return { ...article, otherVersions };
    },
  };
};
