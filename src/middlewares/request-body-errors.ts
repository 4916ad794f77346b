import { localizedError } from '../lib/messages';

/**
 * Gives the body parser's refusals (an oversized request, broken JSON) the same bilingual
 * shape as every other error a frontend shows. Sits just before `strapi::body`, and changes
 * nothing but those two kinds of error.
 */
export default () => async (_ctx: unknown, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    const failure = error as { status?: number; type?: string; name?: string };
    if (failure.status === 413 || failure.type === 'entity.too.large')
      throw localizedError('tooLarge', 'request_too_large');
    if (failure.status === 400 && (failure.type === 'entity.parse.failed' || failure.name === 'SyntaxError')) {
      throw localizedError('validation', 'request_bad_json');
    }
    throw error;
  }
};
