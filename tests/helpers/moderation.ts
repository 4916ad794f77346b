import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import type { TestApp } from './strapi';

export const COMMENT_UID = 'api::comment.comment';
export const EVENT_UID = 'plugin::moderation.moderation-event';
export const ARTICLE_UID = 'api::article.article';

export type Status = 'pending' | 'approved' | 'rejected';

let commentCounter = 0;

/** A distinct, on-topic Persian comment body (distinct so duplicate screening never links two tests). */
export function commentBody(label = 'نظر'): string {
  commentCounter += 1;
  return `${label} شمارهٔ ${commentCounter} دربارهٔ این گزارش ${Math.random().toString(36).slice(2, 8)}`;
}

/** A reader posts a comment through the public API. */
export function postComment(app: TestApp, data: Record<string, unknown>, headers: Record<string, string> = {}) {
  const request = app.http().post('/api/comments');
  for (const [name, value] of Object.entries(headers)) request.set(name, value);
  return request.send({ data: { authorName: 'مریم', body: commentBody(), ...data } });
}

/** Posts a comment that must succeed, and returns its documentId. */
export async function newComment(
  app: TestApp,
  article: string,
  data: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await postComment(app, { article, ...data }, headers);
  if (response.status !== 201) throw new Error(`comment not created: ${response.status} ${response.text}`);
  return response.body.data.documentId as string;
}

/** Runs a transition in code, as the moderation service does for an admin. */
export function transition(
  strapi: Core.Strapi,
  documentId: string,
  action: 'approve' | 'reject' | 'reopen',
  reason?: string,
) {
  return strapi.service('plugin::moderation.transitions').transition(documentId, {
    action,
    reason: action === 'reject' ? (reason ?? 'other') : reason,
    note: null,
    actor: { id: null, label: 'test' },
  });
}

/** A comment posted by a reader and brought to `status` by a moderation transition. */
export async function commentWithStatus(
  app: TestApp,
  article: string,
  status: Status,
  data: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<string> {
  const documentId = await newComment(app, article, data, headers);
  if (status === 'approved') await transition(app.strapi, documentId, 'approve');
  if (status === 'rejected') await transition(app.strapi, documentId, 'reject', 'spam');
  return documentId;
}

export const commentRow = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(COMMENT_UID).findOne({ where: { documentId }, populate: { moderatedBy: true, article: true } });

export const commentCount = (strapi: Core.Strapi, where: Record<string, unknown> = {}) =>
  strapi.db.query(COMMENT_UID).count({ where });

export const eventsFor = (strapi: Core.Strapi, documentId: string) =>
  strapi.db
    .query(EVENT_UID)
    .findMany({ where: { commentDocumentId: documentId }, orderBy: { id: 'asc' }, populate: { actor: true } });

/** Counts per status (of one article's comments, or of all), by plain SQL on the tables. */
export async function sqlCounts(strapi: Core.Strapi, articleDocumentId?: string) {
  const sql =
    articleDocumentId === undefined
      ? 'SELECT moderation_status, count(*) AS count FROM comments GROUP BY moderation_status'
      : `SELECT c.moderation_status, count(DISTINCT c.id) AS count
           FROM comments c
           JOIN comments_article_lnk l ON l.comment_id = c.id
           JOIN articles a ON a.id = l.article_id
          WHERE a.document_id = ?
          GROUP BY c.moderation_status`;
  const result = await strapi.db.connection.raw(sql, articleDocumentId === undefined ? [] : [articleDocumentId]);
  const counts = { total: 0, pending: 0, approved: 0, rejected: 0 };
  for (const row of result.rows as { moderation_status: Status; count: string }[]) {
    counts[row.moderation_status] = Number(row.count);
    counts.total += Number(row.count);
  }
  return counts;
}

/** Counts the SQL statements Strapi sends while `work` runs. */
export async function countQueries<T>(
  strapi: Core.Strapi,
  work: () => Promise<T>,
): Promise<{ result: T; count: number }> {
  const knex = strapi.db.connection;
  let count = 0;
  const listener = () => {
    count += 1;
  };
  knex.on('query', listener);
  try {
    const result = await work();
    return { result, count };
  } finally {
    knex.removeListener('query', listener);
  }
}

/**
 * The fewest SQL statements `work` needed over a few runs. Work another request left behind
 * (webhook notifications after a commit, the counts compaction) can only add statements to a
 * run, never remove them, so the minimum is what `work` itself costs.
 */
export async function fewestQueries<T>(
  strapi: Core.Strapi,
  work: () => Promise<T>,
  runs = 3,
): Promise<{ result: T; count: number }> {
  let fewest = await countQueries(strapi, work);
  for (let run = 1; run < runs; run += 1) {
    const next = await countQueries(strapi, work);
    if (next.count < fewest.count) fewest = next;
  }
  return fewest;
}

/** The stats the public article endpoints show, read over HTTP. */
export async function publicStats(app: TestApp, articleDocumentId: string) {
  const response = await app.http().get(`/api/articles/${articleDocumentId}`);
  if (response.status !== 200) throw new Error(`article not readable: ${response.status}`);
  return response.body.data.commentStats as { total: number; pending: number; published: number };
}

/** Asserts a 4xx error body names the problem in Persian and English. */
export function expectLocalizedError(body: any) {
  expect(typeof body?.error?.message).toBe('string');
  expect(typeof body.error.details?.messages?.fa).toBe('string');
  expect(typeof body.error.details.messages.en).toBe('string');
  expect(body.error.details.messages.fa).toMatch(/[\u0600-\u06FF]/);
  expect(body.error.details.messages.en).toMatch(/[A-Za-z]/);
}

/**
 * Requests that may run at the same time. The harness's agent makes supertest listen on the
 * shared server for every request, which breaks under `Promise.all` (ECONNRESET); here the
 * server listens once on a random local port (Strapi's destroy closes it) and every request
 * goes to that address.
 */
export async function concurrentHttp(app: TestApp): Promise<() => supertest.Agent> {
  const server = app.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return () => supertest.agent(`http://127.0.0.1:${port}`);
}
