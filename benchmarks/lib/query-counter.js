/**
 * Benchmark probe, loaded only when BENCH_COUNT_QUERIES=1 (by Khabar's src/index.ts and by the
 * stock yardstick): counts the SQL queries knex runs for each HTTP request and answers the
 * count in an `X-Query-Count` header. The request is followed through async calls with an
 * AsyncLocalStorage, so concurrent requests do not mix their counts. With BENCH_LOG_QUERIES=1 it
 * also prints each statement with its request on stderr (for profiling by hand, not in a run).
 * `GET /_bench/memory` answers the process's memory figures (heap, external, RSS), so the
 * suite can say what a high RSS is made of.
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
    if (ctx.path === '/_bench/memory') {
      const toMb = (bytes) => Math.round(bytes / 1048576);
      const memory = Object.fromEntries(
        Object.entries(process.memoryUsage()).map(([key, value]) => [key, toMb(value)]),
      );
      const spaces = Object.fromEntries(
        require('node:v8')
          .getHeapSpaceStatistics()
          .map((space) => [space.space_name, { size: toMb(space.space_size), used: toMb(space.space_used_size) }]),
      );
      ctx.body = { ...memory, spaces };
      return;
    }
    const counter = { queries: 0, request: `${ctx.method} ${ctx.url}` };
    await storage.run(counter, next);
    ctx.set('X-Query-Count', String(counter.queries));
  });
}

module.exports = { install };
