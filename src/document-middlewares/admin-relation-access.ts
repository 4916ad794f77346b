import type { Core, Modules } from '@strapi/strapi';
import { ADMIN_USER_PUBLIC_FIELDS, readableFields } from '../lib/admin-read-access';
import { isPlainObject } from '../lib/is-plain-object';
import { localizedError } from '../lib/messages';
import { type AdminAbility, currentRequestState } from '../lib/request-state';
import { inModerationScope } from '../moderation/scope';

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
 *   of the others, at any depth, and only the id of an entry whose row condition the user does
 *   not meet (an Author reaching someone else's draft through a source);
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
    await sanitizeResult(result, schema, access);
    return result;
  };
}

type Access = ReturnType<typeof createAccess>;

function createAccess(strapi: Core.Strapi, ability: AdminAbility) {
  const fieldsCache = new Map<string, Set<string> | null>();
  const schema = (uid: string | undefined): Schema | undefined =>
    uid ? (strapi.getModel(uid as never) as unknown as Schema | undefined) : undefined;
  const checkers = new Map<string, { can: { read(entity: object): boolean } }>();
  const checker = (uid: string) => {
    if (!checkers.has(uid)) {
      checkers.set(
        uid,
        strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid }),
      );
    }
    return checkers.get(uid) as { can: { read(entity: object): boolean } };
  };
  return {
    schema,
    canReadAdminUsers: ability.can('admin::users.read'),
    /**
     * The ids among `ids` of a type whose read rules carry conditions (an Author's "is creator")
     * that the user may not read; undefined when no rule has a condition.
     */
    async unreadableIds(uid: string, ids: number[]): Promise<Set<number> | undefined> {
      const conditional = ability
        .rulesFor(READ_ACTION, uid)
        .some((rule) => (rule as { conditions?: object }).conditions !== undefined);
      if (!conditional || ids.length === 0) return undefined;
      const rows: { id: number }[] = await strapi.db.query(uid as never).findMany({
        where: { id: { $in: ids } },
        populate: { createdBy: { select: ['id'], populate: { roles: { select: ['id'] } } } },
      });
      const readable = new Set(rows.filter((row) => checker(uid).can.read(row)).map((row) => row.id));
      return new Set(ids.filter((id) => !readable.has(id)));
    },
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
async function sanitizeResult(result: unknown, schema: Schema, access: Access): Promise<void> {
  if (Array.isArray(result)) {
    for (const entry of result) await sanitizeRelations(entry, schema, access);
  } else if (isPlainObject(result)) {
    if (Array.isArray(result.entries)) await sanitizeResult(result.entries, schema, access);
    else await sanitizeRelations(result, schema, access);
  }
}

async function sanitizeRelations(entry: unknown, schema: Schema, access: Access): Promise<void> {
  if (!isPlainObject(entry)) return;
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    const value = entry[key];
    if (value === null || typeof value !== 'object') continue;
    if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
      for (const item of Array.isArray(value) ? value : [value]) {
        const component =
          attribute.type === 'component' ? attribute.component : (item as { __component?: string }).__component;
        const componentSchema = access.schema(component);
        if (componentSchema) await sanitizeRelations(item, componentSchema, access);
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
    const related = (Array.isArray(value) ? value : [value]).filter(isPlainObject);
    const ids = related.map((item) => item.id).filter((id): id is number => typeof id === 'number');
    const unreadable = await access.unreadableIds(attribute.target, ids);
    const sanitized = new Map<Record<string, unknown>, Record<string, unknown>>();
    for (const item of related) {
      // An entry the user may not open (someone else's draft, for an Author) is named, not shown.
      if (typeof item.id === 'number' && unreadable?.has(item.id)) {
        sanitized.set(item, pick(item, ['id', 'documentId']));
        continue;
      }
      // Keys that are no attribute (a relation's `count`, the content manager's `status`) stay.
      const kept = Object.fromEntries(
        Object.entries(item).filter(([name]) => !(name in target.attributes) || fields.has(name)),
      );
      await sanitizeRelations(kept, target, access);
      sanitized.set(item, kept);
    }
    entry[key] = mapEntries(value, (item) => sanitized.get(item) ?? item);
  }
}

function mapEntries(value: object, map: (entry: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? map(item) : item));
  return isPlainObject(value) ? map(value) : value;
}

function pick(entry: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in entry).map((field) => [field, entry[field]]));
}
