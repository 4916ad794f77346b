import type { Core, Modules } from '@strapi/strapi';
import { ADMIN_USER_PUBLIC_FIELDS, readableFields } from '../lib/admin-read-access';
import { isPlainObject } from '../lib/is-plain-object';
import { localizedError } from '../lib/messages';
import { type AdminAbility, currentRequestState } from '../lib/request-state';
import { inModerationScope } from '../plugins/moderation/server/src/scope';

const READ_ACTION = 'plugin::content-manager.explorer.read';
const ADMIN_USER_UID = 'admin::user';

type Attribute = { type: string; target?: string; component?: string };
type Schema = { uid: string; attributes: Record<string, Attribute> };

/**
 * An admin user's permissions on a type hold for that type wherever it is reached: the
 * content manager sanitizes the entry asked for by its own type's permissions, but the entries
 * populated through its relations (`populate[comments]` on an article, `articles.comments`
 * on a source, a comment's `moderatedBy`) came back whole. For admin requests this middleware:
 * - refuses filters, sorts and populate filters that reach into a type or field the user
 *   cannot read (they would be an oracle on it);
 * - removes populated relations to types the user cannot read, keeps only the readable fields
 *   of the others, at any depth;
 * - shows admin users only by name to roles without `admin::users.read`.
 * The entry asked for itself is left to the content manager, which also checks row conditions.
 */
export function adminRelationAccessMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const state = currentRequestState(strapi);
    if (state?.auth?.strategy?.name !== 'admin' || !state.userAbility || inModerationScope()) return next();
    const access = createAccess(strapi, state.userAbility);
    const schema = access.schema(context.uid);
    if (!schema) return next();
    const params = (context.params ?? {}) as Record<string, unknown>;
    checkFilters(params.filters, schema, null, access);
    checkSort(params.sort, schema, access);
    checkPopulate(params.populate, schema, access);
    const result = await next();
    sanitizeResult(result, schema, access);
    return result;
  };
}

type Access = ReturnType<typeof createAccess>;

function createAccess(strapi: Core.Strapi, ability: AdminAbility) {
  const fieldsCache = new Map<string, Set<string> | null>();
  const schema = (uid: string | undefined): Schema | undefined =>
    uid ? (strapi.getModel(uid as never) as unknown as Schema | undefined) : undefined;
  return {
    schema,
    canReadAdminUsers: ability.can('admin::users.read'),
    /** Readable fields of a content type (null: not readable); undefined for types this rule leaves alone. */
    fieldsOf(uid: string): Set<string> | null | undefined {
      if (!uid.startsWith('api::')) return undefined;
      if (!fieldsCache.has(uid)) {
        const model = schema(uid);
        fieldsCache.set(
          uid,
          model ? readableFields(ability.rulesFor(READ_ACTION, uid), Object.keys(model.attributes)) : null,
        );
      }
      return fieldsCache.get(uid);
    },
  };
}

const refuse = (name: string) => localizedError('forbidden', 'admin_relation_forbidden', { name });

/**
 * Walks filters: `fields` is what may be named at this level (null: anything, for the entry's
 * own type, which the content manager checks itself).
 */
function checkFilters(filters: unknown, schema: Schema, fields: Set<string> | null, access: Access): void {
  if (Array.isArray(filters)) {
    for (const item of filters) checkFilters(item, schema, fields, access);
    return;
  }
  if (!isPlainObject(filters)) return;
  for (const [key, value] of Object.entries(filters)) {
    if (key.startsWith('$')) {
      checkFilters(value, schema, fields, access);
      continue;
    }
    const attribute = schema.attributes[key];
    if (!attribute) continue;
    if (fields && !fields.has(key)) throw refuse(`${schema.uid}.${key}`);
    const target = relatedSchema(attribute, access);
    if (!target) continue;
    const targetFields = attribute.type === 'relation' ? access.fieldsOf(target.uid) : undefined;
    if (targetFields === null) throw refuse(target.uid);
    checkFilters(value, target, targetFields ?? null, access);
  }
}

