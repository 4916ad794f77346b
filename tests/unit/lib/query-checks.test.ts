import { isCheckedApiPath, isContentApiPath } from '../../../src/lib/api-paths';
import { fieldsIssue, sortIssue } from '../../../src/lib/filter-values';
import { type AttributeLookup, hiddenFieldIn } from '../../../src/lib/public-visibility';
import { holdsUnsafeText, isUnsafeText } from '../../../src/lib/unsafe-text';

const schema: Record<string, Record<string, { type: string; target?: string }>> = {
  article: { title: { type: 'text' }, source: { type: 'relation', target: 'source' } },
  source: { name: { type: 'string' } },
};
const lookup: AttributeLookup = (uid, attribute) => schema[uid]?.[attribute];

describe('sortIssue', () => {
  it.each([undefined, 'title', 'title:desc,createdAt', ['title:asc', { title: 'DESC' }], { source: { name: 'asc' } }])(
    'takes %p',
    (sort) => {
      expect(sortIssue(sort, 'sort', { uid: 'article', lookup })).toBeNull();
    },
  );

  it.each([
    [{ title: 'up' }, 'sort[title]'],
    [{ title: { x: 'asc' } }, 'sort[title]'],
    [{ source: { name: { deeper: 'asc' } } }, 'sort[source][name]'],
    [[{ title: 1 }], 'sort[0][title]'],
    [42, 'sort'],
  ])('refuses %p at %s', (sort, name) => {
    expect(sortIssue(sort, 'sort', { uid: 'article', lookup })).toEqual({ code: 'query_bad_filter_value', name });
  });

  it('without a schema checks only the directions', () => {
    expect(sortIssue({ title: { x: 'asc' } })).toBeNull();
    expect(sortIssue({ title: { x: 'sideways' } })).toEqual({ code: 'query_bad_filter_value', name: 'sort[title][x]' });
  });
});

describe('hiddenFieldIn', () => {
  const hidden = ['updatedAt', 'publishedAt'];
  it.each([
    [{ updatedAt: { $gt: '2020-01-01' } }, undefined, 'updatedAt'],
    [{ $or: [{ body: 'x' }, { publishedAt: { $null: true } }] }, undefined, 'publishedAt'],
    [{ $not: { updatedAt: '2020-01-01' } }, undefined, 'updatedAt'],
    [undefined, 'createdAt:asc,updatedAt:desc', 'updatedAt'],
    [undefined, ['updatedAt'], 'updatedAt'],
    [undefined, { publishedAt: 'asc' }, 'publishedAt'],
  ])('finds a hidden field in filters %p / sort %p', (filters, sort, expected) => {
    expect(hiddenFieldIn(filters, sort, hidden)).toBe(expected);
  });

  it('lets other fields through, and the same names on a related type', () => {
    expect(
      hiddenFieldIn({ createdAt: { $gt: '2020' }, article: { updatedAt: 'x' } }, 'createdAt:desc', hidden),
    ).toBeNull();
  });
});

describe('unsafe text', () => {
  it.each([
    ['a NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'a\ud800b', true],
    ['a lone low surrogate', '\udc00', true],
    ['an emoji (a surrogate pair)', 'خوب 😀', false],
    ['Persian with ZWNJ', 'می‌روم', false],
  ])('%s', (_label, text, unsafe) => {
    expect(isUnsafeText(text)).toBe(unsafe);
  });

  it('looks into keys and nested values', () => {
    expect(holdsUnsafeText({ data: { body: ['ok', 'a\u0000'] } })).toBe(true);
    expect(holdsUnsafeText({ 'key\u0000': 'ok' })).toBe(true);
    expect(holdsUnsafeText({ data: { body: 'سلام', count: 3, ok: true, none: null } })).toBe(false);
  });
});

describe('api paths', () => {
  it.each([
    ['/api/articles', true, true],
    ['/API/articles', true, true],
    ['/api', true, true],
    ['/moderation/stats', false, true],
    ['/MODERATION/comments', false, true],
    ['/apis/x', false, false],
    ['/admin/users', false, false],
    ['/content-manager/collection-types/api::comment.comment', false, false],
  ])('%s', (path, content, checked) => {
    expect(isContentApiPath(path)).toBe(content);
    expect(isCheckedApiPath(path)).toBe(checked);
  });
});

describe('fieldsIssue', () => {
  it.each([undefined, 'title', 'title,slug', ['title', 'lead']])('takes %p', (fields) => {
    expect(fieldsIssue(fields)).toBeNull();
  });

  it.each(['', 'title,', ['title', ''], [' '], [3], { title: true }])('refuses %p', (fields) => {
    expect(fieldsIssue(fields, 'populate[source][fields]')).toEqual({
      code: 'query_bad_filter_value',
      name: 'populate[source][fields]',
    });
  });
});
