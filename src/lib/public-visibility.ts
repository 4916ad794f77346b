import { isPlainObject } from './is-plain-object';

/**
 * What the public may see of each content type, as one filter condition per type, and the
 * rewriting that puts those conditions into every public query — at the root and behind
 * every relation a filter walks through. A row the public may not see is then never
 * matched, so neither the data nor `meta.pagination.total` can reveal it.
 *
 * Pure: the schema lookup is passed in, so this is unit-tested without Strapi.
 */
export type Filters = Record<string, unknown>;

export type AttributeLookup = (
  uid: string,
  attribute: string,
) => { type: string; target?: string; component?: string } | undefined;

export type VisibilityRules = Readonly<Record<string, Filters>>;

const LIST_OPERATORS = new Set(['$and', '$or']);

/** Logical operators that nest whole conditions; every other `$` key compares a value. */
const NESTING_OPERATORS = new Set(['$and', '$or', '$not']);

/**
 * A relation filter in the one shape the rewrite can take conditions into: a condition on the
 * target. Strapi also takes an id straight on the relation (`filters[articles]=41`, `[$eq]`,
 * `[$in]`, `[$notNull]`), which would skip the target's condition (and, with an operator, make
 * its query builder fail), so those become conditions on the target's `id`.
 */
function relationCondition(value: unknown): Filters {
  if (!isPlainObject(value)) return { id: value };
  const comparisons: Filters = {};
  const nested: Filters = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$') && !NESTING_OPERATORS.has(key)) comparisons[key] = inner;
    else nested[key] = inner;
  }
  if (Object.keys(comparisons).length === 0) return nested;
  // Both conditions hold when the caller also named an id: `{id: 5, $ne: 3}`.
  return 'id' in nested ? { $and: [nested, { id: comparisons }] } : { ...nested, id: comparisons };
}

/** Adds the visibility condition of each relation target a filter walks into. */
export function restrictRelationFilters(
  uid: string,
  filters: unknown,
  rules: VisibilityRules,
  lookup: AttributeLookup,
): unknown {
  if (!isPlainObject(filters)) return filters;
  const restricted: Filters = {};
  for (const [key, value] of Object.entries(filters)) {
    if (LIST_OPERATORS.has(key) && Array.isArray(value)) {
      restricted[key] = value.map((item) => restrictRelationFilters(uid, item, rules, lookup));
      continue;
    }
    if (key === '$not') {
      restricted[key] = restrictRelationFilters(uid, value, rules, lookup);
      continue;
    }
    const attribute = key.startsWith('$') ? undefined : lookup(uid, key);
    if (attribute?.type === 'relation' && attribute.target) {
      const inner = restrictRelationFilters(attribute.target, relationCondition(value), rules, lookup) as Filters;
      const condition = rules[attribute.target];
      // Strapi's query builder fails on a `$not` straight under a to-one relation, but takes it
      // inside `$and`.
      restricted[key] = condition ? { $and: [inner, condition] } : '$not' in inner ? { $and: [inner] } : inner;
      continue;
    }
    if (attribute && isPlainObject(value)) {
      const target = nestedTarget(attribute);
      if (target) {
        restricted[key] = restrictRelationFilters(target, value, rules, lookup);
        continue;
      }
    }
    restricted[key] = value;
  }
  return restricted;
}

/** The type a relation, component or media attribute leads to, if any. */
export function nestedTarget(attribute: { type: string; target?: string; component?: string }): string | undefined {
  if (attribute.type === 'relation') return attribute.target;
  if (attribute.type === 'component') return attribute.component;
  if (attribute.type === 'media') return 'plugin::upload.file';
  return undefined;
}

export type PopulateEntry = Filters;

/**
 * Calls `visit` on every object entry of a `populate` parameter, at any depth (`populate`
 * inside populate, and dynamic zones' `on`), with the type the entry populates, and returns
 * the populate with the entries `visit` gave back. Strings, lists and `true` carry no filters
 * or sorts and pass as they are.
 */
