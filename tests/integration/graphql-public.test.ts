import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { commentBody, commentRow, commentWithStatus, newComment, publicStats } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * GraphQL (/graphql) keeps the REST API's guarantees: the hidden-field and leak tests of
 * public-api-safety.test.ts and moderation-public.test.ts, asked through GraphQL.
 */
let app: TestApp;
let moderator: AdminSession;
let sourceId: string;
let publishedId: string;
let draftId: string;
let unpublishedId: string;
let closedId: string;
const DRAFT_TITLE = 'پیش‌نویس محرمانه';
const DRAFT_EDIT = 'ویرایش منتشرنشده';
const SECRET_EMAIL = 'secret.reader@example.ir';
const SECRET_AGENT = 'SecretAgent/7.7 (khabar-test)';
const SECRET_NOTE = 'یادداشت محرمانهٔ ناظر';

let approvedIds: string[] = [];
let pendingId: string;
let pendingBody: string;
let rejectedId: string;
let rejectedBody: string;

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  const source = await createSource(app.strapi, { name: 'ایرنا', slug: 'irna' });
  sourceId = source.documentId;
  publishedId = (await createArticle(app.strapi, { title: 'خبر منتشرشده', source: sourceId })).documentId;
  draftId = (await createArticle(app.strapi, { title: DRAFT_TITLE, source: sourceId }, { published: false }))
    .documentId;
  await app.strapi.documents('api::article.article').update({
    documentId: publishedId,
    data: { lead: DRAFT_EDIT },
  } as never);
  unpublishedId = (await createArticle(app.strapi, { title: 'خبر پس‌گرفته', source: sourceId })).documentId;
  // An English version of the source, so its localizations have something to filter.
  await app.strapi.documents('api::source.source').update({
    documentId: sourceId,
    locale: 'en',
    data: { name: 'IRNA', kind: 'news_agency', slug: 'irna' },
  } as never);
  closedId = (await createArticle(app.strapi, { title: 'نظرها بسته', commentsEnabled: false })).documentId;

  approvedIds = [];
  for (const index of [0, 1]) {
    const id = await newComment(
      app,
      publishedId,
      { authorName: `خواننده ${index}`, authorEmail: `${index}${SECRET_EMAIL}`, body: commentBody('تأییدشده') },
      { 'User-Agent': SECRET_AGENT },
    );
    const approved = await app
      .http()
      .post(`/moderation/comments/${id}/approve`)
      .set('Authorization', moderator.auth)
      .send({ note: SECRET_NOTE });
    expect(approved.status).toBe(200);
    approvedIds.push(id);
  }
  pendingBody = commentBody('در انتظار');
  pendingId = await newComment(app, publishedId, { body: pendingBody, authorEmail: SECRET_EMAIL });
  rejectedBody = commentBody('ردشده');
  rejectedId = await commentWithStatus(app, publishedId, 'rejected', { body: rejectedBody });
  // Comments of an article later withdrawn stay hidden.
  await commentWithStatus(app, unpublishedId, 'approved', { body: 'نظر خبر پس‌گرفته' });
  await app.strapi.documents('api::article.article').unpublish({ documentId: unpublishedId });
});
afterAll(async () => {
  await app.stop();
});

type GraphqlAnswer = { status: number; body: { data?: any; errors?: any[] } };

async function gql(queryText: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
  const response = await app.http().post('/graphql').send({ query: queryText, variables });
  return { status: response.status, body: response.body };
}

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return [DRAFT_TITLE, DRAFT_EDIT, 'پس‌گرفته', SECRET_EMAIL, SECRET_AGENT, SECRET_NOTE, pendingBody, rejectedBody].some(
    (value) => text.includes(value),
  );
};

/** A refusal: GraphQL's own (an unknown field or argument) or ours, with the localized body. */
function expectRefused(answer: GraphqlAnswer) {
  expect(answer.status).toBeLessThan(500);
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  // Refused at validation (no data) or in the resolver (the field is null).
  expect(Object.values(answer.body.data ?? {}).every((value) => value === null)).toBe(true);
  expect(leaks(answer.body)).toBe(false);
}

function expectLocalizedGraphqlError(answer: GraphqlAnswer, code: string) {
  expect(answer.status).toBeLessThan(500);
  const details = answer.body.errors?.[0]?.extensions?.error?.details;
  expect(details?.code).toBe(code);
  expect(details.messages.fa).toMatch(/[\u0600-\u06FF]/);
  expect(details.messages.en).toMatch(/[A-Za-z]/);
}

