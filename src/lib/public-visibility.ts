/**
 * What the public may see of each content type, as one filter condition per type, and the
 * rewriting that puts those conditions into every public query — at the root and behind
 * every relation a filter walks through. A row the public may not see is then never
 * matched, so neither the data nor `meta.pagination.total` can reveal it.
 *
 * Pure: the schema lookup is passed in, so this is unit-tested without Strapi.
 */
export type Filters = Record<string, unknown>;

export type AttributeLookup = (uid: string, attribute: string) => { type: string; target?: string } | undefined;

export type VisibilityRules = Readonly<Record<string, Filters>>;

const LIST_OPERATORS = new Set(['$and', '$or']);

const isPlainObject = (value: unknown): value is Filters =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
    if (attribute?.type === 'relation' && attribute.target && isPlainObject(value)) {
      const inner = restrictRelationFilters(attribute.target, value, rules, lookup);
      const condition = rules[attribute.target];
      restricted[key] = condition ? { $and: [inner, condition] } : inner;
      continue;
    }
    restricted[key] = value;
  }
  return restricted;
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
