import { checkCommentEdit, detachesArticle } from '../../../src/plugins/moderation/server/src/domain/comment-edits';

const stored = { moderationStatus: 'pending', articleDocumentId: 'article-a', body: 'متن', authorName: 'مریم' };

describe('detachesArticle', () => {
  it.each([
    [null],
    [''],
    [{ disconnect: [{ documentId: 'article-a' }], connect: [] }],
    [{ disconnect: [{ id: 3 }] }],
    [{ set: [] }],
    [{ documentId: null }],
  ])('%j leaves the comment under no article', (value) => {
    expect(detachesArticle(value)).toBe(true);
  });

  it.each([
    [undefined],
    ['article-b'],
    [{ connect: [], disconnect: [] }],
    [{ disconnect: [{ documentId: 'article-a' }], connect: [{ documentId: 'article-b' }] }],
    [{ set: [{ documentId: 'article-b' }] }],
    [{ documentId: 'article-b' }],
  ])('%j keeps it under one', (value) => {
    expect(detachesArticle(value)).toBe(false);
  });
});

describe('checkCommentEdit', () => {
  it('refuses detaching the article, naming the field, even while pending', () => {
    expect(
      checkCommentEdit({ article: { disconnect: [{ documentId: 'article-a' }], connect: [] } }, stored, undefined),
    ).toEqual({
      ok: false,
      code: 'comment_article_required',
      field: 'article',
    });
  });

  it('lets a pending comment move to another article', () => {
    const result = checkCommentEdit({ article: { connect: [{ documentId: 'article-b' }] } }, stored, undefined);
    expect(result).toMatchObject({ ok: true, changesReaderFields: true });
  });

  it('names the first changed reader field when the comment is reviewed', () => {
    expect(
      checkCommentEdit({ body: 'متن', authorName: 'دیگری' }, { ...stored, moderationStatus: 'approved' }, undefined),
    ).toEqual({ ok: false, code: 'comment_edit_needs_pending', field: 'authorName' });
  });

  it('names the system field it refuses', () => {
    expect(checkCommentEdit({ ipHash: 'x' }, { ...stored, ipHash: 'y' }, undefined)).toEqual({
      ok: false,
      code: 'comment_system_field',
      field: 'ipHash',
    });
  });
});