describe('the schema shows the public nothing private', () => {
  let types: {
    name: string;
    kind: string;
    fields: { name: string }[] | null;
    inputFields: { name: string }[] | null;
  }[];

  beforeAll(async () => {
    const answer = await gql(
      '{ __schema { types { name kind fields { name } inputFields { name } } mutationType { fields { name } } queryType { fields { name } } } }',
    );
    expect(answer.status).toBe(200);
    types = answer.body.data.__schema.types;
  });

  const typeNamed = (name: string) => types.find((type) => type.name === name);
  const fieldsOf = (name: string) =>
    (typeNamed(name)?.fields ?? typeNamed(name)?.inputFields ?? []).map((field) => field.name).sort();

  it('has no private field, in any type, filter or input', () => {
    const privateNames = [
      'authorEmail',
      'ipHash',
      'userAgent',
      'screening',
      'fingerprint',
      'moderationNote',
      'moderatedBy',
      'moderatedAt',
      'rejectionReason',
    ];
    for (const type of types) {
      if (type.name.startsWith('__')) continue;
      const names = [...(type.fields ?? []), ...(type.inputFields ?? [])].map((field) => field.name);
      // The submission input takes the reader's own email; nothing returns it.
      const allowed = type.name === 'CommentSubmissionInput' ? ['authorEmail'] : [];
      expect(names.filter((name) => privateNames.includes(name) && !allowed.includes(name))).toEqual([]);
    }
  });

  it('shows a comment exactly as REST does, with no moderation status or dates that move', () => {
    // Issue #14: the readers' counters and the approved replies, as in REST.
    expect(fieldsOf('Comment')).toEqual([
      'article',
      'authorName',
      'body',
      'createdAt',
      'documentId',
      'reactions',
      'replies',
    ]);
    expect(fieldsOf('CommentFiltersInput')).toEqual([
      'and',
      'article',
      'authorName',
      'body',
      'createdAt',
      'documentId',
      'not',
      'or',
    ]);
  });

  it('has no moderation types, no comments on articles and no related entries of a file', () => {
    expect(types.filter((type) => /moderation/i.test(type.name)).map((type) => type.name)).toEqual([]);
    expect(fieldsOf('Article')).not.toContain('comments');
    expect(fieldsOf('ArticleFiltersInput')).not.toContain('comments');
    expect(fieldsOf('UploadFile')).not.toContain('related');
    expect(fieldsOf('Article')).toContain('commentStats');
  });

  it('has comment submission but no comment update or delete', () => {
    const mutations = fieldsOf('Mutation');
    expect(mutations).toContain('createComment');
    expect(mutations).not.toContain('updateComment');
    expect(mutations).not.toContain('deleteComment');
    expect(fieldsOf('Query').filter((name) => /moderation/i.test(name))).toEqual([]);
  });
});

