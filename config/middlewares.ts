export default [
  'strapi::logger',
  // Outside strapi::errors, to add Persian and English messages to the errors it formats.
  'global::localized-errors',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::content-api-query-guard',
  'global::request-body-errors',
  {
    name: 'strapi::body',
    config: {
      // Articles are the largest JSON bodies the API takes; a comment is capped far lower.
      jsonLimit: '1mb',
      formLimit: '1mb',
      textLimit: '1mb',
    },
  },
  'global::request-text-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