/** Sorts like `comments.authorEmail:asc`, lists of them, or nested objects. */
function checkSort(sort: unknown, schema: Schema, access: Access): void {
  if (Array.isArray(sort)) {
    for (const item of sort) checkSort(item, schema, access);
    return;
  }
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) {
      const path = part.split(':')[0].trim().split('.');
      const nested: Record<string, unknown> = {};
      path.reduce<Record<string, unknown>>((level, key, index) => {
        level[key] = index === path.length - 1 ? 'asc' : {};
        return level[key] as Record<string, unknown>;
      }, nested);
      checkFilters(nested, schema, null, access);
    }
    return;
  }
  checkFilters(sort, schema, null, access);
}

/** Filters and sorts inside populate are checked as filters of the populated type. */
function checkPopulate(populate: unknown, schema: Schema, access: Access): void {
  if (!isPlainObject(populate)) return;
  for (const [key, value] of Object.entries(populate)) {
    const attribute = schema.attributes[key];
    const target = attribute ? relatedSchema(attribute, access) : undefined;
    if (!target || !isPlainObject(value)) continue;
    const fields = attribute.type === 'relation' ? access.fieldsOf(target.uid) : undefined;
    if (fields === null) continue; // the relation is removed from the answer
    if (value.filters !== undefined) checkFilters(value.filters, target, fields ?? null, access);
    if (value.sort !== undefined) checkFilters(sortAsObject(value.sort), target, fields ?? null, access);
    checkPopulate(value.populate, target, access);
  }
}

function sortAsObject(sort: unknown): unknown {
  const parts = (Array.isArray(sort) ? sort : [sort]).filter((item): item is string => typeof item === 'string');
  if (parts.length === 0) return sort;
  return Object.fromEntries(parts.map((part) => [part.split(':')[0].split('.')[0], 'asc']));
}

function relatedSchema(attribute: Attribute, access: Access): Schema | undefined {
  if (attribute.type === 'relation' && attribute.target?.startsWith('api::')) return access.schema(attribute.target);
  if (attribute.type === 'component') return access.schema(attribute.component);
  return undefined;
}

/** A document, a list of them, or `{ entries }` (publish, delete): each entry's relations are sanitized. */
function sanitizeResult(result: unknown, schema: Schema, access: Access): void {
  if (Array.isArray(result)) {
    for (const entry of result) sanitizeRelations(entry, schema, access);
  } else if (isPlainObject(result)) {
    if (Array.isArray(result.entries)) sanitizeResult(result.entries, schema, access);
    else sanitizeRelations(result, schema, access);
  }
}

function sanitizeRelations(entry: unknown, schema: Schema, access: Access): void {
  if (!isPlainObject(entry)) return;
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    const value = entry[key];
    if (value === null || typeof value !== 'object') continue;
    if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
      for (const item of Array.isArray(value) ? value : [value]) {
        const component =
          attribute.type === 'component' ? attribute.component : (item as { __component?: string }).__component;
        const componentSchema = access.schema(component);
        if (componentSchema) sanitizeRelations(item, componentSchema, access);
      }
      continue;
    }
    if (attribute.type !== 'relation' || !attribute.target) continue;
    if (attribute.target === ADMIN_USER_UID) {
      if (!access.canReadAdminUsers) entry[key] = mapEntries(value, (user) => pick(user, ADMIN_USER_PUBLIC_FIELDS));
      continue;
    }
    const fields = access.fieldsOf(attribute.target);
    if (fields === undefined) continue;
    if (fields === null) {
      delete entry[key];
      continue;
    }
    const target = access.schema(attribute.target) as Schema;
    entry[key] = mapEntries(value, (related) => {
      // Keys that are no attribute (a relation's `count`, the content manager's `status`) stay.
      const kept = Object.fromEntries(
        Object.entries(related).filter(([name]) => !(name in target.attributes) || fields.has(name)),
      );
      sanitizeRelations(kept, target, access);
      return kept;
    });
  }
}

function mapEntries(value: object, map: (entry: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? map(item) : item));
  return isPlainObject(value) ? map(value) : value;
}

function pick(entry: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in entry).map((field) => [field, entry[field]]));
}
