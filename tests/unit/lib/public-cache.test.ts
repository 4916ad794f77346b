import { publicCacheSettings } from '../../../src/lib/public-cache';
import {
  cacheControlOf,
  cacheKeyOf,
  carriesCredentials,
  computedBeforeAnyWrite,
  dependenciesOf,
  matchesEtag,
  pinnedArticle,
  publicResourceOf,
} from '../../../src/lib/public-cache/dependencies';
import { createMemoryStore } from '../../../src/lib/public-cache/store';

describe('publicResourceOf', () => {
  it('knows the public collections and their documents, nothing else', () => {
    expect(publicResourceOf('/api/articles')).toEqual({ kind: 'articles', documentId: null });
    expect(publicResourceOf('/api/comments/abc')).toEqual({ kind: 'comments', documentId: 'abc' });
    expect(publicResourceOf('/api/sources/')).toEqual({ kind: 'sources', documentId: null });
    for (const path of [
      '/api/i18n/locales',
      '/graphql',
      '/admin/articles',
      '/moderation/comments',
      '/api/articles/a/b',
    ]) {
      expect(publicResourceOf(path)).toBeNull();
    }
  });
});

describe('cacheKeyOf', () => {
  it('is the same whatever the order of the parameters, and differs with any value', () => {
    const one = cacheKeyOf('/api/articles', { locale: 'fa', pagination: { page: '1', pageSize: '5' } });
    const two = cacheKeyOf('/api/articles', { pagination: { pageSize: '5', page: '1' }, locale: 'fa' });
    expect(one).toBe(two);
    expect(cacheKeyOf('/api/articles', { locale: 'en' })).not.toBe(cacheKeyOf('/api/articles', { locale: 'fa' }));
    expect(cacheKeyOf('/api/articles', { a: null })).not.toBe(cacheKeyOf('/api/articles', { a: '' }));
    expect(cacheKeyOf('/api/articles', { sort: ['a', 'b'] })).not.toBe(
      cacheKeyOf('/api/articles', { sort: ['b', 'a'] }),
    );
    expect(cacheKeyOf('/api/articles', { sort: ['a'] })).not.toBe(cacheKeyOf('/api/articles', { sort: { 0: 'a' } }));
  });
});

describe('carriesCredentials', () => {
  it('sees Authorization headers and session or token cookies', () => {
    expect(carriesCredentials({ authorization: 'Bearer x' })).toBe(true);
    expect(carriesCredentials({ cookie: 'strapi_admin_refresh=abc' })).toBe(true);
    expect(carriesCredentials({ cookie: 'theme=dark; jwtToken=abc' })).toBe(true);
    expect(carriesCredentials({ cookie: 'koa.sess=abc' })).toBe(true);
    expect(carriesCredentials({ cookie: 'theme=dark' })).toBe(false);
    expect(carriesCredentials({})).toBe(false);
  });
});

describe('dependenciesOf', () => {
  it('an article page: the article, its source, its translations', () => {
    const body = { data: { documentId: 'A', source: { documentId: 'S' }, localizations: [{ documentId: 'A' }] } };
    expect(dependenciesOf({ kind: 'articles', documentId: 'A' }, {}, body)).toEqual(['article:A', 'epoch', 'source:S']);
  });

  it('a list: which articles match, and each article shown', () => {
    const body = { data: [{ documentId: 'A' }, { documentId: 'B', source: null }] };
    expect(dependenciesOf({ kind: 'articles', documentId: null }, {}, body)).toEqual([
      'article:A',
      'article:B',
      'articles',
      'epoch',
    ]);
  });

  it("one article's comments: that article only", () => {
    const query = { filters: { article: { documentId: { $eq: 'A' } } }, sort: 'createdAt:desc' };
    const body = { data: [{ documentId: 'c1', article: { documentId: 'A' } }] };
    expect(dependenciesOf({ kind: 'comments', documentId: null }, query, body)).toEqual(['article:A', 'epoch']);
  });

  it('other comment queries: every comment and article write', () => {
    const body = { data: [{ documentId: 'c1', article: { documentId: 'A' } }] };
    expect(dependenciesOf({ kind: 'comments', documentId: null }, {}, body)).toEqual([
      'article:A',
      'articles',
      'comments',
      'epoch',
    ]);
  });

  it('a source with its articles: which articles cite it changes with any article', () => {
    const body = { data: { documentId: 'S', articles: [{ documentId: 'A' }] } };
    expect(dependenciesOf({ kind: 'sources', documentId: 'S' }, {}, body)).toEqual([
      'article:A',
      'articles',
      'epoch',
      'source:S',
      'sources',
    ]);
  });
});

