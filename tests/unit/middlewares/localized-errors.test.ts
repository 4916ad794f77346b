import localizedErrors from '../../../src/middlewares/localized-errors';

/** Runs the middleware around a handler that leaves the given status and body. */
async function respond(path: string, status: number, body: unknown) {
  const ctx = { path, status: 404, body: undefined as unknown };
  await localizedErrors()(ctx, async () => {
    ctx.body = body;
    ctx.status = status;
  });
  return ctx as { status: number; body: any };
}

describe('localized-errors', () => {
  it('adds Persian and English messages to a server error, keeping its status', async () => {
    const ctx = await respond('/api/articles', 500, {
      data: null,
      error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error' },
    });
    expect(ctx.status).toBe(500);
    expect(ctx.body.error.details.code).toBe('request_server_error');
    expect(ctx.body.error.details.messages.fa).toMatch(/[\u0600-\u06FF]/);
  });

  it('gives a bodiless 405 the JSON error shape', async () => {
    const ctx = await respond('/api/articles', 405, 'Method Not Allowed');
    expect(ctx.status).toBe(405);
    expect(ctx.body).toMatchObject({
      data: null,
      error: { status: 405, name: 'MethodNotAllowedError', details: { code: 'request_method_not_allowed' } },
    });
  });

  it('keeps the key Strapi named in an "Invalid key" error', async () => {
    const ctx = await respond('/api/comments', 400, {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Invalid key ipHash',
        details: { key: 'ipHash', param: 'sort' },
      },
    });
    expect(ctx.body.error.details).toMatchObject({ key: 'ipHash', param: 'sort', code: 'query_invalid_key' });
    expect(ctx.body.error.details.messages.en).toContain('ipHash');
  });

  it('leaves an error that already has messages as it is', async () => {
    const body = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'x',
        details: { code: 'c', messages: { fa: 'ف', en: 'e' } },
      },
    };
    const ctx = await respond('/api/comments', 400, body);
    expect(ctx.body).toBe(body);
  });

  it.each(['/admin/users/me', '/content-manager/collection-types/api::comment.comment'])(
    'leaves the admin panel’s own API (%s) alone',
    async (path) => {
      const body = { data: null, error: { status: 403, name: 'ForbiddenError', message: 'Forbidden' } };
      const ctx = await respond(path, 403, body);
      expect(ctx.body).toBe(body);
    },
  );

  it('leaves successful answers alone', async () => {
    const body = { data: [] };
    expect((await respond('/api/articles', 200, body)).body).toBe(body);
  });
});
