/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { message } from '../../src/lib/messages';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { commentRow, commentWithStatus, newComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The reference site (site/, served at `/`) in Debian's headless Chromium against a real
 * Strapi and PostgreSQL: what a reader sees and does, in Persian and English.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, 'screenshots');
const TITLE = 'بودجهٔ شهرداری تهران تصویب شد';
const PERSIAN_SLUG = 'بودجهٔ-شهرداری-تهران-تصویب-شد';
const XSS_BODY = 'نظر آزمایشی <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> پایان';

let app: TestApp;
let moderator: AdminSession;
let browser: Browser;
let base: string;
let articleId: string;
let closedId: string;
let approvedBody: string;
let pendingBody: string;

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  const source = await createSource(app.strapi, { name: 'خبرگزاری ایرنا', slug: 'irna' });
  await createArticle(app.strapi, {
    title: 'گزارش هواشناسی تهران',
    lead: 'هوای تهران فردا ابری است.',
    source: source.documentId,
  });
  const article = await createArticle(app.strapi, {
    title: TITLE,
    lead: 'شورای شهر تهران بودجهٔ سال آینده را تصویب کرد.',
    body: 'شورای شهر **بودجهٔ سال آینده** را تصویب کرد.\n\n## جزئیات\n\n- حمل‌ونقل عمومی\n- فضای سبز',
    source: source.documentId,
  });
  articleId = article.documentId;
  await app.strapi.documents('api::article.article').update({
    documentId: articleId,
    locale: 'en',
    data: {
      title: 'Tehran city council passes the budget',
      lead: 'The council passed next year’s budget.',
      body: 'In **English**.',
    },
  } as never);
  await app.strapi.documents('api::article.article').publish({ documentId: articleId, locale: 'en' } as never);
  closedId = (await createArticle(app.strapi, { title: 'خبر بدون نظر', commentsEnabled: false })).documentId;
  approvedBody = 'بودجهٔ حمل‌ونقل عمومی باید بیشتر می‌شد.';
  await commentWithStatus(app, articleId, 'approved', { authorName: 'مریم', body: approvedBody });
  pendingBody = 'این نظر هنوز بررسی نشده است.';
  await newComment(app, articleId, { authorName: 'علی', body: pendingBody });

  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function open(url: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'fa-IR' });
  await page.goto(`${base}${url}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical findings on the page. */
async function accessibilityViolations(page: Page) {
  // Evaluated through the debugging protocol: the site's Content Security Policy (rightly)
  // refuses an injected inline script.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node: any) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation: { impact: string }) => ['serious', 'critical'].includes(violation.impact));
}

const countsText = (page: Page) => page.locator('[data-testid="counts"]').first().textContent();

describe('the front page', () => {
  it('lists the latest published articles in Persian, right to left, with Jalali dates and the counts', async () => {
    const page = await open('/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('fa');
    expect(await page.locator('h1').textContent()).toBe('تازه‌ترین خبرها');
    const card = page.locator('.card', { hasText: TITLE });
    expect(await card.locator('.meta').textContent()).toContain('به نقل از خبرگزاری ایرنا');
    // Solar Hijri year (14xx) in Persian digits, and a Persian month name.
    expect(await card.locator('time').textContent()).toMatch(/^[۰-۹]+ [آ-ی]+ ۱۴[۰-۹]{2}، ساعت [۰-۹]{2}:[۰-۹]{2}$/);
    expect(await card.locator('[data-testid="counts"]').textContent()).toBe(
      'مجموع نظرات : ۲  در انتظار بررسی : ۱  انتشار یافته : ۱',
    );
    expect(await page.locator('.card', { hasText: 'خبر بدون نظر' }).count()).toBe(1);
    // The font is served by this server, not a font host.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
    });
    expect(fonts).toContain('Vazirmatn');
    await screenshot(page, 'home-desktop');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('reads well at phone width', async () => {
    const page = await open('/', PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - (globalThis as any).innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-phone');
    await page.close();
  });
});

describe('an article page', () => {
  it('opens from the front page at its Persian-script URL and shows the article', async () => {
    const page = await open('/');
    await page.locator('.card h2 a', { hasText: TITLE }).click();
    await page.waitForSelector('body[data-ready="true"] article h1');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/articles/${PERSIAN_SLUG}`);
    expect(await page.locator('article h1').textContent()).toBe(TITLE);
    expect(await page.locator('.attribution').textContent()).toBe('به نقل از خبرگزاری ایرنا');
    expect(await page.locator('article .lead').textContent()).toContain('شورای شهر تهران');
    expect(await page.locator('article .body strong').textContent()).toBe('بودجهٔ سال آینده');
    expect(await page.locator('article .body li').count()).toBe(2);
    expect(await countsText(page)).toBe('مجموع نظرات : ۲  در انتظار بررسی : ۱  انتشار یافته : ۱');
    const comments = page.locator('.comments .comment');
    expect(await comments.count()).toBe(1);
    expect(await comments.first().textContent()).toContain(approvedBody);
    expect(await page.locator('body').textContent()).not.toContain(pendingBody);
    expect(await comments.first().locator('time').textContent()).toMatch(/۱۴[۰-۹]{2}/);
    expect(await page.locator('.policy').textContent()).toContain('پس از بررسی و تأیید');
    await screenshot(page, 'article-desktop');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('resolves the documentId URL too', async () => {
    const page = await open(`/articles/${articleId}`);
    expect(await page.locator('article h1').textContent()).toBe(TITLE);
    const missing = await open('/articles/no-such-article');
    expect(await missing.locator('h1').textContent()).toBe('این خبر پیدا نشد.');
    await page.close();
    await missing.close();
  });

  it('sends a comment that waits for review: the message, the pending count up, the comment not shown', async () => {
    const page = await open(`/articles/${articleId}`, PHONE);
    await page.getByLabel('نام').fill('سارا');
    await page.getByLabel('متن نظر').fill('گزارش دقیقی بود، ممنون.');
    await page.getByRole('button', { name: 'ارسال نظر' }).click();
    await page.waitForSelector('.form-status.success');
    expect(await page.locator('.form-status').textContent()).toBe('نظر شما ثبت شد و پس از تأیید منتشر خواهد شد');
    expect(await countsText(page)).toBe('مجموع نظرات : ۳  در انتظار بررسی : ۲  انتشار یافته : ۱');
    expect(await page.locator('.comments').textContent()).not.toContain('گزارش دقیقی بود');
    await screenshot(page, 'article-phone');
    await page.close();

    // A moderator approves it through the admin API; a reload shows it and the counts.
    const row = await app.strapi.db
      .query('api::comment.comment')
      .findOne({ where: { body: 'گزارش دقیقی بود، ممنون.' } });
    expect(row.moderationStatus).toBe('pending');
    const approved = await app
      .http()
      .post(`/moderation/comments/${row.documentId}/approve`)
      .set('Authorization', moderator.auth);
    expect(approved.status).toBe(200);
    const reloaded = await open(`/articles/${articleId}`);
    expect(await reloaded.locator('.comments').textContent()).toContain('گزارش دقیقی بود، ممنون.');
    expect(await countsText(reloaded)).toBe('مجموع نظرات : ۳  در انتظار بررسی : ۱  انتشار یافته : ۲');
    // Oldest first.
    const bodies = await reloaded.locator('.comment-body').allTextContents();
    expect(bodies).toEqual([approvedBody, 'گزارش دقیقی بود، ممنون.']);
    await reloaded.close();
  });

  it('checks the form before sending, with the server’s own Persian messages', async () => {
    const before = await app.strapi.db.query('api::comment.comment').count();
    const page = await open(`/articles/${articleId}`);
    await page.getByLabel('نام').fill('سارا');
    await page.getByLabel('متن نظر').fill('ب');
    await page.getByRole('button', { name: 'ارسال نظر' }).click();
    expect(await page.locator('#comment-body-error').textContent()).toBe(message('comment_body_too_short').fa);
    expect(await page.getAttribute('#comment-body', 'aria-invalid')).toBe('true');
    expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before);
    await page.close();
  });

  it('shows the server’s Persian message when comments are rate-limited', async () => {
    const saved = [process.env.COMMENT_RATE_LIMIT_PER_MINUTE, process.env.COMMENT_RATE_LIMIT_PER_HOUR];
    process.env.COMMENT_RATE_LIMIT_PER_MINUTE = '1';
    process.env.COMMENT_RATE_LIMIT_PER_HOUR = '100';
    try {
      const page = await open(`/articles/${articleId}`);
      for (const body of ['نظر نخست دربارهٔ بودجه', 'نظر دوم دربارهٔ بودجه']) {
        await page.getByLabel('نام').fill('سارا');
        await page.getByLabel('متن نظر').fill(body);
        await page.getByRole('button', { name: 'ارسال نظر' }).click();
        await page.waitForSelector('.form-status.success, .form-status.failure');
      }
      expect(await page.locator('.form-status.failure').textContent()).toMatch(/^از اتصال شما نظرهای زیادی رسیده است/);
      await page.close();
    } finally {
      process.env.COMMENT_RATE_LIMIT_PER_MINUTE = saved[0];
      process.env.COMMENT_RATE_LIMIT_PER_HOUR = saved[1];
    }
  });

  it('says comments are closed instead of showing the form', async () => {
    const page = await open(`/articles/${closedId}`);
    expect(await page.locator('.closed').textContent()).toBe('امکان نظر دادن برای این خبر بسته است.');
    expect(await page.locator('form').count()).toBe(0);
    await page.close();
  });

  it('renders markup in a comment as text', async () => {
    const id = await commentWithStatus(app, articleId, 'approved', { authorName: '<b>نام</b>', body: XSS_BODY });
    expect((await commentRow(app.strapi, id)).moderationStatus).toBe('approved');
    const page = await open(`/articles/${articleId}`);
    const comment = page.locator('.comment', { hasText: 'نظر آزمایشی' });
    expect(await comment.locator('.comment-body').textContent()).toBe(XSS_BODY);
    expect(await comment.locator('.author').textContent()).toBe('<b>نام</b>');
    expect(await comment.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).__xss)).toBeUndefined();
    await page.close();
  });
});

describe('the English switch', () => {
  it('leads to the English front page and the English article, left to right', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/en`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Latest news');
    await page.locator('.card h2 a', { hasText: 'Tehran city council' }).click();
    await page.waitForSelector('article h1');
    expect(await page.locator('article h1').textContent()).toBe('Tehran city council passes the budget');
    expect(await countsText(page)).toMatch(/^Comments: \d+ {2}Awaiting review: \d+ {2}Published: \d+$/);
    expect(await page.locator('.policy').textContent()).toContain('after a moderator approves it');
    await screenshot(page, 'article-english-desktop');
    // And back to Persian, on the same article.
    await page.getByRole('link', { name: 'فارسی' }).click();
    await page.waitForSelector('body[data-ready="true"] article h1');
    expect(await page.locator('article h1').textContent()).toBe(TITLE);
    await page.close();
  });
});