describe('pinnedArticle', () => {
  it('reads the top-level article filter only', () => {
    expect(pinnedArticle({ filters: { article: { documentId: 'A' } } })).toBe('A');
    expect(pinnedArticle({ filters: { article: { documentId: { $eq: 'A' } } } })).toBe('A');
    expect(pinnedArticle({ filters: { $or: [{ article: { documentId: 'A' } }] } })).toBeNull();
    expect(pinnedArticle({ filters: { article: { documentId: { $ne: 'A' } } } })).toBeNull();
  });
});

describe('computedBeforeAnyWrite', () => {
  it('refuses an answer when a dependency was bumped after the query started', () => {
    expect(computedBeforeAnyWrite(10, [null, 3, 10])).toBe(true);
    expect(computedBeforeAnyWrite(10, [11])).toBe(false);
  });
});

describe('HTTP headers', () => {
  it('Cache-Control from the settings', () => {
    expect(cacheControlOf({ maxAge: 0, staleWhileRevalidate: 0 })).toBe('public, max-age=0, must-revalidate');
    expect(cacheControlOf({ maxAge: 5, sMaxAge: 10, staleWhileRevalidate: 30 })).toBe(
      'public, max-age=5, s-maxage=10, stale-while-revalidate=30',
    );
  });

  it('If-None-Match lists and *', () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});

describe('publicCacheSettings', () => {
  it('is on by default, in memory without Redis, on Redis when REDIS_URL is set', () => {
    expect(publicCacheSettings({}).enabled).toBe(true);
    expect(publicCacheSettings({}).store).toBe('memory');
    expect(publicCacheSettings({ REDIS_URL: 'redis://x' }).store).toBe('redis');
    expect(publicCacheSettings({ REDIS_URL: 'redis://x', PUBLIC_CACHE_STORE: 'memory' }).store).toBe('memory');
    expect(publicCacheSettings({ PUBLIC_CACHE: 'off' }).enabled).toBe(false);
    expect(publicCacheSettings({ PUBLIC_CACHE_MAX_AGE: '5' }).maxAge).toBe(5);
  });
});

describe('the memory store', () => {
  it('bumps versions from one sequence and keeps at most its bound of entries', async () => {
    const store = createMemoryStore(2);
    expect(await store.versions(['x'])).toEqual([null]);
    await store.bump(['x', 'y']);
    await store.bump(['y']);
    expect(await store.sequence()).toBe(2);
    expect(await store.versions(['x', 'y', 'z'])).toEqual([1, 2, null]);
    const entry = { etag: '"e"', body: '{}', deps: [], versions: [] };
    await store.set('a', entry);
    await store.set('b', entry);
    await store.get('a');
    await store.set('c', entry);
    expect(await store.get('b')).toBeNull();
    expect(await store.get('a')).toEqual(entry);
  });

  it('keeps its entries under its byte bound', async () => {
    const store = createMemoryStore(100, 1000);
    const entry = (size: number) => ({ etag: '"e"', body: 'x'.repeat(size), deps: [], versions: [] });
    await store.set('a', entry(300));
    await store.set('b', entry(300));
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).not.toBeNull();
  });
});
