import type { Context } from 'koa';
import { type MessageCode, message } from './messages';

/**
 * Answers 503 with Retry-After and the Persian/English body every other error has. Written
 * straight into the context (not thrown): Strapi's error middleware turns any error it does
 * not know into a 500.
 */
export function answerServiceUnavailable(ctx: Context, code: MessageCode, retryAfterSeconds: number): void {
  const messages = message(code, { seconds: retryAfterSeconds });
  ctx.status = 503;
  ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.body = {
    data: null,
    error: {
      status: 503,
      name: 'ServiceUnavailableError',
      message: messages.en,
      details: { code, messages, retryAfterSeconds },
    },
  };
}
