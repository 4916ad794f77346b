#!/usr/bin/env node
/**
 * `npm run seed`: loads the demo newsroom of scripts/seed-data.js through the Document Service.
 *
 * Runs under scripts/run-with-database.mjs, which provides the database. Idempotent: sources
 * are matched by slug, articles by their Persian title; anything already present is left as
 * it is, and only a missing English localization (or a missing publication of an entry meant
 * to be published) is added to an existing document.
 */
const path = require('node:path');
const { sources, articles } = require('./seed-data');

const appDir = path.resolve(__dirname, '..');
const SOURCE_UID = 'api::source.source';
const ARTICLE_UID = 'api::article.article';
const DEFAULT_LOCALE = 'fa';
const ENGLISH = 'en';

const counter = () => ({ created: 0, present: 0 });

async function seedSources(strapi, summary) {
  const documents = strapi.documents(SOURCE_UID);
  const rows = strapi.db.query(SOURCE_UID);
  /** @type {Map<string, string>} slug → documentId */
  const ids = new Map();

  for (const source of sources) {
    const shared = { slug: source.slug, kind: source.kind, website: source.website };

    let row = await rows.findOne({ where: { slug: source.slug, locale: DEFAULT_LOCALE }, select: ['documentId'] });
    if (row) {
      summary.sources.present += 1;
    } else {
      const created = await documents.create({ locale: DEFAULT_LOCALE, data: { ...source.fa, ...shared } });
      row = { documentId: created.documentId };
      summary.sources.created += 1;
    }
    ids.set(source.slug, row.documentId);

    const english = await rows.findOne({ where: { documentId: row.documentId, locale: ENGLISH }, select: ['id'] });
    if (english) {
      summary.sourcesEn.present += 1;
    } else {
      // Updating a document in a locale it does not have yet creates that localization.
      await documents.update({ documentId: row.documentId, locale: ENGLISH, data: { ...source.en, ...shared } });
      summary.sourcesEn.created += 1;
    }
  }
  return ids;
}

/** Whether the document has a published row in the locale. */
async function isPublished(strapi, documentId, locale) {
  const row = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ where: { documentId, locale, publishedAt: { $notNull: true } }, select: ['id'] });
  return Boolean(row);
}

async function seedArticles(strapi, sourceIds, summary) {
  const documents = strapi.documents(ARTICLE_UID);
  const rows = strapi.db.query(ARTICLE_UID);

  for (const article of articles) {
    const sourceId = sourceIds.get(article.source);
    if (!sourceId) throw new Error(`article "${article.fa.title}" cites an unknown source "${article.source}"`);
    const shared = { source: sourceId, commentsEnabled: article.commentsEnabled };
    const status = article.published ? 'published' : undefined;

    const existing = await rows.findOne({
      where: { title: article.fa.title, locale: DEFAULT_LOCALE },
      select: ['documentId'],
    });
    let documentId;
    if (existing) {
      documentId = existing.documentId;
      summary.articles.present += 1;
      // A run stopped between create and publish leaves a draft that is meant to be live.
      if (article.published && !(await isPublished(strapi, documentId, DEFAULT_LOCALE))) {
        await documents.publish({ documentId, locale: DEFAULT_LOCALE });
        summary.republished += 1;
      }
    } else {
      const created = await documents.create({
        locale: DEFAULT_LOCALE,
        data: { ...article.fa, ...shared },
        ...(status ? { status } : {}),
      });
      documentId = created.documentId;
      summary.articles.created += 1;
      summary[article.published ? 'createdPublished' : 'createdDrafts'] += 1;
    }

    if (!article.en) continue;
    const english = await rows.findOne({ where: { documentId, locale: ENGLISH }, select: ['id'] });
    if (english) {
      summary.articlesEn.present += 1;
      if (article.published && !(await isPublished(strapi, documentId, ENGLISH))) {
        await documents.publish({ documentId, locale: ENGLISH });
        summary.republished += 1;
      }
    } else {
      await documents.update({
        documentId,
        locale: ENGLISH,
        data: { ...article.en, ...shared },
        ...(status ? { status } : {}),
      });
      summary.articlesEn.created += 1;
    }
  }
}

function printSummary(summary) {
  const line = (label, { created, present }) =>
    `  ${label.padEnd(28)} created ${String(created).padStart(2)}, already present ${String(present).padStart(2)}`;
  const out = [
    'Seed summary:',
    line('sources (fa)', summary.sources),
    line('sources (en localizations)', summary.sourcesEn),
    `${line('articles (fa)', summary.articles)}` +
      (summary.articles.created ? ` (${summary.createdPublished} published, ${summary.createdDrafts} drafts)` : ''),
    line('articles (en localizations)', summary.articlesEn),
  ];
  if (summary.republished) out.push(`  published ${summary.republished} existing draft(s) that were meant to be live`);
  const nothing =
    summary.sources.created + summary.sourcesEn.created + summary.articles.created + summary.articlesEn.created === 0 &&
    summary.republished === 0;
  out.push(nothing ? 'Nothing to do: everything was already present.' : 'Done.');
  console.log(out.join('\n'));
}

async function main() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  console.log('Compiling the project…');
  // On TypeScript errors compileStrapi prints them and calls process.exit(1) itself, so a
  // try/catch never sees the failure: say what happened from an exit hook instead.
  const onCompileExit = (code) => {
    if (code !== 0) {
      console.error('Seed failed: the project does not compile (TypeScript errors above). Nothing was seeded.');
    }
  };
  process.on('exit', onCompileExit);
  await compileStrapi({ appDir });
  process.off('exit', onCompileExit);
  console.log('Loading Strapi…');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.log.level = 'warn';
  let summary;
  try {
    summary = await seed(strapi);
  } finally {
    await strapi.destroy();
  }
  printSummary(summary);
}

/** Loads the sample newsroom into a running Strapi; returns what was created and found. */
async function seed(strapi) {
  const summary = {
    sources: counter(),
    sourcesEn: counter(),
    articles: counter(),
    articlesEn: counter(),
    createdPublished: 0,
    createdDrafts: 0,
    republished: 0,
  };
  const sourceIds = await seedSources(strapi, summary);
  await seedArticles(strapi, sourceIds, summary);
  return summary;
}

module.exports = { seed };

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
      const details = error?.details?.errors;
      if (details) console.error(JSON.stringify(details, null, 2));
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}
