import type { Core } from '@strapi/strapi';

type Route = { handler?: string; config?: { policies?: unknown[] } };

const RELATION_HANDLERS = new Set(['relations.findAvailable', 'relations.findExisting']);

/**
 * Adds `global::admin-relation-target` (src/policies) to the content manager's relation
 * routes. Called in register, before the routes are mounted.
 */
export function guardRelationPickers(strapi: Core.Strapi): void {
  const routes = (strapi.plugin('content-manager').routes as Record<string, { routes?: Route[] }>).admin?.routes ?? [];
  let guarded = 0;
  for (const route of routes) {
    if (!route.handler || !RELATION_HANDLERS.has(route.handler)) continue;
    route.config ??= {};
    route.config.policies = [...(route.config.policies ?? []), 'global::admin-relation-target'];
    guarded += 1;
  }
  // A Strapi upgrade that renames these routes must not silently drop the check.
  if (guarded !== RELATION_HANDLERS.size) throw new Error('content-manager relation routes not found');
}
