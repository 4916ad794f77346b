import { articleCommentPage } from '../../../src/lib/comment-page';

const limits = { defaultPageSize: 25, maxPageSize: 100 };
const byArticle = { article: { documentId: { $eq: 'doc1' } } };

describe('articleCommentPage', () => {
  it('recognizes one article, sorted by time, with or without a page', () => {
    expect(articleCommentPage({ filters: byArticle, sort: 'createdAt:desc' }, limits)).toEqual({
      articleDocumentId: 'doc1',
      direction: 'desc',
      page: 1,
      pageSize: 25,
    });
    expect(
      articleCommentPage(
        {
          filters: { article: { documentId: 'doc1' } },
          sort: ['createdAt'],
          pagination: { page: '300', pageSize: '20' },
        },
        limits,
      ),
    ).toEqual({ articleDocumentId: 'doc1', direction: 'asc', page: 300, pageSize: 20 });
    expect(articleCommentPage({ filters: byArticle, sort: { createdAt: 'desc' } }, limits)?.direction).toBe('desc');
  });

  it('leaves every other shape to Strapi', () => {
    const cases: Record<string, unknown>[] = [
      { filters: byArticle },
      { filters: byArticle, sort: 'authorName:asc' },
      { filters: byArticle, sort: ['createdAt:desc', 'id:asc'] },
      { filters: { article: { documentId: { $eq: 'doc1' } }, authorName: 'x' }, sort: 'createdAt:desc' },
      { filters: { article: { documentId: { $ne: 'doc1' } } }, sort: 'createdAt:desc' },
      { filters: { article: { documentId: { $eq: 'doc1', $ne: 'x' } } }, sort: 'createdAt:desc' },
      { filters: { article: { documentId: 'doc1', title: 't' } }, sort: 'createdAt:desc' },
      { filters: { article: { documentId: ['doc1'] } }, sort: 'createdAt:desc' },
      { filters: { article: { documentId: '' } }, sort: 'createdAt:desc' },
      { filters: byArticle, sort: 'createdAt:desc', fields: ['body'] },
      { filters: byArticle, sort: 'createdAt:desc', populate: '*' },
      { filters: byArticle, sort: 'createdAt:desc', pagination: { start: '0', limit: '10' } },
      { filters: byArticle, sort: 'createdAt:desc', pagination: { page: '1', withCount: 'false' } },
      { filters: byArticle, sort: 'createdAt:desc', pagination: { page: '0' } },
      { filters: byArticle, sort: 'createdAt:desc', pagination: { page: '-1' } },
      { filters: byArticle, sort: 'createdAt:desc', pagination: { pageSize: '101' } },
      { filters: byArticle, sort: 'createdAt:desc', pagination: { page: '1.5' } },
      { filters: byArticle, sort: 'createdAt:desc', pagination: 'x' },
    ];
    for (const query of cases) expect(articleCommentPage(query, limits)).toBeNull();
  });
});
