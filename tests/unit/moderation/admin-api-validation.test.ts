import {
  bulkTarget,
  decisionBody,
  parseRequest,
  queueQuery,
  screenBody,
  statsQuery,
} from '../../../src/plugins/moderation/server/src/validation/admin-api';

/** The code and messages of the 400 a request is refused with. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    const details = (error as { details: { code: string; messages: { fa: string; en: string } } }).details;
    return { code: details.code, fa: details.messages.fa, en: details.messages.en };
  }
  throw new Error('not refused');
}

describe('the queue query', () => {
  it('fills the defaults and reads numbers', () => {
    expect(parseRequest(queueQuery, {})).toEqual({ sort: 'createdAt:asc', page: 1, pageSize: 50 });
    expect(parseRequest(queueQuery, { page: '3', pageSize: '200', moderationStatus: 'pending', x: 'y' })).toEqual({
      sort: 'createdAt:asc',
      page: 3,
      pageSize: 200,
      moderationStatus: 'pending',
    });
  });

  it.each([
    [{ moderationStatus: 'published' }, 'moderationStatus'],
    [{ moderationStatus: ['pending', 'approved'] }, 'moderationStatus'],
    [{ article: '' }, 'article'],
    [{ sort: 'id:asc' }, 'sort'],
    [{ page: '0' }, 'page'],
    [{ page: '1e3' }, 'page'],
    [{ pageSize: '201' }, 'pageSize'],
    [{ pageSize: '' }, 'pageSize'],
  ])('refuses %j, naming %s', (query, name) => {
    const refused = refusal(() => parseRequest(queueQuery, query));
    expect(refused.code).toBe('moderation_bad_query');
    expect(refused.en).toContain(name);
    expect(refused.fa).toContain(name);
  });
});

describe('the stats query', () => {
  it('fills the defaults: the most pending first, 50 articles a page', () => {
    expect(parseRequest(statsQuery, {})).toEqual({ sort: 'pending', page: 1, pageSize: 50 });
    expect(parseRequest(statsQuery, { sort: 'total', page: '2', pageSize: '200', article: 'abc' })).toEqual({
      sort: 'total',
      page: 2,
      pageSize: 200,
      article: 'abc',
    });
  });

  it.each([
    [{ sort: 'title' }, 'sort'],
    [{ sort: 'pending:desc' }, 'sort'],
    [{ article: '' }, 'article'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '201' }, 'pageSize'],
  ])('refuses %j, naming %s', (query, name) => {
    const refused = refusal(() => parseRequest(statsQuery, query));
    expect(refused.code).toBe('moderation_bad_query');
    expect(refused.en).toContain(name);
  });
});

describe('a decision body', () => {
  it('needs a known reason to reject, and keeps a note trimmed', () => {
    expect(parseRequest(decisionBody('reject'), { reason: 'spam', note: '  دلیل  ' })).toEqual({
      reason: 'spam',
      note: 'دلیل',
    });
    expect(refusal(() => parseRequest(decisionBody('reject'), {})).code).toBe('moderation_reason_required');
    expect(refusal(() => parseRequest(decisionBody('reject'), { reason: 'rude' })).code).toBe(
      'moderation_reason_required',
    );
  });

  it('reads an empty note as none and passes a reason of another action on to the transition', () => {
    expect(parseRequest(decisionBody('approve'), { note: '' })).toEqual({ note: null });
    expect(parseRequest(decisionBody('approve'), { reason: 'spam' })).toEqual({ reason: 'spam', note: null });
  });

  it('refuses a note that is too long or not text', () => {
    expect(refusal(() => parseRequest(decisionBody('approve'), { note: 'ن'.repeat(2001) })).code).toBe(
      'moderation_bad_note',
    );
    expect(refusal(() => parseRequest(decisionBody('approve'), { note: 5 })).code).toBe('moderation_bad_note');
  });
});

describe('a bulk action', () => {
  it.each([
    [{ action: 'publish', documentIds: ['a'] }, 'moderation_bad_action'],
    [{ action: 'approve', documentIds: [] }, 'moderation_bad_ids'],
    [{ action: 'approve', documentIds: [''] }, 'moderation_bad_ids'],
    [{ action: 'approve', documentIds: Array.from({ length: 501 }, (_, i) => `id${i}`) }, 'moderation_bad_ids'],
  ])('refuses %j with %s', (body, code) => {
    expect(refusal(() => parseRequest(bulkTarget, body)).code).toBe(code);
  });
});

describe('a text to screen', () => {
  it.each([[{}], [{ text: '   ' }], [{ text: 'م'.repeat(20001) }], [{ text: 'متن', article: 5 }]])(
    'refuses %j',
    (body) => {
      expect(refusal(() => parseRequest(screenBody, body)).code).toBe('moderation_bad_query');
    },
  );
});
