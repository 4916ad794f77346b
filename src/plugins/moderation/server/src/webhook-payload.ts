import { isPlainObject } from '../../../../lib/is-plain-object';
import { COMMENT_UID } from './uids';

/** What a comment may show in an event payload: which comment, and where it stands. */
const COMMENT_EVENT_FIELDS = ['documentId', 'moderationStatus', 'previousStatus'] as const;

/**
 * A comment as event subscribers (webhooks, which leave the building) may see it: its id,
 * status and article, never what the reader wrote nor who they are. Strapi's own entry.*
 * events carry the whole entry (body, name) the moment a reader submits it, long before a
 * moderator has read it; a frontend refreshing a page needs the ids only.
 */
export function commentForEvent(entry: unknown): unknown {
  if (!isPlainObject(entry)) return entry;
  const safe: Record<string, unknown> = {};
  for (const field of COMMENT_EVENT_FIELDS) if (field in entry) safe[field] = entry[field];
  if (entry.article === null) safe.article = null;
  else if (isPlainObject(entry.article) && typeof entry.article.documentId === 'string') {
    safe.article = { documentId: entry.article.documentId };
  }
  return safe;
}

/** The payload of any event-hub event with a comment's content reduced to `commentForEvent`. */
export function eventPayloadWithoutCommentContent(payload: unknown): unknown {
  if (!isPlainObject(payload) || payload.uid !== COMMENT_UID || !('entry' in payload)) return payload;
  return { ...payload, entry: commentForEvent(payload.entry) };
}
