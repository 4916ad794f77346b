import { Client } from 'pg';

/**
 * The integrity check at scale (issue #10): Khabar's kept comment counts (the counts table,
 * summed per article and counter, as every reader sums them) against a recount from the rows,
 * the same recount tests/integration/comment-counts.test.ts uses, over the whole loaded
 * database. A reply counts as visible only under an approved parent, and not in `visible_root`
 * (the top-level comments a public page lists). The per-article totals the moderators' article
 * list reads (with their deltas not folded yet) are checked too, as `totals <status>`. Returns
 * the keys that differ; none means exact.
 */
export async function countsMismatches(connectionString: string): Promise<{ checked: number; mismatches: string[] }> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query(`
      WITH recount AS (
        SELECT a.document_id,
               count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'pending') AS pending,
               count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved') AS approved,
               count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'rejected') AS rejected,
               count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved' AND a.published_at IS NOT NULL
                 AND (c.parent_document_id IS NULL OR EXISTS (SELECT 1 FROM comments p
                        WHERE p.document_id = c.parent_document_id AND p.moderation_status = 'approved'))) AS visible,
               count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'approved' AND a.published_at IS NOT NULL
                 AND c.parent_document_id IS NULL) AS visible_root,
               count(DISTINCT c.id) FILTER (WHERE c.moderation_status = 'rejected'
                 AND EXISTS (SELECT 1 FROM moderation_events e WHERE e.comment_document_id = c.document_id)
                 AND NOT EXISTS (SELECT 1 FROM moderation_events e WHERE e.comment_document_id = c.document_id
                                   AND (e.actor_id IS NOT NULL OR e.actor_label IS DISTINCT FROM 'screening'))) AS screened_out
          FROM comments c
          JOIN comments_article_lnk l ON l.comment_id = c.id
          JOIN articles a ON a.id = l.article_id
         GROUP BY a.document_id),
      recount_rows AS (
        SELECT document_id, counter, n FROM recount
          CROSS JOIN LATERAL (VALUES ('pending', pending), ('approved', approved), ('rejected', rejected),
                                     ('visible', visible), ('visible_root', visible_root),
                                     ('screened_out', screened_out)) AS v(counter, n)
         WHERE n <> 0
        UNION ALL
        SELECT '', moderation_status, count(*) FROM comments GROUP BY moderation_status
        UNION ALL
        SELECT document_id, 'totals ' || counter, n FROM recount
          CROSS JOIN LATERAL (VALUES ('pending', pending), ('approved', approved), ('rejected', rejected)) AS v(counter, n)
         WHERE n <> 0),
      kept AS (
        SELECT document_id, counter, sum(n) AS n FROM khabar_comment_counts
         GROUP BY document_id, counter HAVING sum(n) <> 0
        UNION ALL
        SELECT document_id, 'totals ' || counter, sum(n) FROM (
          SELECT document_id, pending, approved, rejected FROM khabar_article_comment_totals
          UNION ALL
          SELECT document_id, pending, approved, rejected FROM khabar_article_comment_totals_deltas) t
          CROSS JOIN LATERAL (VALUES ('pending', pending), ('approved', approved), ('rejected', rejected)) AS v(counter, n)
         GROUP BY document_id, counter HAVING sum(n) <> 0)
      SELECT count(*) AS checked,
             coalesce(array_agg(coalesce(nullif(coalesce(r.document_id, k.document_id), ''), '(all)') || ' '
                                || coalesce(r.counter, k.counter) || ': kept ' || coalesce(k.n, 0)
                                || ', recounted ' || coalesce(r.n, 0))
                        FILTER (WHERE r.n IS DISTINCT FROM k.n), '{}') AS mismatches
        FROM recount_rows r FULL JOIN kept k ON k.document_id = r.document_id AND k.counter = r.counter`);
    return { checked: Number(rows[0].checked), mismatches: rows[0].mismatches as string[] };
  } finally {
    await client.end();
  }
}
