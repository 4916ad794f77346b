import { validationError } from '../lib/messages';
import { holdsUnsafeText } from '../lib/unsafe-text';

/**
 * Refuses JSON bodies holding text PostgreSQL cannot store as sent (a NUL, a lone surrogate;
 * see lib/unsafe-text), on the public and moderation APIs. Sits just after `strapi::body`.
 */
const CHECKED_PREFIXES = ['/api/', '/moderation/'];

export default () => async (ctx: { path: string; request: { body?: unknown } }, next: () => Promise<void>) => {
  if (CHECKED_PREFIXES.some((prefix) => ctx.path.startsWith(prefix)) && holdsUnsafeText(ctx.request.body)) {
    throw validationError('request_bad_characters');
  }
  return next();
};
