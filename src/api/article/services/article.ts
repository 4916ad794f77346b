import { factories } from '@strapi/strapi';

// Strapi's list runs its rows and their count as two reads, each without a transaction
// (src/lib/reads-without-transaction.ts).
export default factories.createCoreService('api::article.article');
