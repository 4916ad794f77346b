import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks the code running inside a moderation transition. The database guard lets writes to
 * moderation fields (and audit records) through only inside this scope, so a controller, a
 * content-manager edit or a script calling `strapi.db.query` cannot change a comment's status
 * except through the moderation service.
 */
const scope = new AsyncLocalStorage<{ reason: string }>();

export function withModerationScope<T>(reason: string, work: () => Promise<T>): Promise<T> {
  return scope.run({ reason }, work);
}

export function inModerationScope(): boolean {
  return scope.getStore() !== undefined;
}
