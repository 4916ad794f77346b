import { filterIssue, isValueOfType } from '../../../src/lib/filter-values';
import type { AttributeLookup } from '../../../src/lib/public-visibility';

type Attribute = { type: string; target?: string; component?: string };

const schema: Record<string, Record<string, Attribute>> = {
  source: {
    name: { type: 'string' },
    articles: { type: 'relation', target: 'article' },
    logo: { type: 'media' },
    profile: { type: 'component', component: 'shared.profile' },
  },
  article: {
    title: { type: 'string' },
    views: { type: 'integer' },
    shares: { type: 'biginteger' },
    score: { type: 'float' },
    price: { type: 'decimal' },
    commentsEnabled: { type: 'boolean' },
    issueDate: { type: 'date' },
    publishedAt: { type: 'datetime' },
    indexedAt: { type: 'timestamp' },
    broadcastAt: { type: 'time' },
    meta: { type: 'json' },
    kind: { type: 'enumeration' },
    source: { type: 'relation', target: 'source' },
    comments: { type: 'relation', target: 'comment' },
  },
  comment: { body: { type: 'text' }, article: { type: 'relation', target: 'article' } },
  'shared.profile': {
    label: { type: 'string' },
    rank: { type: 'integer' },
    featured: { type: 'relation', target: 'article' },
    contact: { type: 'component', component: 'shared.contact' },
  },
  'shared.contact': { phone: { type: 'string' }, floor: { type: 'integer' } },
  'plugin::upload.file': { name: { type: 'string' }, size: { type: 'decimal' } },
};
const lookup: AttributeLookup = (uid, attribute) => schema[uid]?.[attribute];

const bad = (name: string) => ({ code: 'query_bad_filter_value', name });
const onArticle = (filters: unknown) => filterIssue('article', filters, lookup);
const onSource = (filters: unknown) => filterIssue('source', filters, lookup);

