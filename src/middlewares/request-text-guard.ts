import { isCheckedApiPath } from '../lib/api-paths';
import { validationError } from '../lib/messages';
import { holdsUnsafeText } from '../lib/unsafe-text';

/**
 * Refuses JSON bodies holding text PostgreSQL cannot store as sent (a NUL, a lone surrogate;
 * see lib/unsafe-text), on the public and moderation APIs. Sits just after `strapi::body`.
 */

export default () => async (ctx: { path: string; request: { body?: unknown } }, next: () => Promise<void>) => {
  if (isCheckedApiPath(ctx.path) && holdsUnsafeText(ctx.request.body)) {
    throw validationError('request_bad_characters');
  }
  return next();
};
