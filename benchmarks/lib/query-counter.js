/**
 * Benchmark probe, loaded only when BENCH_COUNT_QUERIES=1 (by Khabar's src/index.ts and by the
 * stock yardstick): counts the SQL queries knex runs for each HTTP request and answers the
 * count in an `X-Query-Count` header. The request is followed through async calls with an
 * AsyncLocalStorage, so concurrent requests do not mix their counts.
 */
const { AsyncLocalStorage } = require('node:async_hooks');

function install(strapi) {
  const storage = new AsyncLocalStorage();
  let listening = false;
  strapi.server.use(async (ctx, next) => {
    if (!listening) {
      listening = true;
      strapi.db.connection.on('query', () => {
        const counter = storage.getStore();
        if (counter) counter.queries += 1;
      });
    }
    const counter = { queries: 0 };
    await storage.run(counter, next);
    ctx.set('X-Query-Count', String(counter.queries));
  });
}

module.exports = { install };