describe('isValueOfType', () => {
  it.each([
    ['12', true],
    [12, true],
    ['-3', true],
    [-3, true],
    [' 12 ', true],
    ['0', true],
    ['abc', false],
    ['1.5', false],
    [1.5, false],
    ['', false],
    ['1e3', false],
    ['12abc', false],
    ['۱۲', false],
    ['--3', false],
    [true, false],
    [{}, false],
    [[12], false],
    [undefined, false],
  ])('integer: %p → %p', (value, expected) => {
    expect(isValueOfType({ type: 'integer' }, value)).toBe(expected);
  });

  it.each([
    ['12', true],
    ['abc', false],
    ['1.5', false],
  ])('biginteger: %p → %p', (value, expected) => {
    expect(isValueOfType({ type: 'biginteger' }, value)).toBe(expected);
  });

  it.each([
    ['1.5', true],
    ['-0.25', true],
    [' 3 ', true],
    ['1e3', true],
    [2.75, true],
    ['abc', false],
    ['', false],
    ['   ', false],
    ['1,5', false],
    ['NaN', false],
    ['Infinity', false],
    [Number.NaN, false],
    [false, false],
  ])('float and decimal: %p → %p', (value, expected) => {
    expect(isValueOfType({ type: 'float' }, value)).toBe(expected);
    expect(isValueOfType({ type: 'decimal' }, value)).toBe(expected);
  });

  it.each([
    [true, true],
    [false, true],
    ['true', true],
    ['false', true],
    ['1', true],
    ['0', true],
    ['t', true],
    ['f', true],
    [1, true],
    [0, true],
    ['yes', false],
    ['on', false],
    ['2', false],
    [2, false],
    ['', false],
    ['بله', false],
  ])('boolean: %p → %p', (value, expected) => {
    expect(isValueOfType({ type: 'boolean' }, value)).toBe(expected);
  });

  it.each(['date', 'datetime', 'timestamp'])('%s: takes ISO dates and datetimes, refuses words', (type) => {
    expect(isValueOfType({ type }, '2026-01-02')).toBe(true);
    expect(isValueOfType({ type }, '2026-01-02T10:30:00Z')).toBe(true);
    expect(isValueOfType({ type }, '2026-01-02T10:30:00.000+03:30')).toBe(true);
    expect(isValueOfType({ type }, 'yesterday')).toBe(false);
    expect(isValueOfType({ type }, 'دیروز')).toBe(false);
    expect(isValueOfType({ type }, '02/01/2026')).toBe(false);
    expect(isValueOfType({ type }, '2026-13-01')).toBe(false);
    expect(isValueOfType({ type }, '2026-1-2')).toBe(false);
    expect(isValueOfType({ type }, 20260102)).toBe(false);
    expect(isValueOfType({ type }, '')).toBe(false);
    expect(isValueOfType({ type }, true)).toBe(false);
  });

  it.each([
    ['10:30:15', true],
    ['10:30:15.123', true],
    ['10', false],
    ['1030', false],
    ['10:30 PM', false],
    ['10:30:15.1234', false],
    ['ظهر', false],
    [1030, false],
  ])('time: %p → %p', (value, expected) => {
    expect(isValueOfType({ type: 'time' }, value)).toBe(expected);
  });

  it.each(['string', 'text', 'enumeration', 'json', 'uid', 'email'])('%s: takes any text or number', (type) => {
    expect(isValueOfType({ type }, 'خبر فوری')).toBe(true);
    expect(isValueOfType({ type }, '')).toBe(true);
    expect(isValueOfType({ type }, 42)).toBe(true);
    expect(isValueOfType({ type }, true)).toBe(false);
    expect(isValueOfType({ type }, { $eq: 'x' })).toBe(false);
    expect(isValueOfType({ type }, ['x'])).toBe(false);
  });

  it.each(['string', 'text', 'integer', 'float', 'boolean', 'datetime', 'time', 'json'])(
    '%s: refuses a NUL character anywhere in a string',
    (type) => {
      expect(isValueOfType({ type }, '\u0000')).toBe(false);
      expect(isValueOfType({ type }, 'خبر\u0000فوری')).toBe(false);
      expect(isValueOfType({ type }, '12\u0000')).toBe(false);
      expect(isValueOfType({ type }, 'true\u0000')).toBe(false);
      expect(isValueOfType({ type }, '2026-01-02\u0000')).toBe(false);
    },
  );

  it.each(['string', 'integer', 'float', 'boolean', 'date', 'time', 'relation'])('%s: takes null', (type) => {
    expect(isValueOfType({ type }, null)).toBe(true);
  });
});

