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
 * added after every plugin's, wraps the action itself.
 *
 * From this middleware to the action's own `strapi.db.transaction` call, Strapi's code is
 * synchronous (the middleware chain's last `next` calls the repository method, which opens
 * its transaction at once), so a flag set just before `next()` and cleared right after reaches
 * that call and no other. An AsyncLocalStorage would do the same at a cost on every promise
 * the process makes. Should Strapi ever put an `await` in between, the flag is gone by then and
 * the read simply keeps its transaction (tests/integration/read-transactions.test.ts notices).
 */
export function readsWithoutTransaction(strapi: Core.Strapi): void {
  const db = strapi.db as unknown as { transaction: Transaction; inTransaction(): boolean };
  const transaction = db.transaction.bind(db);
  let readStarting = false;
  db.transaction = (callback) => {
    const read = readStarting;
    readStarting = false;
    if (callback && read && !db.inTransaction()) return (async () => callback(NO_TRANSACTION))();
    return transaction(callback);
  };
  strapi.documents.use((context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    readStarting = true;
    try {
      return next();
    } finally {
      readStarting = false;
    }
  });
}
