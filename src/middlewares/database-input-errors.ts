import { isCheckedApiPath } from '../lib/api-paths';
import { validationError } from '../lib/messages';

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: text where a number or a date belongs, a
 * number out of range, invalid JSON, text too long for its column) come from what a request
 * sent, not from the server. Some Strapi routes (the upload API) query the database directly,
 * below every check of ours; this answers those with a 400 instead of a 500. The last net:
 * the public read paths check their input before it gets here.
 */
export default () => async (ctx: { path: string; method: string }, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Class 42 (an operator a column type lacks) too, on reads: a query shape the request chose.
    const inputClass = ctx.method === 'GET' ? /^(22|42)[0-9A-Z]{3}$/ : /^22[0-9A-Z]{3}$/;
    if (isCheckedApiPath(ctx.path) && typeof code === 'string' && inputClass.test(code)) {
      throw validationError('query_unsupported');
    }
    throw error;
  }
};
