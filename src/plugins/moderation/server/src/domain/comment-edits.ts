import { isPlainObject } from '../../../../../lib/is-plain-object';

/**
 * What an edit of an existing comment may change, outside a moderation transition:
 * - the fields recorded when the comment arrived (address hash, user agent, screening,
 *   fingerprint, the comment a reply answers) never change;
 * - what the reader wrote (body, name, email) and the article it is under change only while
 *   the comment awaits review, or together with reopening it: an approved comment edited in
 *   place would publish text no moderator read.
 * The admin panel sends every field back on save, so fields equal to the stored ones are
 * dropped first and only real changes are judged.
 */
export const SYSTEM_FIELDS = ['ipHash', 'userAgent', 'screening', 'fingerprint', 'parentDocumentId'] as const;
export const READER_TEXT_FIELDS = ['body', 'authorName', 'authorEmail'] as const;
export const READER_FIELDS = [...READER_TEXT_FIELDS, 'article'] as const;

type Data = Record<string, unknown>;

export interface StoredComment {
  moderationStatus: string;
  articleDocumentId: string | null;
  [field: string]: unknown;
}

export type CommentEditCheck =
  | { ok: true; data: Data; changesReaderFields: boolean }
  | {
      ok: false;
      code: 'comment_system_field' | 'comment_edit_needs_pending' | 'comment_article_required';
      field: string;
    };

/** JSON with sorted keys, so a value read back from jsonb compares equal to what was stored. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameValue = (requested: unknown, stored: unknown) => {
  const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
  return stableJson(blankToNull(requested)) === stableJson(blankToNull(stored));
};

const documentIdOf = (reference: unknown): unknown =>
  isPlainObject(reference) ? (reference.documentId ?? reference.id) : reference;

/** Whether a relation payload keeps the comment under the article it is under. */
export function keepsArticle(value: unknown, storedDocumentId: string | null): boolean {
  if (value === undefined) return true;
  if (value === null) return storedDocumentId === null;
  if (typeof value === 'string') return value === storedDocumentId;
  if (!isPlainObject(value)) return false;
  if (!('connect' in value || 'disconnect' in value || 'set' in value)) {
    return documentIdOf(value) === storedDocumentId;
  }
  const list = (items: unknown) => (Array.isArray(items) ? items : items === undefined ? [] : [items]);
  const connect = list(value.connect);
  const disconnect = list(value.disconnect);
  if (value.set !== undefined) {
    const set = list(value.set);
    return set.length === 1 && documentIdOf(set[0]) === storedDocumentId && disconnect.length === 0;
  }
  if (disconnect.length > 0) return false;
  return connect.every((item) => documentIdOf(item) === storedDocumentId);
}

/**
 * Whether a relation payload leaves the comment under no article at all (the relation's ×
 * in the admin panel): a comment is always about an article, so it may be moved, not detached.
 */
export function detachesArticle(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null || value === '') return true;
  if (typeof value === 'string') return false;
  if (!isPlainObject(value)) return false;
  if (!('connect' in value || 'disconnect' in value || 'set' in value)) {
    const id = documentIdOf(value);
    return id === null || id === undefined || id === '';
  }
  const list = (items: unknown) => (Array.isArray(items) ? items : items === undefined ? [] : [items]);
  if (value.set !== undefined) return list(value.set).length === 0;
  return list(value.disconnect).length > 0 && list(value.connect).length === 0;
}

export function checkCommentEdit(
  data: Data,
  stored: StoredComment,
  requestedStatus: string | undefined,
): CommentEditCheck {
  const changed: Data = { ...data };
  for (const field of SYSTEM_FIELDS) {
    if (!(field in changed)) continue;
    if (!sameValue(changed[field], stored[field])) return { ok: false, code: 'comment_system_field', field };
    delete changed[field];
  }
  let changesReaderFields = false;
  let firstChanged: string | undefined;
  for (const field of READER_FIELDS) {
    if (!(field in changed)) continue;
    if (field === 'article' && stored.articleDocumentId !== null && detachesArticle(changed[field])) {
      return { ok: false, code: 'comment_article_required', field };
    }
    const same =
      field === 'article'
        ? keepsArticle(changed[field], stored.articleDocumentId)
        : sameValue(changed[field], stored[field]);
    if (same) delete changed[field];
    else {
      changesReaderFields = true;
      firstChanged ??= field;
    }
  }
  const reviewable = stored.moderationStatus === 'pending' || requestedStatus === 'pending';
  if (changesReaderFields && !reviewable) {
    return { ok: false, code: 'comment_edit_needs_pending', field: firstChanged ?? 'body' };
  }
  return { ok: true, data: changed, changesReaderFields };
}
