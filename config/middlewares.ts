export default [
  'strapi::logger',
  // First, so a request the server cannot take now costs nothing (503 + Retry-After).
  'global::load-shedding',
  // Outside strapi::errors, to add Persian and English messages to the errors it formats.
  'global::localized-errors',
  'strapi::errors',
  // Inside strapi::errors: a database that is down answers 503, not 500.
  'global::database-unavailable',
  'global::database-input-errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Anonymous reads of articles, sources and comments from the shared cache, before the router
  // and every query (src/middlewares/public-cache.ts); writes wait here for their invalidations.
  'global::public-cache',
  'global::content-api-query-guard',
  'global::request-body-errors',
  {
    name: 'strapi::body',
    config: {
      // The largest JSON bodies are articles and the screening word list (5,000 terms of up to
      // 100 characters, 2 bytes each in Persian); a comment is capped far lower.
      jsonLimit: '2mb',
      formLimit: '1mb',
      textLimit: '1mb',
    },
  },
  'global::request-text-guard',
  'strapi::session',
  'strapi::favicon',
  // The reference site's page for `/` and article URLs (its files are in public/site/).
  'global::reference-site',
  'strapi::public',
];
