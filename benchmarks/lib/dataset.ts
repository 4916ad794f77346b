import { Client } from 'pg';

/** How big a newsroom the benchmark loads. */
export interface DatasetSize {
  name: string;
  sources: number;
  articles: number;
  comments: number;
  /** Comments of the one busy article (the first), included in `comments`. */
  busyComments: number;
}

export const SIZES: Record<string, DatasetSize> = {
  smoke: { name: 'smoke', sources: 5, articles: 20, comments: 300, busyComments: 100 },
  small: { name: 'small', sources: 10, articles: 100, comments: 2_000, busyComments: 500 },
  large: { name: 'large', sources: 50, articles: 10_000, comments: 1_000_000, busyComments: 10_000 },
};

/** The documentId of article `i` (1-based), the same in every database loaded with this size. */
/**
 * The salt Khabar's server gets in the benchmark (IP_HASH_SALT), so the dataset's commenter
 * keys (comments.author_key) are the ones the server computes (reader-identity.ts `authorKey`:
 * HMAC-SHA256 of "email", a NUL and the email). Keyed at load time: unkeyed, the server would
 * key 1,000,000 comments at boot.
 */
export const BENCH_IP_HASH_SALT = 'khabar-benchmark-salt';

export const articleDocumentId = (i: number) => `art${String(i).padStart(21, '0')}`;

const CHUNK = 100_000;

/** A one-line progress bar on stderr. */
function progress(label: string, done: number, total: number, startedAt: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stderr.write(
    `\r  ${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(9)}/${total} ${seconds}s`,
  );
  if (done >= total) process.stderr.write('\n');
}

// Persian sentences the comments and articles are made of (Persian script, ZWNJ included).
const SENTENCES = [
  'این گزارش دربارهٔ بودجهٔ سال آینده دقیق و خواندنی بود.',
  'کاش به نظر کارشناسان اقتصادی هم اشاره می‌کردید.',
  'قیمت‌ها در شهر ما هم همین‌طور بالا رفته است.',
  'ممنون از خبرنگار که این موضوع را دنبال کرد.',
  'آمارهای این خبر با گزارش هفتهٔ پیش فرق دارد.',
  'امیدوارم مسئولان به این مشکل رسیدگی کنند.',
  'تیم ملی در بازی دیروز بهتر از همیشه بود.',
  'این تصمیم برای دانشجویان بسیار مهم است.',
];

/**
 * Fills a database whose schema Strapi has created (one boot) with a newsroom, in set-based
 * SQL: `generate_series` inserts, triggers and foreign-key checks off while loading
 * (`session_replication_role = replica`), then Khabar's counts rebuilt when the database has
 * them. Articles: a draft and a published row each, in Persian; comments: 20 % pending, 10 %
 * rejected, the rest approved, linked to both rows of their article as Strapi links them, the
 * first `busyComments` on article 1.
 */