describe('drafts are invisible through GraphQL', () => {
  const statuses = ['', '(status: DRAFT)', '(status: PUBLISHED)'];

  it.each(statuses)('in the article list %s', async (args) => {
    const answer = await gql(
      `{ articles${args} { documentId title lead } articles_connection${args} { pageInfo { total } } }`,
    );
    expect(answer.status).toBe(200);
    const ids = answer.body.data.articles.map((article: { documentId: string }) => article.documentId).sort();
    expect(ids).toEqual([publishedId, closedId].sort());
    expect(answer.body.data.articles_connection.pageInfo.total).toBe(2);
    expect(leaks(answer.body)).toBe(false);
  });

  it.each(statuses)('in one article %s', async (args) => {
    for (const id of [draftId, unpublishedId]) {
      const inner = args ? `, ${args.slice(1, -1)}` : '';
      const answer = await gql(`{ article(documentId: "${id}"${inner}) { title } }`);
      expect(answer.body.data.article).toBeNull();
    }
  });

  it.each(statuses)('in the articles of a source %s', async (args) => {
    const answer = await gql(
      `{ sources${args} { articles { title lead } articles_connection { nodes { title lead } } } }`,
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(leaks(answer.body)).toBe(false);
    const [source] = answer.body.data.sources;
    expect(source.articles.map((article: { title: string }) => article.title)).toEqual(['خبر منتشرشده']);
    expect(source.articles_connection.nodes.map((article: { title: string }) => article.title)).toEqual([
      'خبر منتشرشده',
    ]);
  });

  it.each(statuses)('in the article of a comment %s', async (args) => {
    const answer = await gql(`{ comments${args} { article { documentId title lead } } }`);
    expect(answer.status).toBe(200);
    expect(leaks(answer.body)).toBe(false);
    for (const comment of answer.body.data.comments) expect(comment.article.documentId).toBe(publishedId);
  });

  it.each(statuses)('in the other locales of an article or source %s', async (args) => {
    const answer = await gql(
      `{ articles${args} { localizations { title lead } localizations_connection { nodes { title lead } } } sources${args} { localizations { name articles { title lead } } } }`,
    );
    expect(answer.body.errors).toBeUndefined();
    expect(leaks(answer.body)).toBe(false);
    const probe = await gql(
      `{ sources { localizations(filters: { articles: { title: { eq: "${DRAFT_TITLE}" } } }) { name } } articles { localizations(filters: { lead: { eq: "${DRAFT_EDIT}" } }) { title } } }`,
    );
    expect(probe.body.errors).toBeUndefined();
    for (const source of probe.body.data.sources) expect(source.localizations).toEqual([]);
    for (const article of probe.body.data.articles) expect(article.localizations).toEqual([]);
  });

  it('in filters and totals used as an oracle', async () => {
    for (const filters of [
      `{ title: { eq: "${DRAFT_TITLE}" } }`,
      '{ title: { contains: "محرمانه" } }',
      `{ or: [{ title: { eq: "${DRAFT_TITLE}" } }, { publishedAt: { null: true } }] }`,
      `{ documentId: { eq: "${draftId}" } }`,
      `{ source: { articles: { title: { eq: "${DRAFT_TITLE}" } } } }`,
    ]) {
      const answer = await gql(
        `{ articles(filters: ${filters}, status: DRAFT) { title } articles_connection(filters: ${filters}, status: DRAFT) { pageInfo { total } } }`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.data.articles).toEqual([]);
      expect(answer.body.data.articles_connection.pageInfo.total).toBe(0);
    }
    const sources = await gql(`{ sources(filters: { articles: { title: { eq: "${DRAFT_TITLE}" } } }) { name } }`);
    expect(sources.body.data.sources).toEqual([]);
    const nested = await gql(
      `{ sources { articles(filters: { source: { articles: { title: { eq: "${DRAFT_TITLE}" } } } }) { title } articles_connection(filters: { title: { eq: "${DRAFT_TITLE}" } }) { nodes { title } } } }`,
    );
    expect(nested.body.data.sources[0].articles).toEqual([]);
    expect(nested.body.data.sources[0].articles_connection.nodes).toEqual([]);
  });

  it.each(['articles.title:asc', 'articles.title:desc', 'articles.publishedAt'])(
    'in the order of sources sorted by %s (refused)',
    async (sort) => {
      const answer = await gql(`{ sources(sort: "${sort}") { name } }`);
      expectRefused(answer);
      expectLocalizedGraphqlError(answer, 'query_bad_sort');
    },
  );

  it.each(['hasPublishedVersion: false', 'publicationFilter: NEVER_PUBLISHED_DOCUMENT'])(
    'refuses the publication argument %s',
    async (argument) => {
      const answer = await gql(`{ articles(${argument}) { title } }`);
      expectRefused(answer);
    },
  );
});

describe('comments: approved ones only, nothing private', () => {
  it('lists approved comments of published articles, with the right total', async () => {
    const answer = await gql(
      '{ comments(pagination: { pageSize: 100 }) { documentId body authorName createdAt article { documentId } } comments_connection { pageInfo { total } } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data.comments.map((comment: { documentId: string }) => comment.documentId).sort()).toEqual(
      [...approvedIds].sort(),
    );
    expect(answer.body.data.comments_connection.pageInfo.total).toBe(2);
    expect(leaks(answer.body)).toBe(false);
  });

  it('answers null for a pending or rejected comment, as for a missing one', async () => {
    for (const id of [pendingId, rejectedId, 'nonexistent0000000000000']) {
      const answer = await gql(`{ comment(documentId: "${id}") { body } }`);
      expect(answer.body.data.comment).toBeNull();
    }
    const approved = await gql(`{ comment(documentId: "${approvedIds[0]}") { documentId } }`);
    expect(approved.body.data.comment.documentId).toBe(approvedIds[0]);
  });

  it('never counts or matches hidden comments through filters and totals', async () => {
    for (const body of [pendingBody, rejectedBody]) {
      const answer = await gql(
        `{ comments(filters: { body: { eq: "${body}" } }) { body } comments_connection(filters: { body: { eq: "${body}" } }) { pageInfo { total } } }`,
      );
      expect(answer.body.data.comments).toEqual([]);
      expect(answer.body.data.comments_connection.pageInfo.total).toBe(0);
    }
  });

  it.each([
    ['authorEmail', `{ authorEmail: { eq: "0${SECRET_EMAIL}" } }`],
    ['ipHash', '{ ipHash: { notNull: true } }'],
    ['userAgent', `{ userAgent: { eq: "${SECRET_AGENT}" } }`],
    ['moderationNote', `{ moderationNote: { eq: "${SECRET_NOTE}" } }`],
    ['rejectionReason', '{ rejectionReason: { null: true } }'],
    ['moderationStatus', '{ moderationStatus: { eq: "pending" } }'],
    ['updatedAt', '{ updatedAt: { notNull: true } }'],
    ['screening', '{ screening: { notNull: true } }'],
    ['article.comments', '{ article: { comments: { body: { notNull: true } } } }'],
  ])('refuses a filter on %s', async (_name, filters) => {
    expectRefused(await gql(`{ comments(filters: ${filters}) { body } }`));
    expectRefused(await gql(`{ comments_connection(filters: ${filters}) { pageInfo { total } } }`));
  });

  it.each(['authorEmail', 'ipHash:desc', 'moderationNote', 'updatedAt:desc', 'article.comments.body'])(
    'refuses a sort on %s',
    async (sort) => {
      expectRefused(await gql(`{ comments(sort: "${sort}") { body } }`));
    },
  );

  it('refuses articles filtered by their comments', async () => {
    expectRefused(await gql(`{ articles(filters: { comments: { body: { eq: "${pendingBody}" } } }) { title } }`));
  });

  it('refuses asking for private fields', async () => {
    for (const field of ['authorEmail', 'ipHash', 'moderationStatus', 'moderationNote', 'updatedAt']) {
      expectRefused(await gql(`{ comments { body ${field} } }`));
    }
    expectRefused(await gql('{ articles { comments { body } } }'));
    expectRefused(await gql('{ moderationEvents { note } }'));
    expectRefused(await gql('{ moderationSetting { blocklist } }'));
  });
});

describe('comment submission through createComment', () => {
  const CREATE = `mutation Create($data: CommentSubmissionInput!) {
    createComment(data: $data) { documentId moderationStatus authorName body createdAt }
  }`;

  it('stores a pending comment and answers only its public fields', async () => {
    const body = commentBody('گراف‌کیوال');
    const answer = await gql(CREATE, {
      data: { article: publishedId, authorName: 'سارا', authorEmail: 'sara@example.ir', body },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const created = answer.body.data.createComment;
    expect(created).toMatchObject({ moderationStatus: 'pending', authorName: 'سارا', body });
    const row = await commentRow(app.strapi, created.documentId);
    expect(row.moderationStatus).toBe('pending');
    expect(row.authorEmail).toBe('sara@example.ir');
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.screening).toBeTruthy();
    // Not public until approved.
    const read = await gql(`{ comment(documentId: "${created.documentId}") { body } }`);
    expect(read.body.data.comment).toBeNull();
  });

  it('ignores nothing silently: a moderation field in the input is refused by the schema', async () => {
    const answer = await gql(CREATE, {
      data: { article: publishedId, authorName: 'سارا', body: commentBody(), moderationStatus: 'approved' },
    });
    expectRefused(answer);
  });

  it.each([
    ['a missing body', { authorName: 'سارا' }, 'comment_body_missing'],
    ['a body under 2 characters', { authorName: 'سارا', body: 'a' }, 'comment_body_too_short'],
    ['a name over 80 characters', { authorName: 'س'.repeat(81), body: 'نظر خوبی است' }, 'comment_name_too_long'],
    ['an invalid email', { authorName: 'سارا', authorEmail: 'nope', body: 'نظر خوبی است' }, 'comment_email_invalid'],
  ])('refuses %s with the REST code and messages', async (_name, data, code) => {
    const before = await app.strapi.db.query('api::comment.comment').count();
    const answer = await gql(CREATE, { data: { article: publishedId, ...data } });
    expectLocalizedGraphqlError(answer, code);
    expect(answer.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before);
  });

  it('refuses comments on a draft or withdrawn article', async () => {
    for (const article of [draftId, unpublishedId]) {
      const answer = await gql(CREATE, { data: { article, authorName: 'سارا', body: commentBody() } });
      expectLocalizedGraphqlError(answer, 'comment_article_not_found');
    }
  });

  it('refuses comments where they are closed, as REST does', async () => {
    const answer = await gql(CREATE, { data: { article: closedId, authorName: 'سارا', body: commentBody() } });
    expectLocalizedGraphqlError(answer, 'comment_comments_closed');
    expect(answer.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('stores a honeypot hit rejected, answering like any submission', async () => {
    const answer = await gql(CREATE, {
      data: { article: publishedId, authorName: 'ربات', body: commentBody(), website: 'http://spam.example' },
    });
    const created = answer.body.data.createComment;
    expect(created.moderationStatus).toBe('pending');
    expect((await commentRow(app.strapi, created.documentId)).moderationStatus).toBe('rejected');
  });

  it('shares the rate limit of POST /api/comments and answers it in Persian and English', async () => {
    const saved = [process.env.COMMENT_RATE_LIMIT_PER_MINUTE, process.env.COMMENT_RATE_LIMIT_PER_HOUR];
    process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '2';
    process.env.COMMENT_RATE_LIMIT_PER_HOUR = '100';
    try {
      await newComment(app, publishedId);
      const second = await gql(CREATE, { data: { article: publishedId, authorName: 'سارا', body: commentBody() } });
      expect(second.body.errors).toBeUndefined();
      const third = await gql(CREATE, { data: { article: publishedId, authorName: 'سارا', body: commentBody() } });
      expectLocalizedGraphqlError(third, 'comment_rate_limited');
      const rest = await app
        .http()
        .post('/api/comments')
        .send({ data: { article: publishedId, authorName: 'سارا', body: commentBody() } });
      expect(rest.status).toBe(429);
    } finally {
      process.env.COMMENT_RATE_LIMIT_PER_MINUTE = saved[0];
      process.env.COMMENT_RATE_LIMIT_PER_HOUR = saved[1];
    }
  });

  it('has no way to update or delete a comment', async () => {
    expectRefused(
      await gql(`mutation { updateComment(documentId: "${approvedIds[0]}", data: { body: "تغییر" }) { body } }`),
    );
    expectRefused(await gql(`mutation { deleteComment(documentId: "${approvedIds[0]}") { documentId } }`));
    expect((await commentRow(app.strapi, approvedIds[0])).moderationStatus).toBe('approved');
  });

  it('refuses public writes to articles and sources', async () => {
    const answer = await gql(`mutation { createArticle(data: { title: "نفوذی" }) { documentId } }`);
    expectRefused(answer);
    expect(await app.strapi.db.query('api::article.article').count({ where: { title: 'نفوذی' } })).toBe(0);
  });
});

describe('commentStats and limits', () => {
  it('puts the REST counts on every article', async () => {
    const answer = await gql('{ articles { documentId commentStats { total pending published } } }');
    for (const article of answer.body.data.articles) {
      expect(article.commentStats).toEqual(await publicStats(app, article.documentId));
    }
    const stats = answer.body.data.articles.find(
      (article: { documentId: string }) => article.documentId === publishedId,
    ).commentStats;
    expect(stats.published).toBe(2);
    expect(stats.pending).toBeGreaterThanOrEqual(1);
  });

  it('puts them on articles reached through a source', async () => {
    const answer = await gql('{ sources { articles { documentId commentStats { published } } } }');
    expect(answer.body.data.sources[0].articles[0].commentStats.published).toBe(2);
  });

  it('refuses a page size above 100, as REST does', async () => {
    const answer = await gql('{ articles(pagination: { pageSize: 101 }) { title } }');
    expectLocalizedGraphqlError(answer, 'query_bad_pagination');
    const limit = await gql('{ comments(pagination: { limit: 1000 }) { body } }');
    expectLocalizedGraphqlError(limit, 'query_bad_pagination');
    const largest = await gql('{ articles(pagination: { pageSize: 100 }) { title } }');
    expect(largest.body.errors).toBeUndefined();
  });

  it('refuses queries nested deeper than the depth limit', async () => {
    const deep =
      '{ comments { article { source { articles { source { articles { source { articles { title } } } } } } } } }';
    expectRefused(await gql(deep));
  });
});