describe('filterIssue: the shape of a condition', () => {
  it('has nothing to say about absent or empty filters', () => {
    expect(onArticle(undefined)).toBeNull();
    expect(onArticle({})).toBeNull();
  });

  it('accepts a well-formed query with every kind of condition', () => {
    const filters = {
      $or: [{ title: { $containsi: 'انتخابات' } }, { views: { $gte: '100' } }],
      $and: [{ publishedAt: { $between: ['2026-01-01', '2026-01-31T23:59:59Z'] } }, { commentsEnabled: 'true' }],
      $not: { kind: 'opinion' },
      id: { $in: ['1', 2, '-3'] },
      source: { name: 'ایرنا', articles: { $notNull: true } },
      comments: { body: { $null: false } },
    };
    expect(onArticle(filters)).toBeNull();
  });

  it.each([
    ['a string', 'abc'],
    ['a number', 5],
    ['null', null],
    ['a list', [{ title: 'x' }]],
  ])('refuses filters that are %s, at the root path', (_label, filters) => {
    expect(onArticle(filters)).toEqual(bad('filters'));
  });

  it('reports paths under the path it is given', () => {
    expect(filterIssue('article', 'abc', lookup, 'populate[articles][filters]')).toEqual(
      bad('populate[articles][filters]'),
    );
    expect(filterIssue('article', { views: 'بسیار' }, lookup, 'populate[articles][filters]')).toEqual(
      bad('populate[articles][filters][views]'),
    );
  });

  it.each([
    ['an object', { $or: { 0: { title: 'x' } } }, 'filters[$or]'],
    ['a string', { $or: 'title' }, 'filters[$or]'],
    ['null', { $and: null }, 'filters[$and]'],
    ['a number', { $and: 1 }, 'filters[$and]'],
  ])('refuses $or/$and given %s instead of a list', (_label, filters, name) => {
    expect(onArticle(filters)).toEqual({ code: 'query_bad_logical_operator', name });
  });

  it.each([
    ['a string', { $or: [{ title: 'الف' }, 'ب'] }, 'filters[$or][1]'],
    ['a number', { $and: [5] }, 'filters[$and][0]'],
    ['null', { $or: [null] }, 'filters[$or][0]'],
    ['a list', { $and: [{ title: 'الف' }, { title: 'ب' }, [{ title: 'ج' }]] }, 'filters[$and][2]'],
  ])('refuses $or/$and items that are %s, naming the item', (_label, filters, name) => {
    expect(onArticle(filters)).toEqual({ code: 'query_bad_logical_item', name });
  });

  it('checks the conditions inside $or/$and items, at any depth', () => {
    expect(onArticle({ $or: [{ title: 'x' }, { views: 'abc' }] })).toEqual(bad('filters[$or][1][views]'));
    expect(onArticle({ $and: [{ $or: [{ title: 'x' }, { $and: 'y' }] }] })).toEqual({
      code: 'query_bad_logical_operator',
      name: 'filters[$and][0][$or][1][$and]',
    });
    expect(onArticle({ $and: [{ $or: [{ views: { $in: ['1', 'x'] } }] }] })).toEqual(
      bad('filters[$and][0][$or][0][views][$in]'),
    );
  });

  it.each([
    ['a string', 'x'],
    ['a number', 1],
    ['null', null],
    ['a list', [{ title: 'x' }]],
  ])('refuses $not given %s', (_label, value) => {
    expect(onArticle({ $not: value })).toEqual({ code: 'query_bad_not_operator', name: 'filters[$not]' });
  });

  it('checks the condition inside $not', () => {
    expect(onArticle({ $not: { title: 'x' } })).toBeNull();
    expect(onArticle({ $not: { views: 'many' } })).toEqual(bad('filters[$not][views]'));
    expect(onArticle({ $not: { $not: { $or: 'x' } } })).toEqual({
      code: 'query_bad_logical_operator',
      name: 'filters[$not][$not][$or]',
    });
  });

  it.each(['$eq', '$ne', '$in', '$null', '$notNull', '$between', '$contains', '$foo'])(
    'refuses the comparison %s at the root of a condition',
    (operator) => {
      expect(onArticle({ [operator]: 1 })).toEqual(bad(`filters[${operator}]`));
      expect(onArticle({ $or: [{ title: 'x' }, { [operator]: 1 }] })).toEqual(bad(`filters[$or][1][${operator}]`));
    },
  );

  it('ignores keys that are not attributes of the type (Strapi refuses them itself)', () => {
    expect(onArticle({ nope: 'x\u0000' })).toBeNull();
    expect(onArticle({ nope: { $between: [1] } })).toBeNull();
    expect(onArticle({ nope: { $or: 'x' } })).toBeNull();
    expect(onSource({ articles: { nope: { $eq: 'x' } } })).toBeNull();
    expect(onArticle({ nope: 'x', views: 'x' })).toEqual(bad('filters[views]'));
  });

  it('reports the first problem, in key order', () => {
    expect(onArticle({ views: 'x', title: 'a\u0000' })).toEqual(bad('filters[views]'));
    expect(onArticle({ title: 'a\u0000', views: 'x' })).toEqual(bad('filters[title]'));
  });
});