export async function loadDataset(connectionString: string, size: DatasetSize): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  const sentences = `(ARRAY[${SENTENCES.map((text) => `'${text}'`).join(',')}])`;
  try {
    await client.query('SET session_replication_role = replica');
    await client.query('BEGIN');
    for (const table of ['comments_article_lnk', 'comments', 'articles_source_lnk', 'articles', 'sources']) {
      await client.query(`DELETE FROM ${table}`);
    }
    let startedAt = Date.now();
    await client.query(
      `INSERT INTO sources (id, document_id, name, slug, kind, website, created_at, updated_at, published_at, locale)
       SELECT i, 'src' || lpad(i::text, 21, '0'), 'خبرگزاری شمارهٔ ' || i, 'source-' || i, 'news_agency',
              'https://source' || i || '.example', now(), now(), now(), 'fa'
       FROM generate_series(1, $1) AS i`,
      [size.sources],
    );
    progress('sources', size.sources, size.sources, startedAt);

    startedAt = Date.now();
    // Row 2i-1 is article i's draft, row 2i its published version.
    for (let from = 1; from <= size.articles; from += CHUNK) {
      const to = Math.min(size.articles, from + CHUNK - 1);
      await client.query(
        `INSERT INTO articles (id, document_id, title, slug, lead, body, comments_enabled, created_at, updated_at, published_at, locale)
         SELECT 2 * i - v, 'art' || lpad(i::text, 21, '0'),
                'گزارش شمارهٔ ' || i || ' دربارهٔ بودجه و اقتصاد',
                'article-' || i,
                ${sentences}[1 + i % 8] || ' ' || ${sentences}[1 + (i + 3) % 8],
                repeat(${sentences}[1 + i % 8] || ' ' || ${sentences}[1 + (i + 1) % 8] || E'\\n\\n', 12),
                true, ts, ts, CASE WHEN v = 0 THEN ts END, 'fa'
         FROM generate_series($1::int, $2::int) AS i,
              LATERAL (SELECT now() - make_interval(hours => $3::int - i) AS ts) t,
              (VALUES (0), (1)) AS versions(v)`,
        [from, to, size.articles],
      );
      await client.query(
        `INSERT INTO articles_source_lnk (article_id, source_id, article_ord)
         SELECT 2 * i - v, 1 + i % $3::int, 1
         FROM generate_series($1::int, $2::int) AS i, (VALUES (0), (1)) AS versions(v)`,
        [from, to, size.sources],
      );
      progress('articles', to, size.articles, startedAt);
    }

    startedAt = Date.now();
    const others = size.articles - 1;
    // Khabar's database has the commenter key (database/reader-tables.js); stock's has not.
    const { rows: keyColumn } = await client.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'comments' AND column_name = 'author_key'",
    );
    const keyed = keyColumn.length > 0;
    if (keyed) await client.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    for (let from = 1; from <= size.comments; from += CHUNK) {
      const to = Math.min(size.comments, from + CHUNK - 1);
      // Comment i: article 1 for the first busyComments, then spread over the others; newer with i.
      await client.query(
        `INSERT INTO comments (id, document_id, body, author_name, author_email, moderation_status, rejection_reason,
                               ip_hash, user_agent, screening, fingerprint, created_at, updated_at, published_at${keyed ? ', author_key' : ''})
         SELECT i, substr(md5('comment' || i), 1, 24),
                ${sentences}[1 + i % 8] || ' ' || ${sentences}[1 + (i / 8) % 8],
                'خواننده ' || (i % 5000), 'reader' || (i % 5000) || '@example.com',
                s.status, CASE WHEN s.status = 'rejected' THEN 'off_topic' END,
                md5('ip' || (i % 50000)) || md5('salt' || (i % 50000)), 'Mozilla/5.0 (bench)',
                '{"flags": [], "language": "fa", "blocklist": [], "relevance": 0.2, "suggestedReason": null}'::jsonb,
                md5('text' || i) || md5('more' || i), ts, ts, ts
                ${keyed ? `, encode(hmac(convert_to('email', 'UTF8') || '\\x00'::bytea || convert_to('reader' || (i % 5000) || '@example.com', 'UTF8'), convert_to('${BENCH_IP_HASH_SALT}', 'UTF8'), 'sha256'), 'hex')` : ''}
         FROM generate_series($1::int, $2::int) AS i,
              LATERAL (SELECT CASE WHEN i % 10 < 2 THEN 'pending' WHEN i % 10 = 2 THEN 'rejected' ELSE 'approved' END AS status) s,
              LATERAL (SELECT now() - make_interval(secs => ($3::int - i) * 30) AS ts) t`,
        [from, to, size.comments],
      );
      await client.query(
        `INSERT INTO comments_article_lnk (comment_id, article_id, comment_ord)
         SELECT i, 2 * a - v, i
         FROM generate_series($1::int, $2::int) AS i,
              LATERAL (SELECT CASE WHEN i <= $3::int THEN 1 ELSE 2 + (i - $3::int) % $4::int END AS a) art,
              (VALUES (0), (1)) AS versions(v)`,
        [from, to, size.busyComments, Math.max(1, others)],
      );
      progress('comments', to, size.comments, startedAt);
    }
    for (const table of ['sources', 'articles', 'comments', 'comments_article_lnk', 'articles_source_lnk']) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`,
      );
    }
    const { rows } = await client.query("SELECT to_regproc('khabar_comment_counts_rebuild') AS f");
    if (rows[0].f) {
      startedAt = Date.now();
      await client.query('SELECT khabar_comment_counts_rebuild()');
      progress('comment counts', 1, 1, startedAt);
    }
    await client.query('COMMIT');
    await client.query('SET session_replication_role = DEFAULT');
    startedAt = Date.now();
    await client.query('VACUUM ANALYZE');
    progress('vacuum analyze', 1, 1, startedAt);
  } finally {
    await client.end();
  }
}
