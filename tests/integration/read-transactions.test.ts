/**
 * Reads run without a transaction, writes keep theirs (src/lib/reads-without-transaction.ts):
 * the Document Service wraps every action in BEGIN … COMMIT, which for a read under READ
 * COMMITTED buys nothing and costs two round trips.
 */
import type { Client } from 'pg';
import { createArticle, createSource } from '../helpers/content';
import { connectToAppDatabase, startStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const SOURCE = 'api::source.source';
let app: TestApp;
let article: string;
/** Another client of the database, as another instance would be. */
let other: Client;

beforeAll(async () => {
  app = await startStrapi();
  other = await connectToAppDatabase(app);
  article = (await createArticle(app.strapi, { title: 'تراکنش‌های خواندن' })).documentId;
});

afterAll(async () => {
  await other?.end();
  await app?.stop();
});

/** The SQL statements `work` ran on this instance's connection. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const record = (query: { sql: string }) => statements.push(query.sql.trim());
  app.strapi.db.connection.on('query', record);
  try {
    await work();
  } finally {
    app.strapi.db.connection.off('query', record);
  }
  return statements;
}

const transactionStatements = (statements: string[]) =>
  statements.filter((sql) => /^(BEGIN|COMMIT|ROLLBACK)\b/i.test(sql));

describe('reads', () => {
  it('of the public API run without BEGIN and COMMIT', async () => {
    // A query string not asked before, so the public cache computes the answer.
    const statements = await statementsOf(async () => {
      const response = await app.http().get(`/api/articles/${article}?populate=source&fields[0]=title`);
      expect(response.status).toBe(200);
      expect(response.body.data.title).toBe('تراکنش‌های خواندن');
    });
    expect(statements.some((sql) => /from ("public"\.)?"articles"/.test(sql))).toBe(true);
    expect(transactionStatements(statements)).toEqual([]);
  });

  it.each(['findOne', 'findMany', 'findFirst', 'count'] as const)(
    'through the Document Service (%s) run without BEGIN and COMMIT',
    async (action) => {
      const documents = app.strapi.documents(ARTICLE) as unknown as Record<string, (p: unknown) => Promise<unknown>>;
      const params = action === 'findOne' ? { documentId: article } : { filters: { documentId: article } };
      let result: unknown;
      const statements = await statementsOf(async () => {
        result = await documents[action](params);
      });
      expect(result).toBeTruthy();
      expect(statements.length).toBeGreaterThan(0);
      expect(transactionStatements(statements)).toEqual([]);
    },
  );

  it('inside a transaction use it: they see what it wrote before its COMMIT', async () => {
    let seenInside: unknown;
    let seenOutside: unknown;
    await app.strapi.db.transaction(async () => {
      const source = await createSource(app.strapi, { name: 'خبرگزاری درون تراکنش' });
      seenInside = await app.strapi.documents(SOURCE).findOne({ documentId: source.documentId });
      // Another connection does not see the row before the COMMIT.
      const { rows } = await other.query('SELECT 1 FROM sources WHERE document_id = $1', [source.documentId]);
      seenOutside = rows.length;
    });
    expect(seenInside).toMatchObject({ name: 'خبرگزاری درون تراکنش' });
    expect(seenOutside).toBe(0);
  });
});

describe('writes', () => {
  it('keep their transaction, also right after a read', async () => {
    await app.strapi.documents(ARTICLE).findMany({ limit: 1 });
    const statements = await statementsOf(() => createSource(app.strapi, { name: 'خبرگزاری نوشتن' }));
    const transaction = transactionStatements(statements);
    expect(transaction[0]).toMatch(/^BEGIN/i);
    expect(transaction.at(-1)).toMatch(/^COMMIT/i);
  });

  it('made inside a transaction that fails after a read are rolled back', async () => {
    await expect(
      app.strapi.db.transaction(async () => {
        await createSource(app.strapi, { name: 'خبرگزاری برگشتی' });
        await app.strapi.documents(ARTICLE).findMany({ limit: 1 });
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await app.strapi.documents(SOURCE).count({ filters: { name: 'خبرگزاری برگشتی' } } as never)).toBe(0);
  });
});
