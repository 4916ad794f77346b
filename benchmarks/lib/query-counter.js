/**
 * Benchmark probe, loaded only when BENCH_COUNT_QUERIES=1 (by Khabar's src/index.ts and by the
 * stock yardstick): counts the SQL queries knex runs for each HTTP request and answers the
 * count in an `X-Query-Count` header. The request is followed through async calls with an
 * AsyncLocalStorage, so concurrent requests do not mix their counts. With BENCH_LOG_QUERIES=1 it
 * also prints each statement with its request on stderr (for profiling by hand, not in a run).
 */
const { AsyncLocalStorage } = require('node:async_hooks');

function install(strapi) {
  const storage = new AsyncLocalStorage();
  let listening = false;
  strapi.server.use(async (ctx, next) => {
    if (!listening) {
      listening = true;
      const logQueries = process.env.BENCH_LOG_QUERIES === '1';
      strapi.db.connection.on('query', (query) => {
        const counter = storage.getStore();
        if (!counter) return;
        counter.queries += 1;
        if (logQueries) process.stderr.write(`[sql] ${counter.request} #${counter.queries}: ${query.sql}\n`);
      });
    }
    const counter = { queries: 0, request: `${ctx.method} ${ctx.url}` };
    await storage.run(counter, next);
    ctx.set('X-Query-Count', String(counter.queries));
  });
}

module.exports = { install };