describe('filterIssue: values of scalar attributes', () => {
  it.each([
    ['12', null],
    [12, null],
    ['-3', null],
    [-3, null],
    ['abc', 'filters[id]'],
    ['1.5', 'filters[id]'],
    ['', 'filters[id]'],
    [true, 'filters[id]'],
  ])('treats id as an integer: %p', (value, name) => {
    expect(onArticle({ id: value })).toEqual(name === null ? null : bad(name));
    expect(onArticle({ id: { $eq: value } })).toEqual(name === null ? null : bad(`${name}[$eq]`));
  });

  it('treats id as an integer on every type, whatever the schema says', () => {
    expect(onSource({ id: 'abc' })).toEqual(bad('filters[id]'));
    expect(filterIssue('unknown', { id: { $gt: 'x' } }, lookup)).toEqual(bad('filters[id][$gt]'));
  });

  it.each([
    ['views', '12', null],
    ['views', 'دوازده', 'filters[views]'],
    ['shares', '9000000000', null],
    ['shares', '9e9', 'filters[shares]'],
    ['score', '4.5', null],
    ['score', 'high', 'filters[score]'],
    ['price', '12000.50', null],
    ['price', '12,000', 'filters[price]'],
    ['commentsEnabled', 'false', null],
    ['commentsEnabled', 'yes', 'filters[commentsEnabled]'],
    ['issueDate', '2026-01-02', null],
    ['issueDate', 'yesterday', 'filters[issueDate]'],
    ['publishedAt', '2026-01-02T08:00:00.000Z', null],
    ['publishedAt', 'yesterday', 'filters[publishedAt]'],
    ['indexedAt', '2026-01-02', null],
    ['indexedAt', 'now', 'filters[indexedAt]'],
    ['broadcastAt', '20:30:00', null],
    ['broadcastAt', 'evening', 'filters[broadcastAt]'],
    ['title', 'هر متنی', null],
    ['title', 'متن\u0000', 'filters[title]'],
    ['kind', 'news', null],
  ])('checks %s = %p', (attribute, value, name) => {
    expect(onArticle({ [attribute]: value })).toEqual(name === null ? null : bad(name));
    expect(onArticle({ [attribute]: { $eq: value } })).toEqual(name === null ? null : bad(`${name}[$eq]`));
  });

  it('asks only presence of a JSON field (PostgreSQL cannot compare jsonb with text)', () => {
    expect(onArticle({ meta: { $notNull: true } })).toBeNull();
    expect(onArticle({ meta: 'x' })).toEqual(bad('filters[meta]'));
    expect(onArticle({ meta: { $contains: 'x' } })).toEqual(bad('filters[meta]'));
    expect(onArticle({ meta: { $null: 'maybe' } })).toEqual(bad('filters[meta][$null]'));
  });

  it.each(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$contains', '$startsWith', '$endsWithi'])(
    'checks the operand of %s against the attribute type',
    (operator) => {
      expect(onArticle({ views: { [operator]: '5' } })).toBeNull();
      expect(onArticle({ views: { [operator]: 'five' } })).toEqual(bad(`filters[views][${operator}]`));
      expect(onArticle({ title: { [operator]: 'سلام\u0000' } })).toEqual(bad(`filters[title][${operator}]`));
    },
  );

  it('refuses a list or an object where a comparison takes one value', () => {
    expect(onArticle({ views: { $gt: ['1', '2'] } })).toEqual(bad('filters[views][$gt]'));
    expect(onArticle({ title: { $contains: { $eq: 'x' } } })).toEqual(bad('filters[title][$contains]'));
  });

  it('refuses a boolean on a non-boolean attribute', () => {
    expect(onArticle({ title: true })).toEqual(bad('filters[title]'));
    expect(onArticle({ views: { $eq: false } })).toEqual(bad('filters[views][$eq]'));
    expect(onArticle({ commentsEnabled: true })).toBeNull();
  });

  it('takes null as a value of any type', () => {
    expect(onArticle({ views: null, publishedAt: { $eq: null }, title: { $ne: null } })).toBeNull();
  });

  it('refuses a NUL character wherever a string value appears', () => {
    expect(onArticle({ title: { $in: ['الف', 'ب\u0000'] } })).toEqual(bad('filters[title][$in]'));
    expect(onArticle({ $or: [{ title: { $containsi: '\u0000' } }] })).toEqual(
      bad('filters[$or][0][title][$containsi]'),
    );
    expect(onArticle({ $not: { kind: '\u0000' } })).toEqual(bad('filters[$not][kind]'));
    expect(onArticle({ title: { $not: 'x\u0000' } })).toEqual(bad('filters[title][$not]'));
    expect(onArticle({ title: { $null: 'true\u0000' } })).toEqual(bad('filters[title][$null]'));
    expect(onSource({ articles: { title: 'x\u0000' } })).toEqual(bad('filters[articles][title]'));
    expect(onSource({ articles: '41\u0000' })).toEqual(bad('filters[articles]'));
    expect(onSource({ name: ['ایرنا', '\u0000'] })).toEqual(bad('filters[name]'));
  });

  it('checks $in/$notIn lists item by item, and takes a single value', () => {
    expect(onArticle({ views: { $in: ['1', '2', '3'] } })).toBeNull();
    expect(onArticle({ views: { $in: ['1', 'x', '3'] } })).toEqual(bad('filters[views][$in]'));
    expect(onArticle({ views: { $notIn: [1, 2.5] } })).toEqual(bad('filters[views][$notIn]'));
    expect(onArticle({ views: { $in: '7' } })).toBeNull();
    expect(onArticle({ views: { $in: 'seven' } })).toEqual(bad('filters[views][$in]'));
    expect(onArticle({ views: { $in: [] } })).toBeNull();
    expect(onArticle({ views: { $in: [['1']] } })).toEqual(bad('filters[views][$in]'));
  });

  it('checks a list given straight on an attribute item by item', () => {
    expect(onArticle({ views: ['1', '2'] })).toBeNull();
    expect(onArticle({ views: ['1', 'two'] })).toEqual(bad('filters[views]'));
    expect(onArticle({ publishedAt: ['2026-01-02', 'yesterday'] })).toEqual(bad('filters[publishedAt]'));
  });

  it.each([
    ['one value', ['1']],
    ['three values', ['1', '2', '3']],
    ['no values', []],
    ['a string', '1,5'],
    ['a number', 5],
    ['an object', { 0: '1', 1: '5' }],
  ])('refuses $between with %s', (_label, operand) => {
    expect(onArticle({ views: { $between: operand } })).toEqual({
      code: 'query_bad_between',
      name: 'filters[views][$between]',
    });
  });

  it('checks both $between bounds against the attribute type', () => {
    expect(onArticle({ views: { $between: ['1', '10'] } })).toBeNull();
    expect(onArticle({ publishedAt: { $between: ['2026-01-01', '2026-02-01T00:00:00Z'] } })).toBeNull();
    expect(onArticle({ views: { $between: ['1', 'ten'] } })).toEqual(bad('filters[views][$between]'));
    expect(onArticle({ publishedAt: { $between: ['yesterday', 'today'] } })).toEqual(
      bad('filters[publishedAt][$between]'),
    );
  });

  it.each([true, false, 'true', 'false', '1', '0', 't', 'f', 1, 0, null])(
    'takes %p as the operand of $null and $notNull, whatever the attribute type',
    (operand) => {
      expect(onArticle({ views: { $null: operand } })).toBeNull();
      expect(onArticle({ publishedAt: { $notNull: operand } })).toBeNull();
      expect(onArticle({ title: { $null: operand } })).toBeNull();
    },
  );

  it.each(['yes', 'abc', '', 2, ['true'], { value: true }])(
    'refuses %p as the operand of $null and $notNull',
    (operand) => {
      expect(onArticle({ title: { $null: operand } })).toEqual(bad('filters[title][$null]'));
      expect(onArticle({ views: { $notNull: operand } })).toEqual(bad('filters[views][$notNull]'));
    },
  );

  it('checks $not on an attribute, with a value or with operators', () => {
    expect(onArticle({ views: { $not: '5' } })).toBeNull();
    expect(onArticle({ views: { $not: 'five' } })).toEqual(bad('filters[views][$not]'));
    expect(onArticle({ views: { $not: ['1', '2'] } })).toEqual(bad('filters[views][$not]'));
    expect(onArticle({ views: { $not: { $in: ['1', 'x'] } } })).toEqual(bad('filters[views][$not][$in]'));
    expect(onArticle({ views: { $not: { $between: ['1'] } } })).toEqual({
      code: 'query_bad_between',
      name: 'filters[views][$not][$between]',
    });
  });

  it('refuses $and/$or between operators on an attribute (Strapi has none there: a 500)', () => {
    expect(onArticle({ views: { $or: [{ $lt: '10' }, { $gt: '100' }] } })).toEqual(bad('filters[views][$or]'));
    expect(onArticle({ views: { $and: [{ $eq: '1' }] } })).toEqual(bad('filters[views][$and]'));
    expect(onArticle({ views: { $not: { $and: [{ $eq: '1' }] } } })).toEqual(bad('filters[views][$not][$and]'));
  });

  it('refuses a field name where an operator belongs (Strapi would pass it to SQL)', () => {
    expect(onArticle({ views: { count: 'x' } })).toEqual(bad('filters[views][count]'));
    expect(onArticle({ title: { title: '1' } })).toEqual(bad('filters[title][title]'));
    expect(onArticle({ views: { $eq: '1', count: 'x' } })).toEqual(bad('filters[views][count]'));
  });
});

