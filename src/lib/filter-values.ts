/**
 * Checks the shape and the value types of a query's `filters` against the schema, before
 * they reach SQL. Strapi passes what it does not understand on to its query builder or to
 * PostgreSQL, and a frontend then gets a 500 for a typo: `$or` items that are not conditions,
 * `$between` with one value, `id=abc`, a date that is not one, a NUL character.
 *
 * Pure: the schema lookup is passed in, so this is unit-tested without Strapi.
 */

import { isPlainObject } from './is-plain-object';
import { type AttributeLookup, nestedTarget } from './public-visibility';

export type FilterIssueCode =
  | 'query_bad_logical_operator'
  | 'query_bad_logical_item'
  | 'query_bad_not_operator'
  | 'query_bad_filter_value'
  | 'query_bad_between';

export interface FilterIssue {
  code: FilterIssueCode;
  /** Where in the query, the way a frontend wrote it: `filters[$or][0]`. */
  name: string;
}

type Attribute = NonNullable<ReturnType<AttributeLookup>>;
type Filters = Record<string, unknown>;

const ID_ATTRIBUTE: Attribute = { type: 'integer' };
// Every document type has a documentId, but it is not among the schema's attributes.
const DOCUMENT_ID_ATTRIBUTE: Attribute = { type: 'string' };
const LIST_OPERATORS = new Set(['$and', '$or']);
const SET_OPERATORS = new Set(['$in', '$notIn']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
// Strapi reads exactly these (anything else it takes as true, which would invert the filter).
const BOOLEAN_WORDS = new Set(['true', 'false', '1', '0', 't', 'f']);
const INTEGER = /^-?\d{1,18}$/;
// Strapi parses dates, datetimes and times strictly (ISO 8601, HH:mm:ss); looser text throws.
// A date field takes the day of a full datetime too.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?$/;

/** Whether year-month-day names a real day (not 2026-02-30). */
function isCalendarDay(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether one value fits the attribute's type, as PostgreSQL will read it. */
export function isValueOfType(attribute: Attribute, value: unknown): boolean {
  if (typeof value === 'string' && value.includes('\u0000')) return false;
  if (value === null) return true;
  if (typeof value === 'boolean') return attribute.type === 'boolean';
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  switch (attribute.type) {
    case 'integer':
    case 'biginteger':
      return INTEGER.test(text.trim());
    case 'float':
    case 'decimal':
      return text.trim() !== '' && Number.isFinite(Number(text));
    case 'boolean':
      return BOOLEAN_WORDS.has(text);
    case 'date':
    case 'datetime':
    case 'timestamp':
      return isCalendarDay(DATE_TIME.exec(text)) && !Number.isNaN(Date.parse(text));
    case 'time':
      return TIME.test(text);
    default:
      return true;
  }
}

/** The first problem in `filters` on type `uid`, or null when PostgreSQL can run them. */
export function filterIssue(
  uid: string,
  filters: unknown,
  lookup: AttributeLookup,
  path = 'filters',
): FilterIssue | null {
  if (filters === undefined) return null;
  if (!isPlainObject(filters)) return { code: 'query_bad_filter_value', name: path };
  for (const [key, value] of Object.entries(filters)) {
    const keyPath = `${path}[${key}]`;
    if (LIST_OPERATORS.has(key)) {
      const issue = listIssue(value, keyPath, (item, itemPath) => filterIssue(uid, item, lookup, itemPath));
      if (issue) return issue;
      continue;
    }
    if (key === '$not') {
      if (!isPlainObject(value)) return { code: 'query_bad_not_operator', name: keyPath };
      const issue = filterIssue(uid, value, lookup, keyPath);
      if (issue) return issue;
      continue;
    }
    // Operators at the root of a condition compare nothing; Strapi's query builder throws.
    if (key.startsWith('$')) return { code: 'query_bad_filter_value', name: keyPath };
    const attribute = key === 'id' ? ID_ATTRIBUTE : key === 'documentId' ? DOCUMENT_ID_ATTRIBUTE : lookup(uid, key);
    // Unknown keys are refused by Strapi's own query validation with a 400.
    if (!attribute) continue;
    const issue = attributeIssue(attribute, value, lookup, keyPath);
    if (issue) return issue;
  }
  return null;
}

function attributeIssue(attribute: Attribute, value: unknown, lookup: AttributeLookup, path: string) {
  const target = nestedTarget(attribute);
  // A media field is a relation to files: an id or operators straight on it concern the file's id.
  if ((attribute.type === 'relation' || attribute.type === 'media') && target) {
    // An id straight on the relation, or a condition on the target (with operators on its id).
    if (!isPlainObject(value)) return operandIssue(ID_ATTRIBUTE, value, path, true);
    const comparisons: Filters = {};
    const nested: Filters = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('$') && !LIST_OPERATORS.has(key) && key !== '$not') comparisons[key] = inner;
      else nested[key] = inner;
    }
    return operatorsIssue(ID_ATTRIBUTE, comparisons, path) ?? filterIssue(target, nested, lookup, path);
  }
  if (target) return isPlainObject(value) ? filterIssue(target, value, lookup, path) : null;
  // PostgreSQL has no text comparison for jsonb: only presence can be asked of a JSON field.
  if (attribute.type === 'json') {
    const presenceOnly = isPlainObject(value) && Object.keys(value).every((key) => PRESENCE_OPERATORS.has(key));
    return presenceOnly
      ? operatorsIssue(attribute, value, path)
      : { code: 'query_bad_filter_value' as const, name: path };
  }
  if (isPlainObject(value)) return operatorsIssue(attribute, value, path);
  return operandIssue(attribute, value, path, true);
}

