import { cdnPurgeFor } from '../../../src/lib/public-cache/dependencies';
import {
  commentForEvent,
  eventPayloadWithoutCommentContent,
} from '../../../src/plugins/moderation/server/src/webhook-payload';

describe('eventPayloadWithoutCommentContent', () => {
  const entry = {
    id: 7,
    documentId: 'c1',
    body: 'متن در انتظار',
    authorName: 'مریم',
    moderationStatus: 'pending',
    createdAt: '2026-01-01T00:00:00.000Z',
    article: { id: 3, documentId: 'a1', title: 'عنوان' },
  };

  it('keeps a comment’s ids and status, drops what the reader wrote', () => {
    expect(eventPayloadWithoutCommentContent({ model: 'comment', uid: 'api::comment.comment', entry })).toEqual({
      model: 'comment',
      uid: 'api::comment.comment',
      entry: { documentId: 'c1', moderationStatus: 'pending', article: { documentId: 'a1' } },
    });
  });

  it('leaves the moderation service’s own payload as it is', () => {
    const own = { documentId: 'c1', moderationStatus: 'approved', previousStatus: 'pending', article: null };
    expect(commentForEvent(own)).toEqual(own);
  });

  it('leaves other models and other arguments untouched', () => {
    const article = { model: 'article', uid: 'api::article.article', entry: { documentId: 'a1', title: 'x' } };
    expect(eventPayloadWithoutCommentContent(article)).toBe(article);
    expect(eventPayloadWithoutCommentContent('text')).toBe('text');
    expect(eventPayloadWithoutCommentContent(null)).toBe(null);
  });
});

describe('cdnPurgeFor', () => {
  it('names the tags and URLs of the article and comment concerned', () => {
    expect(cdnPurgeFor('a1', 'c1')).toEqual({
      tags: ['comments', 'article:a1'],
      urls: ['/api/articles/a1', '/api/comments/c1'],
      prefixes: ['/api/articles/a1?', '/api/comments?', '/api/articles?', '/api/sources'],
    });
    expect(cdnPurgeFor(null, 'c1').urls).toEqual(['/api/comments/c1']);
  });
});