export function mapPopulate(
  uid: string,
  populate: unknown,
  lookup: AttributeLookup,
  visit: (targetUid: string, entry: PopulateEntry, path: string) => PopulateEntry,
  path = 'populate',
): unknown {
  if (!isPlainObject(populate)) return populate;
  const mapped: Filters = {};
  for (const [key, value] of Object.entries(populate)) {
    const attribute = lookup(uid, key);
    const target = attribute ? nestedTarget(attribute) : undefined;
    const entryPath = `${path}[${key}]`;
    if (!isPlainObject(value)) {
      mapped[key] = value;
      continue;
    }
    if (attribute?.type === 'dynamiczone' && isPlainObject(value.on)) {
      const on: Filters = {};
      for (const [componentUid, entry] of Object.entries(value.on)) {
        on[componentUid] = isPlainObject(entry)
          ? mapEntry(componentUid, entry, lookup, visit, `${entryPath}[on][${componentUid}]`)
          : entry;
      }
      mapped[key] = { ...value, on };
      continue;
    }
    mapped[key] = target ? mapEntry(target, value, lookup, visit, entryPath) : value;
  }
  return mapped;
}

function mapEntry(
  uid: string,
  entry: PopulateEntry,
  lookup: AttributeLookup,
  visit: (targetUid: string, entry: PopulateEntry, path: string) => PopulateEntry,
  path: string,
): PopulateEntry {
  const visited = visit(uid, entry, path);
  if (visited.populate === undefined) return visited;
  return { ...visited, populate: mapPopulate(uid, visited.populate, lookup, visit, `${path}[populate]`) };
}

/** The root query's filters with the root type's own condition and every relation's. */
export function publicFilters(
  uid: string,
  filters: unknown,
  rules: VisibilityRules,
  lookup: AttributeLookup,
): Filters | undefined {
  const restricted = filters === undefined ? undefined : restrictRelationFilters(uid, filters, rules, lookup);
  const own = rules[uid];
  if (!own) return restricted as Filters | undefined;
  return restricted === undefined ? { ...own } : { $and: [restricted, own] };
}

/**
 * The first sort path that orders by a field behind a relation into a restricted type, e.g.
 * `articles.title` on sources: the join sees drafts, so the order would reveal them. Such a
 * sort is refused rather than rewritten, as SQL ordering cannot take the condition along.
 */
export function restrictedSortPath(
  uid: string,
  sort: unknown,
  rules: VisibilityRules,
  lookup: AttributeLookup,
): string | null {
  const walk = (currentUid: string, path: string[]): string | null => {
    let modelUid = currentUid;
    for (const [index, key] of path.entries()) {
      const attribute = lookup(modelUid, key);
      if (attribute?.type !== 'relation' || !attribute.target) return null;
      if (rules[attribute.target]) return path.slice(0, index + 1).join('.');
      modelUid = attribute.target;
    }
    return null;
  };
  const fromString = (value: string): string | null => {
    for (const part of value.split(',')) {
      const found = walk(uid, part.trim().split(':')[0].split('.'));
      if (found) return found;
    }
    return null;
  };
  const fromObject = (value: Filters, prefix: string[]): string | null => {
    for (const [key, inner] of Object.entries(value)) {
      const path = [...prefix, key];
      if (isPlainObject(inner)) {
        const found = fromObject(inner, path);
        if (found) return found;
      } else {
        const found = walk(uid, path);
        if (found) return found;
      }
    }
    return null;
  };
  const items = Array.isArray(sort) ? sort : [sort];
  for (const item of items) {
    const found = typeof item === 'string' ? fromString(item) : isPlainObject(item) ? fromObject(item, []) : null;
    if (found) return found;
  }
  return null;
}

/**
 * The first of `hidden` that a query's filters (at the root, inside `$and`/`$or`/`$not`) or
 * sort names, e.g. a comment's `updatedAt`, which moves when a moderator acts and would date
 * the private moderation.
 */
export function hiddenFieldIn(filters: unknown, sort: unknown, hidden: readonly string[]): string | null {
  const inFilters = (value: unknown): string | null => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = inFilters(item);
        if (found) return found;
      }
      return null;
    }
    if (!isPlainObject(value)) return null;
    for (const [key, inner] of Object.entries(value)) {
      if (hidden.includes(key)) return key;
      if (LIST_OPERATORS.has(key) || key === '$not') {
        const found = inFilters(inner);
        if (found) return found;
      }
    }
    return null;
  };
  const inSort = (value: unknown): string | null => {
    if (typeof value === 'string') {
      const names = value.split(',').map((part) => part.trim().split(':')[0].split('.')[0]);
      return names.find((name) => hidden.includes(name)) ?? null;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = inSort(item);
        if (found) return found;
      }
      return null;
    }
    if (isPlainObject(value)) return Object.keys(value).find((key) => hidden.includes(key)) ?? null;
    return null;
  };
  return inFilters(filters) ?? inSort(sort);
}