function operatorsIssue(attribute: Attribute, operators: Filters, path: string): FilterIssue | null {
  for (const [operator, operand] of Object.entries(operators)) {
    const operatorPath = `${path}[${operator}]`;
    let issue: FilterIssue | null;
    if (LIST_OPERATORS.has(operator) || !operator.startsWith('$')) {
      // Strapi's query builder has no attribute-level $and/$or, and a field name where an
      // operator belongs (`filters[title][title]`) reaches it unchecked: both would be 500s.
      issue = { code: 'query_bad_filter_value', name: operatorPath };
    } else if (operator === '$not') {
      issue = isPlainObject(operand)
        ? operatorsIssue(attribute, operand, operatorPath)
        : operandIssue(attribute, operand, operatorPath, false);
    } else if (PRESENCE_OPERATORS.has(operator)) {
      issue = isValueOfType({ type: 'boolean' }, operand)
        ? null
        : { code: 'query_bad_filter_value', name: operatorPath };
    } else if (SET_OPERATORS.has(operator)) {
      issue = operandIssue(attribute, operand, operatorPath, true);
    } else if (operator === '$between') {
      issue =
        Array.isArray(operand) && operand.length === 2
          ? operandIssue(attribute, operand, operatorPath, true)
          : { code: 'query_bad_between', name: operatorPath };
    } else {
      issue = operandIssue(attribute, operand, operatorPath, false);
    }
    if (issue) return issue;
  }
  return null;
}

function operandIssue(attribute: Attribute, operand: unknown, path: string, listAllowed: boolean) {
  const values = listAllowed && Array.isArray(operand) ? operand : [operand];
  const fits = values.every((value) => isValueOfType(attribute, value));
  return fits ? null : { code: 'query_bad_filter_value' as const, name: path };
}

function listIssue(
  value: unknown,
  path: string,
  checkItem: (item: Filters, itemPath: string) => FilterIssue | null,
): FilterIssue | null {
  if (!Array.isArray(value)) return { code: 'query_bad_logical_operator', name: path };
  for (const [index, item] of value.entries()) {
    const itemPath = `${path}[${index}]`;
    if (!isPlainObject(item)) return { code: 'query_bad_logical_item', name: itemPath };
    const issue = checkItem(item, itemPath);
    if (issue) return issue;
  }
  return null;
}

const SORT_DIRECTION = /^(asc|desc)$/i;

/**
 * The first malformed place in a `sort` parameter: Strapi takes `title`, `title:desc`, lists of
 * those, and objects whose leaves are `asc`/`desc`, nested only under relations and components
 * (when the type is known); anything else (`sort[title][x]=asc`) crashes its query builder.
 */
export function sortIssue(
  sort: unknown,
  path = 'sort',
  schema?: { uid: string; lookup: AttributeLookup },
): FilterIssue | null {
  if (sort === undefined || typeof sort === 'string') return null;
  if (Array.isArray(sort)) {
    for (const [index, item] of sort.entries()) {
      const issue = sortIssue(item, `${path}[${index}]`, schema);
      if (issue) return issue;
    }
    return null;
  }
  if (!isPlainObject(sort)) return { code: 'query_bad_filter_value', name: path };
  for (const [key, value] of Object.entries(sort)) {
    const keyPath = `${path}[${key}]`;
    if (typeof value === 'string') {
      if (!SORT_DIRECTION.test(value)) return { code: 'query_bad_filter_value', name: keyPath };
      continue;
    }
    if (!isPlainObject(value)) return { code: 'query_bad_filter_value', name: keyPath };
    let inner = schema;
    if (schema) {
      const attribute = schema.lookup(schema.uid, key);
      const target = attribute ? nestedTarget(attribute) : undefined;
      // Unknown keys are Strapi's to refuse; a known field that leads nowhere cannot nest.
      if (attribute && !target) return { code: 'query_bad_filter_value', name: keyPath };
      inner = target ? { uid: target, lookup: schema.lookup } : undefined;
    }
    const issue = sortIssue(value, keyPath, inner);
    if (issue) return issue;
  }
  return null;
}

/** `fields` as Strapi takes them: names, comma-separated or listed, none empty (an empty name
 * reaches SQL as a null column name: a 500). */
export function fieldsIssue(fields: unknown, path = 'fields'): FilterIssue | null {
  if (fields === undefined) return null;
  const names = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : [fields];
  const valid = names.every((name) => typeof name === 'string' && name.trim() !== '');
  return valid ? null : { code: 'query_bad_filter_value', name: path };
}
