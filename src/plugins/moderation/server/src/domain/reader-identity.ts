import { createHmac, randomBytes } from 'node:crypto';

/**
 * Who a reader is, without knowing who they are. Pure: salts come from the caller.
 *
 * - A **reader** (reactions, reports) is a salted hash of the client address's hash and a
 *   long-lived anonymous cookie: one reaction per reader per comment. Clearing the cookie or
 *   changing network makes a new reader, so the rate limits per address bound what one person
 *   can add; the address alone would merge a whole office behind one NAT into one reader.
 * - An **author** (moderators' history of a commenter) is a salted hash of the normalized
 *   email when one was given, else of the address hash: never the email or the address itself.
 */

/** The anonymous cookie's name and lifetime (two years: long enough to span a news cycle's readers). */
export const READER_COOKIE = 'khabar_reader';
export const READER_COOKIE_MAX_AGE_MS = 2 * 365 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: 43 characters. Anything else in the cookie is replaced. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

export const isReaderCookie = (value: unknown): value is string =>
  typeof value === 'string' && COOKIE_VALUE.test(value);

export function newReaderCookie(): string {
  return randomBytes(32).toString('base64url');
}

const hmac = (salt: string, text: string) => createHmac('sha256', salt).update(text).digest('hex');

/** The key of one reader: the address hash and the cookie, hashed again with the salt. */
export function readerKey(ipHash: string, cookie: string, salt: string): string {
  return hmac(salt, `reader\u0000${ipHash}\u0000${cookie}`);
}

/**
 * An email as one person's: trimmed, NFKC (full-width letters fold), lower case. Dots and
 * `+tags` are kept: providers differ on them, and a wrong merge would pin one reader's
 * record on another.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** The key of a commenter's history: the email when given, else the address hash. */
export function authorKey(
  author: { email: string | null | undefined; ipHash: string | null | undefined },
  salt: string,
) {
  const email = author.email ? normalizeEmail(author.email) : '';
  if (email !== '') return hmac(salt, `email\u0000${email}`);
  if (author.ipHash) return hmac(salt, `address\u0000${author.ipHash}`);
  return null;
}
