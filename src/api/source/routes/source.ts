import { factories } from '@strapi/strapi';

// Public reads are narrowed below the controllers: src/document-middlewares/public-read-visibility.ts.
export default factories.createCoreRouter('api::source.source');