describe('filterIssue: relations', () => {
  it.each([41, '41', -1, [1, '2'], null])('takes the id %p straight on a relation', (value) => {
    expect(onSource({ articles: value })).toBeNull();
  });

  it.each([
    ['abc', 'abc'],
    ['a fraction', '1.5'],
    ['a list with a bad id', ['1', 'x']],
    ['a boolean', true],
  ])('refuses %s straight on a relation', (_label, value) => {
    expect(onSource({ articles: value })).toEqual(bad('filters[articles]'));
    expect(onArticle({ source: value })).toEqual(bad('filters[source]'));
  });

  it('checks operators straight on a relation as operators on the target id', () => {
    expect(onSource({ articles: { $eq: '2' } })).toBeNull();
    expect(onSource({ articles: { $in: ['1', '2'], $notNull: 'true' } })).toBeNull();
    expect(onSource({ articles: { $eq: 'two' } })).toEqual(bad('filters[articles][$eq]'));
    expect(onSource({ articles: { $in: ['1', 'x'] } })).toEqual(bad('filters[articles][$in]'));
    expect(onSource({ articles: { $gt: '2026-01-01' } })).toEqual(bad('filters[articles][$gt]'));
    expect(onSource({ articles: { $null: 'maybe' } })).toEqual(bad('filters[articles][$null]'));
    expect(onSource({ articles: { $between: ['1'] } })).toEqual({
      code: 'query_bad_between',
      name: 'filters[articles][$between]',
    });
  });

  it('checks a condition on the target with the target schema', () => {
    expect(onSource({ articles: { title: 'خبر', views: { $gt: '10' } } })).toBeNull();
    expect(onSource({ articles: { views: { $gt: 'many' } } })).toEqual(bad('filters[articles][views][$gt]'));
    expect(onSource({ articles: { id: 'abc' } })).toEqual(bad('filters[articles][id]'));
    expect(onSource({ articles: { id: { $in: ['1', 'x'] } } })).toEqual(bad('filters[articles][id][$in]'));
    // `name` is a string on sources but unknown on articles: checked as nothing.
    expect(onSource({ articles: { name: { $between: ['1'] } } })).toBeNull();
  });

  it('checks operators and a condition given together', () => {
    expect(onSource({ articles: { $eq: 2, title: 'x' } })).toBeNull();
    expect(onSource({ articles: { $eq: 'x', title: 'x' } })).toEqual(bad('filters[articles][$eq]'));
    expect(onSource({ articles: { $eq: 2, views: 'x' } })).toEqual(bad('filters[articles][views]'));
  });

  it('checks logical operators on a relation as conditions on the target', () => {
    expect(onSource({ articles: { $or: [{ title: 'x' }, { views: '3' }] } })).toBeNull();
    expect(onSource({ articles: { $or: [{ title: 'x' }, { views: 'x' }] } })).toEqual(
      bad('filters[articles][$or][1][views]'),
    );
    expect(onSource({ articles: { $or: 'x' } })).toEqual({
      code: 'query_bad_logical_operator',
      name: 'filters[articles][$or]',
    });
    expect(onSource({ articles: { $and: ['x'] } })).toEqual({
      code: 'query_bad_logical_item',
      name: 'filters[articles][$and][0]',
    });
    expect(onSource({ articles: { $not: 5 } })).toEqual({
      code: 'query_bad_not_operator',
      name: 'filters[articles][$not]',
    });
    expect(onSource({ articles: { $not: { views: 'x' } } })).toEqual(bad('filters[articles][$not][views]'));
  });

  it('follows relations through relations', () => {
    expect(filterIssue('comment', { article: { source: { articles: { views: 'x' } } } }, lookup)).toEqual(
      bad('filters[article][source][articles][views]'),
    );
    expect(onSource({ articles: { comments: 'x' } })).toEqual(bad('filters[articles][comments]'));
    expect(onSource({ articles: { comments: { $in: ['5'] } } })).toBeNull();
  });

  it('checks conditions inside components, and relations inside them', () => {
    expect(onSource({ profile: { label: 'خبرگزاری', rank: '1' } })).toBeNull();
    expect(onSource({ profile: { rank: 'first' } })).toEqual(bad('filters[profile][rank]'));
    expect(onSource({ profile: { featured: 'x' } })).toEqual(bad('filters[profile][featured]'));
    expect(onSource({ profile: { featured: { $eq: '3' } } })).toBeNull();
    expect(onSource({ profile: { featured: { views: { $lt: 'x' } } } })).toEqual(
      bad('filters[profile][featured][views][$lt]'),
    );
    expect(onSource({ profile: { contact: { floor: '2.5' } } })).toEqual(bad('filters[profile][contact][floor]'));
    expect(onSource({ profile: { $or: [{ rank: 'x' }] } })).toEqual(bad('filters[profile][$or][0][rank]'));
  });

  it('checks conditions on media with the upload file schema', () => {
    expect(onSource({ logo: { name: 'logo.png', size: '12.5' } })).toBeNull();
    expect(onSource({ logo: { size: 'big' } })).toEqual(bad('filters[logo][size]'));
  });

  it('reads operators straight on media as conditions on the file id', () => {
    expect(onSource({ logo: { $notNull: 'true' } })).toBeNull();
    expect(onSource({ logo: { $null: true } })).toBeNull();
    expect(onSource({ logo: { $eq: 'abc' } })).toEqual(bad('filters[logo][$eq]'));
    expect(onSource({ logo: '3' })).toBeNull();
  });
});

describe('isValueOfType reads values as strictly as Strapi does (looser text would be a 500 or inverted)', () => {
  it.each([
    ['datetime', '2026-02-30'],
    ['datetime', ' 2026-01-02'],
    ['datetime', '2026-01-02 10:00 PM'],
    ['datetime', '2026-01-02 (Tehran)'],
    ['date', '2026-13-01'],
    ['time', '10:30'],
    ['time', '25:99:00'],
    ['boolean', 'FALSE'],
    ['boolean', 'False'],
    ['boolean', ' false'],
  ])('%s refuses %p', (type, value) => {
    expect(isValueOfType({ type }, value)).toBe(false);
  });

  it.each([
    ['datetime', '2026-02-28T23:59:59.999Z'],
    ['datetime', '2024-02-29'],
    ['date', '2026-01-02T10:00:00+03:30'],
    ['time', '23:59:59'],
    ['time', '10:30:00.250'],
    ['boolean', 'f'],
  ])('%s takes %p', (type, value) => {
    expect(isValueOfType({ type }, value)).toBe(true);
  });
});
