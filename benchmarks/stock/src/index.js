const path = require('node:path');

// No application code: only the benchmark's SQL-query probe, when asked for (as in Khabar).
module.exports = {
  register({ strapi }) {
    if (process.env.BENCH_COUNT_QUERIES === '1') {
      require(path.join(__dirname, '..', '..', 'lib', 'query-counter.js')).install(strapi);
    }
  },
  bootstrap() {},
};
