import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { firstFreeSlug, slugFromTitle } from '../lib/persian-slug';

const ARTICLE_UID = 'api::article.article';
const SLUG_ACTIONS = new Set(['create', 'update', 'clone']);

type SlugRow = { slug: string | null; title?: string | null };

/**
 * Fills an article's slug from its title on every write path (REST, admin panel, Document
 * Service). Stock Strapi fills uid fields only in the admin panel. Once a locale of the
 * article is published its slug stays as it is: links to it are out in the world.
 */
export function articleSlugMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const articles = () => strapi.db.query(ARTICLE_UID);

  async function freeSlug(title: string, locale: string, documentId: string | undefined) {
    const base = slugFromTitle(title);
    const rows: SlugRow[] = await articles().findMany({
      where: {
        locale,
        slug: { $startsWith: base || 'article' },
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      select: ['slug'],
    });
    return firstFreeSlug(base, new Set(rows.map((row) => row.slug ?? '')));
  }

  const isBlank = (value: unknown) => value === undefined || value === null || value === '';

  return async (context, next) => {
    if (context.uid !== ARTICLE_UID || !SLUG_ACTIONS.has(context.action)) {
      return next();
    }
    // The params of create and update, typed loosely: data is checked field by field below.
    const params = context.params as { data?: Record<string, unknown>; locale?: string; documentId?: string };
    params.data ??= {};
    const data = params.data as { title?: string; slug?: string | null };
    const locale: string = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const documentId = context.action === 'update' ? params.documentId : undefined;

    // A copy starts as a draft of its own: it needs a slug of its own, or publishing it fails.
    if (context.action === 'clone') {
      if (isBlank(data.slug)) {
        const original: SlugRow | null = await articles().findOne({
          where: { documentId: params.documentId, locale },
          select: ['title'],
        });
        const title = data.title ?? original?.title;
        if (typeof title === 'string' && title.trim() !== '') data.slug = await freeSlug(title, locale, undefined);
      }
      return next();
    }

    if (documentId) {
      const published: SlugRow | null = await articles().findOne({
        where: { documentId, locale, publishedAt: { $notNull: true } },
        select: ['slug'],
      });
      if (published?.slug) {
        if (!isBlank(data.slug) && data.slug !== published.slug) {
          throw new errors.ValidationError('The slug of a published article cannot change.', {
            errors: [{ path: ['slug'], message: 'The slug of a published article cannot change.' }],
          });
        }
        data.slug = published.slug;
        return next();
      }
    }
    if (isBlank(data.slug)) {
      const current: SlugRow | null = documentId
        ? await articles().findOne({ where: { documentId, locale, publishedAt: null }, select: ['slug', 'title'] })
        : null;
      if (current?.slug && data.slug === undefined) {
        return next();
      }
      const title = data.title ?? current?.title;
      if (typeof title === 'string' && title.trim() !== '') {
        data.slug = await freeSlug(title, locale, documentId);
      }
    }
    return next();
  };
}
