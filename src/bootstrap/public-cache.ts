import type { Core } from '@strapi/strapi';
import { invalidateEverything, invalidationIsOwned, publicCache } from '../lib/public-cache';

type Event = { params?: { where?: unknown; data?: unknown }; result?: unknown };

/** Models whose changes can alter any public answer: rare writes, so they bump `epoch`. */
const EVERYTHING_MODELS = [
  // A cover's URL, alt text or formats, shown in every article populating it.
  'plugin::upload.file',
  // The public role's permissions: an answer the public may no longer read.
  'plugin::users-permissions.permission',
  // A locale created or removed (the rows of a removed locale: locale-removal.ts).
  'plugin::i18n.locale',
  // The moderation settings: `closeCommentsAfterDays` opens or closes every article's comments.
  'plugin::moderation.moderation-setting',
];

const mentionsDefaultLocale = (event: Event) => JSON.stringify(event.params ?? {}).includes('default_locale');

/**
 * Writes the Document Service middlewares and the moderation services do not see, caught
 * below every API by database lifecycles (src/lib/public-cache). Bumps run after the write.
 */
export function registerPublicCacheInvalidation(strapi: Core.Strapi): void {
  if (!publicCache(strapi).store) return;
  const everything = () => invalidateEverything(strapi);
  strapi.db.lifecycles.subscribe({
    models: EVERYTHING_MODELS,
    afterCreate: everything,
    afterCreateMany: everything,
    afterUpdate: everything,
    afterUpdateMany: everything,
    afterDelete: everything,
    afterDeleteMany: everything,
  });
  // Writes to public content below the Document Service and outside the moderation service
  // (a script's `strapi.db.query`): which article they touch is unknown, so everything.
  const unowned = () => {
    if (!invalidationIsOwned()) everything();
  };
  strapi.db.lifecycles.subscribe({
    models: ['api::article.article', 'api::source.source', 'api::comment.comment'],
    afterCreate: unowned,
    afterCreateMany: unowned,
    afterUpdate: unowned,
    afterUpdateMany: unowned,
    afterDelete: unowned,
    afterDeleteMany: unowned,
  });
  // Which locale a request without `locale` reads: i18n keeps it in the core store.
  const defaultLocale = (event: Event) => {
    if (mentionsDefaultLocale(event)) everything();
  };
  strapi.db.lifecycles.subscribe({
    models: ['strapi::core-store'],
    afterCreate: defaultLocale,
    afterUpdate: defaultLocale,
    afterDelete: defaultLocale,
  });
}
