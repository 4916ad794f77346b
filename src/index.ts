import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { articleSlugMiddleware } from './document-middlewares/article-slug';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(articleSlugMiddleware(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
  },
};
