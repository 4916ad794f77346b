/**
 * One Strapi instance in its own process, as `strapi start` runs it (same SIGTERM handling),
 * for the reliability tests. Reports to the parent over IPC: `ready` (with what it seeded)
 * and, every second, the event-loop delay and memory it measures on itself and the connections
 * it accepted and requests it received.
 *
 * RELIABILITY_SEED='{"articles":2,"drafts":1,"moderators":3}' makes this instance create
 * published and draft articles and Moderator admin users first (the other instances share its database).
 */
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '../../..');

async function seed(strapi, wanted) {
  const articles = [];
  for (let index = 0; index < (wanted.articles ?? 0); index += 1) {
    const article = await strapi.documents('api::article.article').create({
      data: {
        title: `گزارش آزمون پایداری ${index + 1}`,
        lead: 'خلاصهٔ گزارش دربارهٔ بودجهٔ شهرداری تهران',
        body: 'متن گزارش دربارهٔ بودجهٔ شهرداری تهران و هزینهٔ مترو و اتوبوس در سال آینده',
      },
      status: 'published',
    });
    articles.push(article.documentId);
  }
  const drafts = [];
  for (let index = 0; index < (wanted.drafts ?? 0); index += 1) {
    const draft = await strapi.documents('api::article.article').create({
      data: { title: `DRAFT-MARKER پیش‌نویس ${index + 1}`, lead: 'DRAFT-MARKER', body: 'DRAFT-MARKER' },
      status: 'draft',
    });
    drafts.push(draft.documentId);
  }
  const moderators = [];
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'khabar-moderator' } });
  for (let index = 0; index < (wanted.moderators ?? 0); index += 1) {
    const email = `moderator${index + 1}-${Date.now()}@reliability.test`;
    const password = 'Reliability-Test-Password-1';
    await strapi.service('admin::user').create({
      email,
      firstname: 'Moderator',
      lastname: String(index + 1),
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    moderators.push({ email, password });
  }
  return { articles, drafts, moderators };
}

async function main() {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  await strapi.load();
  const seeded = process.env.RELIABILITY_SEED ? await seed(strapi, JSON.parse(process.env.RELIABILITY_SEED)) : {};
  await strapi.listen();

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // Node accepts one new connection per event-loop iteration: a request on a new connection
  // reaches the server (and its load shedding) only once accepted.
  let connections = 0;
  let requests = 0;
  strapi.server.httpServer.on('connection', () => {
    connections += 1;
  });
  strapi.server.httpServer.on('request', () => {
    requests += 1;
  });
  setInterval(() => {
    const memory = process.memoryUsage();
    process.send?.({
      type: 'stats',
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
      rssMb: memory.rss / 1048576,
      heapUsedMb: memory.heapUsed / 1048576,
      connectionsAccepted: connections,
      requestsReceived: requests,
    });
    connections = 0;
    requests = 0;
    delay.reset();
  }, 1000).unref();
  process.send?.({ type: 'ready', seeded });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
