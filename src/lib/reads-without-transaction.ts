import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/**
 * The Document Service runs every action in a transaction, reads included: a read of one
 * article costs BEGIN and COMMIT besides its own statements, two more round trips holding a
 * pooled connection. Under PostgreSQL's READ COMMITTED each statement takes its own snapshot
 * whether or not it sits in a transaction, so for a read the transaction buys nothing.
 *
 * Reads (the actions below) called outside any transaction run without one; called inside a
 * transaction (a write reading back what it wrote) they keep using it. Every write keeps its
 * transaction.
 */
const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** Set around a read action, consumed by the transaction it opens (and only that one). */
const readAction = new AsyncLocalStorage<boolean>();

type Transaction = (callback?: (params: unknown) => unknown) => Promise<unknown>;

/** What a transaction's callback receives, for a read that runs without one. */
const NO_TRANSACTION = Object.freeze({
  trx: undefined,
  commit: async () => {},
  rollback: async () => {},
  onCommit: (work: () => unknown) => work(),
  onRollback: () => {},
});

/**
 * Call last in bootstrap: document middlewares run in the order they were added, so this one,
 * added after every plugin's, wraps the action itself and the first transaction opened inside
 * it is the action's own, never one a middleware opens around its own work.
 */
export function readsWithoutTransaction(strapi: Core.Strapi): void {
  const db = strapi.db as unknown as { transaction: Transaction; inTransaction(): boolean };
  const transaction = db.transaction.bind(db);
  db.transaction = (callback) => {
    if (callback && readAction.getStore() === true && !db.inTransaction()) {
      return readAction.run(false, async () => callback(NO_TRANSACTION));
    }
    return transaction(callback);
  };
  strapi.documents.use((context, next) =>
    READ_ACTIONS.has(context.action) ? readAction.run(true, next) : readAction.run(false, next),
  );
}
