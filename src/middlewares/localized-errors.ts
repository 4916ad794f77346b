import { isCheckedApiPath } from '../lib/api-paths';
import { type MessageCode, message } from '../lib/messages';

/**
 * Strapi answers many refusals itself (its query validation, "Forbidden" for a route the role
 * may not use, an unknown route, a wrong method or content type), in English only and some
 * without a JSON body. On the APIs frontends and moderation tools use, this gives every error
 * the shape our own errors have: `error.details.code` and `error.details.messages.{fa,en}`.
 * Errors that already carry messages pass untouched. Sits outside `strapi::errors`, so it sees
 * the body that middleware wrote.
 */

const CODE_BY_STATUS: Record<number, MessageCode> = {
  401: 'request_unauthorized',
  403: 'request_forbidden',
  404: 'request_not_found',
  405: 'request_method_not_allowed',
  413: 'request_too_large',
  415: 'request_unsupported_media_type',
  429: 'request_too_many',
};

const NAME_BY_STATUS: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  429: 'RateLimitError',
  500: 'InternalServerError',
};

type ErrorBody = {
  data?: unknown;
  error?: { status?: number; name?: string; message?: string; details?: Record<string, unknown> };
};

interface Context {
  path: string;
  status: number;
  body: unknown;
}

export default () => async (ctx: Context, next: () => Promise<void>) => {
  await next();
  if (ctx.status < 400) return;
  if (!isCheckedApiPath(ctx.path)) return;

  const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as ErrorBody;
  const details = body.error?.details ?? {};
  if (typeof details.messages === 'object' && details.messages !== null) return;

  const original = body.error?.message ?? (typeof ctx.body === 'string' ? ctx.body : '');
  const invalidKey = typeof details.key === 'string' && typeof details.param === 'string';
  // Other 400s keep Strapi's English explanation, inside a Persian frame.
  const code: MessageCode = invalidKey
    ? 'query_invalid_key'
    : ctx.status >= 500
      ? 'request_server_error'
      : (CODE_BY_STATUS[ctx.status] ?? (original ? 'request_invalid' : 'request_failed'));
  const messages = message(code, { detail: original, key: String(details.key), param: String(details.param) });
  const status = ctx.status;
  ctx.body = {
    data: body.data ?? null,
    error: {
      status,
      name: body.error?.name ?? NAME_BY_STATUS[status] ?? 'ApplicationError',
      message: original || messages.en,
      details: { ...details, code, messages },
    },
  };
  // Setting a body resets a 404 status in Koa; keep the one the handler chose.
  ctx.status = status;
};
