/**
 * A submission whose COMMIT fails (the database connection dies at that moment, as when
 * PostgreSQL shuts down) is not acknowledged. knex resolves `commit()` even then, and Strapi
 * answered 201 for a comment that was rolled back: the rare loss the database-restart
 * reliability test once saw. src/lib/database-outage-guard.ts (`failedCommitsThrow`) fixes it.
 *
 * The failure is made on purpose and at exactly that moment: a deferred constraint trigger runs
 * at COMMIT and ends its own connection for a comment carrying a marker.
 */
import { createArticle } from '../helpers/content';
import { commentCount, postComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

const MARKER = 'DIE-AT-COMMIT';
let app: TestApp;
let article: string;

beforeAll(async () => {
  app = await startStrapi();
  article = (await createArticle(app.strapi, { title: 'بودجهٔ شهرداری تهران' })).documentId;
  await app.strapi.db.connection.raw(`
    CREATE FUNCTION khabar_test_die_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.body LIKE '%${MARKER}%' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER khabar_test_die_at_commit AFTER INSERT ON comments
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION khabar_test_die_at_commit();
  `);
});

afterAll(async () => {
  await app?.stop();
});

test('a comment whose COMMIT fails is answered 503, not 201, and the next one is stored', async () => {
  const lost = await postComment(app, { article, body: `نظر دربارهٔ بودجهٔ شهرداری ${MARKER}` });
  expect({ status: lost.status, code: lost.body?.error?.details?.code }).toEqual({
    status: 503,
    code: 'database_unavailable',
  });
  expect(lost.headers['retry-after']).toBeDefined();
  expect(await commentCount(app.strapi, { body: { $contains: MARKER } })).toBe(0);

  // The pool drops the dead connection; the next submission is served and stored.
  const next = await postComment(app, { article, body: 'نظر بعدی دربارهٔ بودجهٔ شهرداری' });
  expect(next.status).toBe(201);
  expect(await commentCount(app.strapi, { documentId: next.body.data.documentId })).toBe(1);
});
