import { randomBytes } from 'node:crypto';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
let superAdmin: AdminSession;
let moderator: AdminSession;
let editor: AdminSession;
let articleId: string;

const ARTICLE = {
  title: 'افزایش قیمت بلیت مترو تهران از اول مهر',
  lead: 'شورای شهر تهران افزایش بیست درصدی قیمت بلیت مترو و اتوبوس را تصویب کرد.',
  body: 'به گزارش خبرنگار ما، بلیت مترو و اتوبوس در تهران از اول مهر گران می‌شود. شورای شهر می‌گوید درآمد تازه صرف خرید واگن می‌شود.',
};

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  articleId = (await createArticle(app.strapi, ARTICLE)).documentId;
});
afterAll(async () => {
  await app.stop();
});

const post = (data: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const request = app.http().post('/api/comments');
  for (const [name, value] of Object.entries(headers)) request.set(name, value);
  return request.send({ data: { article: articleId, authorName: 'مریم', ...data } });
};

const stored = (documentId: string) => app.strapi.db.query('api::comment.comment').findOne({ where: { documentId } });

describe('screening of new comments', () => {
  it('stores the screening privately and shows it to moderators only', async () => {
    const response = await post({ body: 'قیمت بلیت مترو واقعاً زیاد شده و این افزایش برای دانشجوها سخت است' });
    expect(response.status).toBe(201);
    expect(response.body.data.screening).toBeUndefined();
    const id = response.body.data.documentId;
    const row = await stored(id);
    expect(row.screening).toMatchObject({ language: 'fa', blocklist: [], flags: [], suggestedReason: null });
    expect(row.screening.relevance).toBeGreaterThan(0);

    const admin = await app.http().get(`/moderation/comments/${id}`).set('Authorization', moderator.auth);
    expect(admin.body.data.screening).toMatchObject({ language: 'fa', flags: [] });

    const list = await app
      .http()
      .get('/moderation/comments?moderationStatus=pending')
      .set('Authorization', moderator.auth);
    expect(list.body.data.find((c: { documentId: string }) => c.documentId === id).screening.language).toBe('fa');
  });

  it('flags a disguised listed word and suggests slander, without rejecting by default', async () => {
    const response = await post({
      body: 'این مدیر مترو یک دزدِ ـــ واقعی است و همه می‌دانند'.replace('دزدِ ـــ', 'دزـــد'),
    });
    const row = await stored(response.body.data.documentId);
    expect(row.screening.flags).toContain('blocklisted');
    expect(row.screening.blocklist).toEqual(['دزد']);
    expect(row.screening.suggestedReason).toBe('slander');
    expect(row.moderationStatus).toBe('pending');
  });

  it('flags a comment that is not Persian', async () => {
    const response = await post({ body: 'This is a comment written completely in English about the metro prices' });
    const row = await stored(response.body.data.documentId);
    expect(row.screening.language).toBe('en');
    expect(row.screening.flags).toContain('not_persian');
    expect(row.moderationStatus).toBe('pending');
  });

  it('flags links beyond the limit as spam', async () => {
    const response = await post({
      body: 'ارزان بخرید www.shop1.example و http://shop2.example و shop3.example.ir همین حالا',
    });
    const row = await stored(response.body.data.documentId);
    expect(row.screening.flags).toEqual(expect.arrayContaining(['spam', 'too_many_links']));
  });

  it('flags the same text sent again as a duplicate, however it is typed', async () => {
    const first = await post({ body: 'مترو باید ارزان بماند چون مردم پول ندارند' });
    const again = await post({ body: 'مترو باید ارزان بماند چون مردم پول ندارند'.replace('ی', 'ي') });
    expect((await stored(first.body.data.documentId)).screening.flags).not.toContain('duplicate');
    expect((await stored(again.body.data.documentId)).screening.flags).toContain('duplicate');
  });

  it('counts a repeat under another article as a duplicate only when the text is distinctive', async () => {
    const other = (await createArticle(app.strapi, { title: 'خبری دیگر دربارهٔ اتوبوس‌های شهری' })).documentId;
    const thanks = 'ممنون از گزارش خوبتون';
    await post({ body: thanks });
    const shortRepeat = await post({ body: thanks, article: other });
    expect((await stored(shortRepeat.body.data.documentId)).screening.flags).not.toContain('duplicate');
    const long = 'به نظر من قیمت بلیت مترو برای دانشجوها و کارگران خیلی زیاد شده است';
    await post({ body: long });
    const longRepeat = await post({ body: long, article: other });
    expect((await stored(longRepeat.body.data.documentId)).screening.flags).toContain('duplicate');
  });

  it('stores a long app user agent cut to its column instead of failing', async () => {
    const agent = `Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) Instagram 312.1.0.34.111 ${'x'.repeat(300)}`;
    const response = await post({ body: 'نظر از مرورگر داخل برنامه دربارهٔ مترو' }, { 'User-Agent': agent });
    expect(response.status).toBe(201);
    expect((await stored(response.body.data.documentId)).userAgent).toBe(agent.slice(0, 255));
  });

  it('takes a comment of many emoji within the visible limit, and refuses a name too long to store', async () => {
    const emoji = await post({ body: `سلام ${'👨‍👩‍👧‍👦'.repeat(1100)}` });
    expect(emoji.status).toBe(201);
    const name = await post({ body: 'نظری دربارهٔ قیمت بلیت مترو', authorName: 'بِّ\u200C'.repeat(70) });
    expect(name.status).toBe(400);
    expect(name.body.error.details.code).toBe('comment_name_too_long');
  });

  it('answers a honeypot hit like any submission and stores it rejected as spam', async () => {
    const response = await post({ body: 'نظر رباتی دربارهٔ قیمت بلیت مترو', website: 'http://spam.example' });
    expect(response.status).toBe(201);
    expect(response.body.data.moderationStatus).toBe('pending');
    const row = await stored(response.body.data.documentId);
    expect(row.moderationStatus).toBe('rejected');
    expect(row.rejectionReason).toBe('spam');
    const events = await app.strapi.db
      .query('plugin::moderation.moderation-event')
      .findMany({ where: { commentDocumentId: response.body.data.documentId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'rejected',
      reason: 'spam',
      actorLabel: 'screening',
    });
  });
});

describe('screening settings', () => {
  it('returns the settings to moderators and super admins', async () => {
    for (const session of [moderator, superAdmin]) {
      const response = await app.http().get('/moderation/settings').set('Authorization', session.auth);
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        autoReject: { not_persian: false, blocklisted: false, off_topic: false, spam: false },
        maxLinks: 2,
        duplicateWindowMinutes: 60,
        rateLimit: { perMinute: 5, perHour: 30 },
      });
      expect(response.body.data.blocklist).toContain('دزد');
    }
  });

  it('refuses other admin roles and anonymous callers', async () => {
    expect((await app.http().get('/moderation/settings').set('Authorization', editor.auth)).status).toBe(403);
    expect(
      (await app.http().put('/moderation/settings').set('Authorization', editor.auth).send({ maxLinks: 9 })).status,
    ).toBe(403);
    expect((await app.http().get('/moderation/settings')).status).toBe(401);
  });

  it.each([
    [{ maxLinks: -1 }],
    [{ maxLinks: 1.5 }],
    [{ relevanceThreshold: 2 }],
    [{ relevanceThreshold: 'high' }],
    [{ blocklist: 'دزد' }],
    [{ blocklist: ['دزد', ''] }],
    [{ autoReject: { approve_everything: true } }],
    [{ autoReject: { spam: 'yes' } }],
    [{ rateLimit: { perMinute: -5 } }],
    [{ duplicateWindowMinutes: 999999 }],
    [{ unknownSetting: 1 }],
    [{ maxLinks: 3, relevanceThreshold: -1 }],
  ])('answers 400 to %j and changes nothing', async (update) => {
    const before = await app.http().get('/moderation/settings').set('Authorization', moderator.auth);
    const response = await app.http().put('/moderation/settings').set('Authorization', moderator.auth).send(update);
    expect(response.status).toBe(400);
    expect(response.body.error.details.messages.fa).toEqual(expect.any(String));
    const after = await app.http().get('/moderation/settings').set('Authorization', moderator.auth);
    expect(after.body.data).toEqual(before.body.data);
  });

  it('applies a new word list and auto-reject rule to the next comment, without a restart', async () => {
    const update = await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ blocklist: ['دزد', 'رانت‌خوار', 'حرامی'], autoReject: { blocklisted: true } });
    expect(update.status).toBe(200);
    expect(update.body.data.blocklist).toEqual(['دزد', 'رانت‌خوار', 'حرامی']);

    const response = await post({ body: 'مسئولان مترو همه حرامــی هستند و پول مردم را می‌خورند' });
    expect(response.status).toBe(201);
    expect(response.body.data.moderationStatus).toBe('pending');
    const row = await stored(response.body.data.documentId);
    expect(row.screening.blocklist).toEqual(['حرامی']);
    expect(row.moderationStatus).toBe('rejected');
    expect(row.rejectionReason).toBe('slander');

    await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ autoReject: { blocklisted: false } });
    const later = await post({ body: 'مسئولان مترو همه حرامی هستند و این را همه می‌دانند' });
    expect((await stored(later.body.data.documentId)).moderationStatus).toBe('pending');
  });

  it('never approves automatically, whatever the settings', async () => {
    await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ autoReject: { not_persian: true, blocklisted: true, off_topic: true, spam: true } });
    const response = await post({ body: 'نظر کاملاً مرتبط دربارهٔ قیمت بلیت مترو و اتوبوس تهران' });
    expect((await stored(response.body.data.documentId)).moderationStatus).toBe('pending');
    await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ autoReject: { not_persian: false, blocklisted: false, off_topic: false, spam: false } });
  });
});

