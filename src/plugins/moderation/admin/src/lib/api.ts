import type { ModerationAction, ModerationStatus, RejectionReason } from '../../../server/src/domain/vocabulary';

/**
 * The moderation API as the desk reads it (server/src/services/queue.ts, events.ts).
 * `authorHistory` and `parent` are added by the comment-threads work (issue #14): the desk shows
 * them when present and does without them otherwise.
 */
export interface AuthorHistory {
  approved: number;
  rejected: number;
  rejectedByReason?: Partial<Record<RejectionReason, number>>;
  pending: number;
  recent?: { documentId: string; moderationStatus: ModerationStatus; createdAt: string; body: string }[];
}

export interface DeskComment {
  documentId: string;
  body: string;
  authorName: string;
  authorEmail: string | null;
  moderationStatus: ModerationStatus;
  rejectionReason: RejectionReason | null;
  moderationNote: string | null;
  moderatedAt: string | null;
  moderatedBy: { id: number; firstname?: string | null; lastname?: string | null } | null;
  screening: { flags?: string[]; suggestedReason?: RejectionReason | null; blocklist?: string[] } | null;
  createdAt: string;
  article: { documentId: string; title: string | null; locale: string | null } | null;
  blocklistSpans?: [number, number][];
  authorHistory?: AuthorHistory | null;
  parent?: { documentId: string; body: string; authorName: string } | null;
}

export type StatusCounts = Record<ModerationStatus | 'total', number>;

export interface QueuePage {
  data: DeskComment[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    counts: StatusCounts;
    /** A filtered list counted its matches only up to a limit: `total` means "at least". */
    totalIsCapped?: boolean;
  };
}

export interface DeskEvent {
  id: number;
  commentDocumentId: string;
  commentExcerpt: string | null;
  fromStatus: ModerationStatus | null;
  toStatus: ModerationStatus;
  reason: RejectionReason | null;
  note: string | null;
  actorId: number | null;
  actorLabel: string | null;
  occurredAt: string;
}

export interface EventsPage {
  data: DeskEvent[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    actors: { id: number; label: string }[];
  };
}

export interface QueueFilters {
  tab: ModerationStatus | 'all';
  article?: string;
  flag?: string;
  reason?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
}

export const PAGE_SIZE = 50;

/** The query string of a queue page: pending oldest first (the order of arrival), others newest first. */
export function queueParams(filters: QueueFilters): Record<string, string> {
  const params: Record<string, string> = {
    sort: filters.tab === 'pending' ? 'createdAt:asc' : 'createdAt:desc',
    page: String(filters.page),
    pageSize: String(PAGE_SIZE),
  };
  if (filters.tab !== 'all') params.moderationStatus = filters.tab;
  for (const name of ['article', 'flag', 'reason', 'from', 'to', 'q'] as const) {
    const value = filters[name]?.trim();
    if (value) params[name] = value;
  }
  return params;
}

export type { ModerationAction };

/** The API's own sentence for a refusal, in the interface language when it has one. */
export function refusalText(error: unknown, language: 'fa' | 'en', fallback: string): string {
  const body = (
    error as {
      response?: { data?: { error?: { message?: string; details?: { messages?: { en?: string; fa?: string } } } } };
    }
  )?.response?.data;
  return body?.error?.details?.messages?.[language] ?? body?.error?.message ?? fallback;
}
