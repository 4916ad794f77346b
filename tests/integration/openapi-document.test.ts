import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The OpenAPI document served by @strapi/plugin-documentation holds our own routes with their
 * real shapes. Generated here under a version of its own, so test files booting at the same
 * time (each regenerates the default version) cannot hand it a half-written file.
 */
let app: TestApp;
let document: any;
const version = `9.${process.pid}.${Date.now() % 100000}`;

beforeAll(async () => {
  app = await startStrapi();
  const service = app.strapi.plugin('documentation').service('documentation');
  await service.generateFullDoc(version);
  document = JSON.parse(
    readFileSync(path.join(service.getFullDocumentationPath(), version, 'full_documentation.json'), 'utf8'),
  );
});
afterAll(async () => {
  await app.strapi.plugin('documentation').service('documentation').deleteDocumentation(version);
  await app.stop();
});

const schema = (name: string) => document.components.schemas[name];
const deref = (node: { $ref?: string }) => (node.$ref ? schema(node.$ref.split('/').pop() as string) : node);

describe('the OpenAPI document', () => {
  it('describes comment submission with its request, answer and localized errors', () => {
    const post = document.paths['/comments'].post;
    const request = deref(post.requestBody.content['application/json'].schema);
    expect(request.properties.data.required).toEqual(['article', 'authorName', 'body']);
    expect(request.properties.data.properties.body).toMatchObject({ minLength: 2, maxLength: 3000 });
    expect(request.properties.data.properties.authorName.maxLength).toBe(80);
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '403', '413', '429']);
    expect(
      deref(post.responses['201'].content['application/json'].schema.properties.data).properties.moderationStatus.enum,
    ).toEqual(['pending']);
    expect(post.responses['429'].headers['Retry-After']).toBeDefined();
    const closed = post.responses['403'].content['application/json'];
    expect(closed.schema.$ref).toBe('#/components/schemas/LocalizedError');
    const example = closed.examples.comment_comments_closed.value;
    expect(example.error.details.code).toBe('comment_comments_closed');
    expect(example.error.details.messages.fa).toBe('امکان نظر دادن برای این خبر بسته است.');
    expect(example.error.details.messages.en).toBe('Comments are closed for this article.');
    expect(Object.keys(post.responses['400'].content['application/json'].examples)).toContain('comment_body_too_short');
  });

  it('defines the error body every 4xx carries', () => {
    const details = schema('LocalizedError').properties.error.properties.details;
    expect(details.required).toEqual(['code', 'messages']);
    expect(details.properties.messages.required).toEqual(['fa', 'en']);
    expect(details.properties.code.enum).toEqual(
      expect.arrayContaining(['comment_rate_limited', 'moderation_not_found']),
    );
  });

  it('shows public comments without private fields, and no write a reader cannot make', () => {
    const item = deref(
      document.paths['/comments'].get.responses['200'].content['application/json'].schema.properties.data.items,
    );
    // Issue #14: the readers' counters and the approved replies.
    expect(Object.keys(item.properties).sort()).toEqual([
      'article',
      'authorName',
      'body',
      'createdAt',
      'documentId',
      'reactions',
      'replies',
    ]);
    expect(Object.keys(document.paths['/comments/{id}'])).toEqual(['get']);
    expect(document.paths['/comments/{id}'].get.responses['404']).toBeDefined();
  });

  it('puts commentStats on articles and lists no private field outside the moderation schemas', () => {
    const article = schema('Article');
    expect(deref(article.properties.commentStats).required).toEqual(['total', 'pending', 'published']);
    expect(article.properties.comments).toBeUndefined();
    for (const [name, value] of Object.entries(document.components.schemas)) {
      if (['ModeratorComment', 'CommentSubmissionRequest'].includes(name)) continue;
      const text = JSON.stringify(value);
      for (const field of ['ipHash', 'userAgent', 'moderationNote', 'fingerprint', '"screening"', 'authorEmail']) {
        expect(`${name}: ${text.includes(field) ? field : ''}`).toBe(`${name}: `);
      }
    }
  });

  it('describes the moderation admin API at the server root, with its errors', () => {
    for (const route of [
      '/moderation/comments',
      '/moderation/comments/{documentId}',
      '/moderation/comments/{documentId}/approve',
      '/moderation/comments/{documentId}/reject',
      '/moderation/comments/{documentId}/reopen',
      '/moderation/comments/bulk',
      '/moderation/stats',
      '/moderation/settings',
      '/moderation/screen',
    ]) {
      expect(document.paths[route]?.servers).toEqual([expect.objectContaining({ url: '/' })]);
    }
    const reject = document.paths['/moderation/comments/{documentId}/reject'].post;
    expect(deref(reject.requestBody.content['application/json'].schema).required).toEqual(['reason']);
    expect(Object.keys(reject.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    expect(reject.security).toEqual([{ bearerAuth: [] }]);
    expect(deref(reject.responses['200'].content['application/json'].schema)).toBeDefined();
    expect(document.paths['/moderation/settings'].put).toBeDefined();
  });

  it('is served by the plugin as a page holding the document', async () => {
    const response = await app.http().get(`/documentation/v${version}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('/moderation/comments/{documentId}/approve');
    expect(response.text).toContain('CommentSubmissionRequest');
  });

  it('cannot be deleted or regenerated without an admin token', async () => {
    for (const [method, url] of [
      ['delete', `/documentation/deleteDoc/${version}`],
      ['post', '/documentation/regenerateDoc'],
    ] as const) {
      const response = await app.http()[method](url);
      expect([401, 403]).toContain(response.status);
    }
    expect((await app.http().get(`/documentation/v${version}`)).status).toBe(200);
  });
});