describe('POST /moderation/screen', () => {
  it('screens a text against the current rules and an article', async () => {
    const response = await app
      .http()
      .post('/moderation/screen')
      .set('Authorization', moderator.auth)
      .send({ text: 'این آقا یک دزد است و قیمت بلیت مترو را بالا برده', article: articleId });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ language: 'fa', blocklist: ['دزد'], suggestedReason: 'slander' });
    expect(response.body.data.relevance).toBeGreaterThan(0);
  });

  it('works without an article (no relevance)', async () => {
    const response = await app
      .http()
      .post('/moderation/screen')
      .set('Authorization', moderator.auth)
      .send({ text: 'سلام، این یک متن آزمایشی برای بررسی است' });
    expect(response.status).toBe(200);
    expect(response.body.data.relevance).toBeNull();
  });

  it('answers 400 for a missing text and 404 for an unknown article', async () => {
    expect((await app.http().post('/moderation/screen').set('Authorization', moderator.auth).send({})).status).toBe(
      400,
    );
    const unknown = await app
      .http()
      .post('/moderation/screen')
      .set('Authorization', moderator.auth)
      .send({ text: 'متن آزمایشی', article: 'nosucharticle' });
    expect(unknown.status).toBe(404);
  });
});

describe.each(['memory', 'redis'])('rate limiting with the %s store', (store) => {
  beforeAll(() => {
    process.env.RATE_LIMIT_STORE = store;
    process.env.RATE_LIMIT_KEY_PREFIX = `khabar-test-${randomBytes(6).toString('hex')}`;
    process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '3';
    process.env.COMMENT_RATE_LIMIT_PER_HOUR = '100';
  });
  afterAll(() => {
    process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '0';
    process.env.COMMENT_RATE_LIMIT_PER_HOUR = '0';
    delete process.env.RATE_LIMIT_STORE;
    delete process.env.RATE_LIMIT_KEY_PREFIX;
  });

  it('answers 429 with Retry-After and a bilingual message past the limit', async () => {
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: any } | null = null;
    for (let i = 0; i < 5; i += 1) {
      const response = await post({ body: `نظر شمارهٔ ${i} دربارهٔ قیمت بلیت مترو` });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited?.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited?.body.error.details.messages.fa).toContain('ثانیه');
  });

  it('cannot be dodged with X-Forwarded-For when no proxy is trusted', async () => {
    const response = await post({ body: 'نظر با سرآیند جعلی' }, { 'X-Forwarded-For': '203.0.113.9' });
    expect(response.status).toBe(429);
  });

  it('counts a limited request as refused: nothing is stored', async () => {
    const before = await app.strapi.db.query('api::comment.comment').count({ where: { body: 'نظری که نباید بماند' } });
    await post({ body: 'نظری که نباید بماند' });
    const after = await app.strapi.db.query('api::comment.comment').count({ where: { body: 'نظری که نباید بماند' } });
    expect(after).toBe(before);
  });
});

describe('rate limits from the settings', () => {
  beforeAll(() => {
    delete process.env.COMMENT_RATE_LIMIT_PER_MINUTE;
    delete process.env.COMMENT_RATE_LIMIT_PER_HOUR;
    process.env.RATE_LIMIT_KEY_PREFIX = `khabar-test-${randomBytes(6).toString('hex')}`;
  });
  afterAll(() => {
    process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '0';
    process.env.COMMENT_RATE_LIMIT_PER_HOUR = '0';
    delete process.env.RATE_LIMIT_KEY_PREFIX;
  });

  it('follow a change in the admin settings on the next request', async () => {
    await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ rateLimit: { perMinute: 1, perHour: 10 } });
    expect((await post({ body: 'نخستین نظر پس از تغییر تنظیمات' })).status).toBe(201);
    expect((await post({ body: 'دومین نظر پس از تغییر تنظیمات' })).status).toBe(429);
    await app
      .http()
      .put('/moderation/settings')
      .set('Authorization', moderator.auth)
      .send({ rateLimit: { perMinute: 0, perHour: 0 } });
    expect((await post({ body: 'سومین نظر وقتی محدودیت خاموش است' })).status).toBe(201);
  });
});
