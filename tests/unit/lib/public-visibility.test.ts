import {
  type AttributeLookup,
  publicFilters,
  restrictedSortPath,
  restrictRelationFilters,
} from '../../../src/lib/public-visibility';

const schema: Record<string, Record<string, { type: string; target?: string }>> = {
  source: { name: { type: 'string' }, articles: { type: 'relation', target: 'article' } },
  article: {
    title: { type: 'string' },
    source: { type: 'relation', target: 'source' },
    comments: { type: 'relation', target: 'comment' },
  },
  comment: { body: { type: 'string' }, article: { type: 'relation', target: 'article' } },
};
const lookup: AttributeLookup = (uid, attribute) => schema[uid]?.[attribute];
const rules = { article: { published: true }, comment: { approved: true } };

describe('publicFilters', () => {
  it('adds the root condition when there are no filters', () => {
    expect(publicFilters('comment', undefined, rules, lookup)).toEqual({ approved: true });
    expect(publicFilters('source', undefined, rules, lookup)).toBeUndefined();
  });

  it('wraps the caller filters with the root condition', () => {
    expect(publicFilters('comment', { body: 'x' }, rules, lookup)).toEqual({
      $and: [{ body: 'x' }, { approved: true }],
    });
  });

  it('restricts every relation a filter walks into, at any depth and inside logical operators', () => {
    const filters = {
      $or: [{ articles: { title: 'secret' } }, { name: 'n' }],
      $not: { articles: { comments: { body: 'b' } } },
    };
    expect(restrictRelationFilters('source', filters, rules, lookup)).toEqual({
      $or: [{ articles: { $and: [{ title: 'secret' }, { published: true }] } }, { name: 'n' }],
      $not: {
        articles: {
          $and: [{ comments: { $and: [{ body: 'b' }, { approved: true }] } }, { published: true }],
        },
      },
    });
  });

  it('leaves relations to unrestricted types and scalar values alone', () => {
    expect(restrictRelationFilters('article', { source: { name: 'x' }, title: { $eq: 't' } }, rules, lookup)).toEqual({
      source: { name: 'x' },
      title: { $eq: 't' },
    });
  });

  it('passes malformed shapes through for the query validator to refuse', () => {
    expect(restrictRelationFilters('article', 'abc', rules, lookup)).toBe('abc');
    expect(restrictRelationFilters('article', { $or: 'x' }, rules, lookup)).toEqual({ $or: 'x' });
  });
});

describe('restrictedSortPath', () => {
  it('finds a sort through a relation into a restricted type, in every syntax', () => {
    expect(restrictedSortPath('source', 'articles.title:asc', rules, lookup)).toBe('articles');
    expect(restrictedSortPath('source', ['name:asc', 'articles.title'], rules, lookup)).toBe('articles');
    expect(restrictedSortPath('source', { articles: { title: 'asc' } }, rules, lookup)).toBe('articles');
    expect(restrictedSortPath('source', 'name,articles.title:desc', rules, lookup)).toBe('articles');
    expect(restrictedSortPath('comment', 'article.source.name', rules, lookup)).toBe('article');
  });

  it('allows sorts on own fields and unrestricted relations', () => {
    expect(restrictedSortPath('source', 'name:asc', rules, lookup)).toBeNull();
    expect(restrictedSortPath('article', ['title', { source: { name: 'desc' } }], rules, lookup)).toBeNull();
    expect(restrictedSortPath('article', undefined, rules, lookup)).toBeNull();
  });
});
