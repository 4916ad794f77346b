import { isPlainObject } from '../../../../../lib/is-plain-object';
import { LIMITS } from './vocabulary';

/**
 * Checks a reader's comment submission. Only the fields a reader may send are read (and
 * `parent`, for a reply);
 * anything else in the body (a status, a moderator, an id…) is ignored, never applied.
 */
export const COMMENT_LIMITS = {
  bodyMin: LIMITS.commentBodyMin,
  bodyMax: LIMITS.commentBodyMax,
  nameMax: LIMITS.authorNameMax,
  emailMax: LIMITS.authorEmailMax,
  bodyStoredMax: LIMITS.commentBodyStoredMax,
  nameStoredMax: LIMITS.authorNameStoredMax,
} as const;

export type CommentInputErrorCode =
  | 'comment_data_missing'
  | 'comment_article_missing'
  | 'comment_article_invalid'
  | 'comment_name_missing'
  | 'comment_name_too_long'
  | 'comment_email_invalid'
  | 'comment_body_missing'
  | 'comment_body_too_short'
  | 'comment_body_too_long'
  | 'comment_name_bad_characters'
  | 'comment_body_bad_characters'
  | 'comment_parent_invalid';

export interface CommentInputError {
  field: 'data' | 'article' | 'authorName' | 'authorEmail' | 'body' | 'parent';
  code: CommentInputErrorCode;
}

export interface CommentInput {
  article: string;
  authorName: string;
  authorEmail: string | null;
  body: string;
  /** The documentId of the published comment this one replies to; absent for a comment of its own. */
  parent?: string;
}

// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is not our concern.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

// Control characters other than tab and line breaks: PostgreSQL refuses NUL, and none shows.
const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/u;
// Embeddings, overrides and isolates let a name display as other text (or reverse what follows
// it on the page). The marks LRM/RLM and the ZWNJ of Persian words stay allowed.
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/u;
// Text made only of these shows as nothing.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/** Whether the text shows nothing: empty, or only spaces and invisible characters. */
export const isBlank = (text: string) => text.replace(INVISIBLE, '') === '';

/**
 * Length in user-perceived characters, so an emoji or a Persian letter with a mark counts once.
 * Counting stops past `stopAfter`: segmenting is slow, and a hostile 1 MB name must not cost
 * seconds of CPU to refuse.
 */
const segmenter = new Intl.Segmenter('fa', { granularity: 'grapheme' });
export function visibleLength(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

export function parseCommentInput(
  body: unknown,
): { ok: true; value: CommentInput } | { ok: false; errors: CommentInputError[] } {
  const data = isPlainObject(body) ? body.data : undefined;
  if (!isPlainObject(data)) return { ok: false, errors: [{ field: 'data', code: 'comment_data_missing' }] };
  const errors: CommentInputError[] = [];

  const article = typeof data.article === 'string' ? data.article.trim() : '';
  if (data.article === undefined || data.article === null || (typeof data.article === 'string' && article === '')) {
    errors.push({ field: 'article', code: 'comment_article_missing' });
  } else if (!DOCUMENT_ID.test(article)) {
    errors.push({ field: 'article', code: 'comment_article_invalid' });
  }

  const authorName = typeof data.authorName === 'string' ? data.authorName.trim() : '';
  if (isBlank(authorName)) errors.push({ field: 'authorName', code: 'comment_name_missing' });
  else if (/[\t\n\r]/.test(authorName) || CONTROL_CHARACTERS.test(authorName) || BIDI_FORMATTING.test(authorName)) {
    errors.push({ field: 'authorName', code: 'comment_name_bad_characters' });
  } else if (
    authorName.length > COMMENT_LIMITS.nameStoredMax ||
    visibleLength(authorName, COMMENT_LIMITS.nameMax) > COMMENT_LIMITS.nameMax
  ) {
    errors.push({ field: 'authorName', code: 'comment_name_too_long' });
  }

  let authorEmail: string | null = null;
  if (data.authorEmail !== undefined && data.authorEmail !== null && data.authorEmail !== '') {
    const email = typeof data.authorEmail === 'string' ? data.authorEmail.trim() : '';
    if (email.length > COMMENT_LIMITS.emailMax || !EMAIL.test(email) || CONTROL_CHARACTERS.test(email)) {
      errors.push({ field: 'authorEmail', code: 'comment_email_invalid' });
    } else {
      authorEmail = email;
    }
  }

  const text = typeof data.body === 'string' ? data.body.trim() : '';
  if (isBlank(text)) errors.push({ field: 'body', code: 'comment_body_missing' });
  else if (CONTROL_CHARACTERS.test(text)) errors.push({ field: 'body', code: 'comment_body_bad_characters' });
  else if (visibleLength(text, COMMENT_LIMITS.bodyMin) < COMMENT_LIMITS.bodyMin)
    errors.push({ field: 'body', code: 'comment_body_too_short' });
  else if (
    text.length > COMMENT_LIMITS.bodyStoredMax ||
    visibleLength(text, COMMENT_LIMITS.bodyMax) > COMMENT_LIMITS.bodyMax
  ) {
    errors.push({ field: 'body', code: 'comment_body_too_long' });
  }

  let parent: string | null = null;
  if (data.parent !== undefined && data.parent !== null && data.parent !== '') {
    if (typeof data.parent === 'string' && DOCUMENT_ID.test(data.parent.trim())) parent = data.parent.trim();
    else errors.push({ field: 'parent', code: 'comment_parent_invalid' });
  }

  if (errors.length > 0) return { ok: false, errors };
  const value: CommentInput = { article, authorName, authorEmail, body: text };
  if (parent !== null) value.parent = parent;
  return { ok: true, value };
}
