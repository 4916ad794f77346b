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
