import {
  type AttributeLookup,
  mapPopulate,
  nestedTarget,
  type PopulateEntry,
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

describe('restrictRelationFilters: ids straight on a relation', () => {
  const published = { published: true };

  it.each([
    ['a number', 41],
    ['a string', '41'],
    ['a list', [41, '42']],
    ['null', null],
  ])('turns %s into a condition on the target id, under the target rule', (_label, value) => {
    expect(restrictRelationFilters('source', { articles: value }, rules, lookup)).toEqual({
      articles: { $and: [{ id: value }, published] },
    });
  });

  it.each([
    ['$eq', 2],
    ['$ne', '2'],
    ['$in', [1, 2]],
    ['$notIn', [3]],
    ['$gt', 5],
    ['$between', [1, 9]],
    ['$null', true],
    ['$notNull', 'true'],
  ])('moves %s straight on a relation onto the target id', (operator, operand) => {
    expect(restrictRelationFilters('source', { articles: { [operator]: operand } }, rules, lookup)).toEqual({
      articles: { $and: [{ id: { [operator]: operand } }, published] },
    });
  });

  it('keeps a condition on the target next to operators moved onto its id', () => {
    expect(restrictRelationFilters('source', { articles: { $eq: 2, title: 'x' } }, rules, lookup)).toEqual({
      articles: { $and: [{ title: 'x', id: { $eq: 2 } }, published] },
    });
  });

  it('keeps both an id condition and operators moved onto the id (both must hold)', () => {
    expect(restrictRelationFilters('source', { articles: { id: { $gt: 3 }, $lt: 10 } }, rules, lookup)).toEqual({
      articles: { $and: [{ $and: [{ id: { $gt: 3 } }, { id: { $lt: 10 } }] }, published] },
    });
    expect(restrictRelationFilters('source', { articles: { id: 5, $ne: 3 } }, rules, lookup)).toEqual({
      articles: { $and: [{ $and: [{ id: 5 }, { id: { $ne: 3 } }] }, published] },
    });
  });

  it('leaves $and, $or and $not on a relation as conditions on the target, and restricts inside them', () => {
    const filters = { articles: { $or: [{ comments: 5 }, { title: 'خبر' }], $not: { comments: { $in: [7] } } } };
    expect(restrictRelationFilters('source', filters, rules, lookup)).toEqual({
      articles: {
        $and: [
          {
            $or: [{ comments: { $and: [{ id: 5 }, { approved: true }] } }, { title: 'خبر' }],
            $not: { comments: { $and: [{ id: { $in: [7] } }, { approved: true }] } },
          },
          published,
        ],
      },
    });
  });

  it('normalizes ids on relations to unrestricted types too, without adding a rule', () => {
    expect(restrictRelationFilters('article', { source: 7 }, rules, lookup)).toEqual({ source: { id: 7 } });
    expect(restrictRelationFilters('article', { source: { $in: [1, 2] } }, rules, lookup)).toEqual({
      source: { id: { $in: [1, 2] } },
    });
    expect(restrictRelationFilters('article', { source: { name: 'ایسنا' } }, rules, lookup)).toEqual({
      source: { name: 'ایسنا' },
    });
  });

  it('normalizes ids behind a relation it already walked through', () => {
    expect(restrictRelationFilters('comment', { article: { source: 3, comments: { $eq: 9 } } }, rules, lookup)).toEqual(
      {
        article: {
          $and: [{ source: { id: 3 }, comments: { $and: [{ id: { $eq: 9 } }, { approved: true }] } }, published],
        },
      },
    );
  });

  it('does not change the filters it is given', () => {
    const filters = { articles: { $eq: 2, title: 'x' }, $or: [{ articles: 3 }] };
    const copy = structuredClone(filters);
    restrictRelationFilters('source', filters, rules, lookup);
    expect(filters).toEqual(copy);
  });
});

describe('restrictRelationFilters: components and media', () => {
  const withComponents: Record<string, Record<string, { type: string; target?: string; component?: string }>> = {
    ...schema,
    source: {
      ...schema.source,
      profile: { type: 'component', component: 'shared.profile' },
      logo: { type: 'media' },
    },
    'shared.profile': {
      label: { type: 'string' },
      featured: { type: 'relation', target: 'article' },
      contact: { type: 'component', component: 'shared.contact' },
    },
    'shared.contact': { pinned: { type: 'relation', target: 'comment' } },
    'plugin::upload.file': { name: { type: 'string' }, related: { type: 'relation', target: 'article' } },
  };
  const lookupWithComponents: AttributeLookup = (uid, attribute) => withComponents[uid]?.[attribute];
  const restrict = (filters: unknown) => restrictRelationFilters('source', filters, rules, lookupWithComponents);

  it('restricts relations inside a component, and keeps its other fields', () => {
    expect(restrict({ profile: { label: 'x', featured: 9 } })).toEqual({
      profile: { label: 'x', featured: { $and: [{ id: 9 }, { published: true }] } },
    });
    expect(restrict({ profile: { featured: { title: 'پیش‌نویس' } } })).toEqual({
      profile: { featured: { $and: [{ title: 'پیش‌نویس' }, { published: true }] } },
    });
  });

  it('restricts relations in components nested in components and inside logical operators', () => {
    expect(restrict({ profile: { $or: [{ contact: { pinned: { $eq: 4 } } }, { label: 'y' }] } })).toEqual({
      profile: { $or: [{ contact: { pinned: { $and: [{ id: { $eq: 4 } }, { approved: true }] } } }, { label: 'y' }] },
    });
  });

  it('leaves a value straight on a component as it is', () => {
    expect(restrict({ profile: 5 })).toEqual({ profile: 5 });
  });

  it('walks into media as the upload file type', () => {
    expect(restrict({ logo: { name: 'a.png', related: { title: 'x' } } })).toEqual({
      logo: { name: 'a.png', related: { $and: [{ title: 'x' }, { published: true }] } },
    });
  });
});

describe('nestedTarget', () => {
  it.each([
    [{ type: 'relation', target: 'api::article.article' }, 'api::article.article'],
    [{ type: 'relation' }, undefined],
    [{ type: 'component', component: 'shared.seo' }, 'shared.seo'],
    [{ type: 'media' }, 'plugin::upload.file'],
    [{ type: 'dynamiczone' }, undefined],
    [{ type: 'string', target: 'api::article.article' }, undefined],
    [{ type: 'integer' }, undefined],
  ])('%p leads to %p', (attribute, expected) => {
    expect(nestedTarget(attribute)).toBe(expected);
  });
});

describe('mapPopulate', () => {
  const populateSchema: Record<string, Record<string, { type: string; target?: string; component?: string }>> = {
    source: {
      name: { type: 'string' },
      articles: { type: 'relation', target: 'article' },
      logo: { type: 'media' },
      profile: { type: 'component', component: 'shared.profile' },
      blocks: { type: 'dynamiczone' },
    },
    article: {
      title: { type: 'string' },
      comments: { type: 'relation', target: 'comment' },
      source: { type: 'relation', target: 'source' },
    },
    comment: { body: { type: 'text' }, article: { type: 'relation', target: 'article' } },
    'shared.profile': { featured: { type: 'relation', target: 'article' } },
    'shared.quote': { article: { type: 'relation', target: 'article' } },
    'shared.gallery': { caption: { type: 'string' } },
  };
  const populateLookup: AttributeLookup = (uid, attribute) => populateSchema[uid]?.[attribute];

  /** Records every visit and marks the entry, so the result shows which entries were replaced. */
  const recorder = () => {
    const visits: [string, string][] = [];
    const visit = (targetUid: string, entry: PopulateEntry, path: string): PopulateEntry => {
      visits.push([targetUid, path]);
      return { ...entry, visited: targetUid };
    };
    return { visits, visit };
  };

  it.each([
    ['undefined', undefined],
    ['a string', 'articles'],
    ['a star', '*'],
    ['a list', ['articles', 'logo']],
    ['true', true],
  ])('passes %s through without visiting', (_label, populate) => {
    const { visits, visit } = recorder();
    expect(mapPopulate('source', populate, populateLookup, visit)).toBe(populate);
    expect(visits).toEqual([]);
  });

  it('visits an object entry with the type it populates and its path, and uses what visit returns', () => {
    const { visits, visit } = recorder();
    const populate = { articles: { filters: { title: 'x' }, sort: 'title' } };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual({
      articles: { filters: { title: 'x' }, sort: 'title', visited: 'article' },
    });
    expect(visits).toEqual([['article', 'populate[articles]']]);
  });

  it('leaves entries that are true, strings or lists unvisited next to visited ones', () => {
    const { visits, visit } = recorder();
    const populate = { articles: true, logo: '*', profile: ['featured'], name: { filters: {} } };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual(populate);
    expect(visits).toEqual([]);
  });

  it('visits nested populate entries at any depth, with their paths', () => {
    const { visits, visit } = recorder();
    const populate = {
      articles: {
        fields: ['title'],
        populate: {
          comments: { filters: { body: 'b' } },
          source: { populate: { articles: { sort: 'title' } } },
        },
      },
    };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual({
      articles: {
        fields: ['title'],
        visited: 'article',
        populate: {
          comments: { filters: { body: 'b' }, visited: 'comment' },
          source: { visited: 'source', populate: { articles: { sort: 'title', visited: 'article' } } },
        },
      },
    });
    expect(visits).toEqual([
      ['article', 'populate[articles]'],
      ['comment', 'populate[articles][populate][comments]'],
      ['source', 'populate[articles][populate][source]'],
      ['article', 'populate[articles][populate][source][populate][articles]'],
    ]);
  });

  it('leaves a nested populate that is a string, list or true as it is', () => {
    const { visits, visit } = recorder();
    const populate = { articles: { populate: '*' }, profile: { populate: ['featured'] }, logo: { populate: true } };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual({
      articles: { populate: '*', visited: 'article' },
      profile: { populate: ['featured'], visited: 'shared.profile' },
      logo: { populate: true, visited: 'plugin::upload.file' },
    });
    expect(visits).toEqual([
      ['article', 'populate[articles]'],
      ['shared.profile', 'populate[profile]'],
      ['plugin::upload.file', 'populate[logo]'],
    ]);
  });

  it('walks the nested populate of what visit returns', () => {
    const visits: string[] = [];
    const visit = (targetUid: string, entry: PopulateEntry, path: string): PopulateEntry => {
      visits.push(path);
      return targetUid === 'article' ? { populate: { source: { fields: ['name'] } } } : entry;
    };
    const populate = { articles: { populate: { comments: { filters: {} } } } };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual({
      articles: { populate: { source: { fields: ['name'] } } },
    });
    expect(visits).toEqual(['populate[articles]', 'populate[articles][populate][source]']);
  });

  it('visits the relations inside a component entry with the component type', () => {
    const { visits, visit } = recorder();
    const populate = { profile: { populate: { featured: { filters: { title: 'x' } } } } };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual({
      profile: { visited: 'shared.profile', populate: { featured: { filters: { title: 'x' }, visited: 'article' } } },
    });
    expect(visits).toEqual([
      ['shared.profile', 'populate[profile]'],
      ['article', 'populate[profile][populate][featured]'],
    ]);
  });

  it("visits each component of a dynamic zone's `on`, and what those populate", () => {
    const { visits, visit } = recorder();
    const populate = {
      blocks: {
        on: {
          'shared.quote': { populate: { article: { filters: { title: 'x' } } } },
          'shared.gallery': { fields: ['caption'] },
          'shared.video': true,
        },
      },
    };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual({
      blocks: {
        on: {
          'shared.quote': {
            visited: 'shared.quote',
            populate: { article: { filters: { title: 'x' }, visited: 'article' } },
          },
          'shared.gallery': { fields: ['caption'], visited: 'shared.gallery' },
          'shared.video': true,
        },
      },
    });
    expect(visits).toEqual([
      ['shared.quote', 'populate[blocks][on][shared.quote]'],
      ['article', 'populate[blocks][on][shared.quote][populate][article]'],
      ['shared.gallery', 'populate[blocks][on][shared.gallery]'],
    ]);
  });

  it('reaches dynamic zones inside nested populate', () => {
    const { visits, visit } = recorder();
    const populate = { source: { populate: { blocks: { on: { 'shared.quote': { fields: ['id'] } } } } } };
    mapPopulate('article', populate, populateLookup, visit);
    expect(visits).toEqual([
      ['source', 'populate[source]'],
      ['shared.quote', 'populate[source][populate][blocks][on][shared.quote]'],
    ]);
  });

  it('leaves object entries of unknown or scalar attributes unvisited', () => {
    const { visits, visit } = recorder();
    const populate = { nope: { filters: { x: 1 } }, name: { sort: 'x' } };
    expect(mapPopulate('source', populate, populateLookup, visit)).toEqual(populate);
    expect(visits).toEqual([]);
  });

  it('reports nested paths under the path it is given', () => {
    const { visits, visit } = recorder();
    mapPopulate('source', { articles: { populate: { comments: {} } } }, populateLookup, visit, 'p');
    expect(visits).toEqual([
      ['article', 'p[articles]'],
      ['comment', 'p[articles][populate][comments]'],
    ]);
  });

  it('does not change the populate it is given', () => {
    const { visit } = recorder();
    const populate = { articles: { populate: { comments: { filters: { body: 'x' } } } }, blocks: { on: {} } };
    const copy = structuredClone(populate);
    mapPopulate('source', populate, populateLookup, visit);
    expect(populate).toEqual(copy);
  });
});
