import { localizedError } from '../lib/messages';

/**
 * Gives the body parser's refusals (an oversized request, broken JSON, a body that does not
 * decode as its Content-Encoding says) the same bilingual shape as every other error a
 * frontend shows. Sits just before `strapi::body`, and changes nothing but those errors.
 */
export default () => async (_ctx: unknown, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    const failure = error as { status?: number; type?: string; name?: string; code?: unknown; errno?: unknown };
    if (failure.status === 413 || failure.type === 'entity.too.large')
      throw localizedError('tooLarge', 'request_too_large');
    if (failure.status === 400 && (failure.type === 'entity.parse.failed' || failure.name === 'SyntaxError')) {
      throw localizedError('validation', 'request_bad_json');
    }
    if (isDecodingError(failure)) {
      throw localizedError('validation', 'request_bad_encoding');
    }
    throw error;
  }
};

/**
 * zlib (gzip, deflate) and brotli errors from decoding the body stream. koa-body turns an
 * error from another realm (as under jest) into an Error whose message is the JSON of it.
 */
function isDecodingError(failure: { code?: unknown; message?: unknown }): boolean {
  let code = failure.code;
  if (code === undefined && typeof failure.message === 'string' && failure.message.startsWith('{')) {
    try {
      code = (JSON.parse(failure.message) as { code?: unknown }).code;
    } catch {
      return false;
    }
  }
  return typeof code === 'string' && /^(Z_|ERR__)/.test(code);
}
