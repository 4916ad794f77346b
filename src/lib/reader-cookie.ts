import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  isReaderCookie,
  newReaderCookie,
  READER_COOKIE,
  READER_COOKIE_MAX_AGE_MS,
  readerKey,
} from '../plugins/moderation/server/src/domain/reader-identity';
import { hashSalt } from '../plugins/moderation/server/src/salt';
import { hashIp } from '../plugins/moderation/server/src/services/submission';

/**
 * The reader behind a reaction or report: the salted address hash and the anonymous cookie
 * (domain/reader-identity.ts). A request without a valid cookie gets a new one, sent back only
 * once the action succeeded (`remember`), so a refused action answers the same whether or not
 * the comment exists.
 */
export function readerOf(strapi: Core.Strapi, ctx: Context): { key: string; remember(): void } {
  const sent = ctx.cookies.get(READER_COOKIE);
  const cookie = isReaderCookie(sent) ? sent : newReaderCookie();
  const salt = hashSalt(strapi);
  return {
    key: readerKey(hashIp(ctx.request.ip, salt), cookie, salt),
    remember() {
      if (cookie === sent) return;
      ctx.cookies.set(READER_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.secure,
        signed: false,
        maxAge: READER_COOKIE_MAX_AGE_MS,
        path: '/',
        overwrite: true,
      });
    },
  };
}
