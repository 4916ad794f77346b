import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { commentRow, newComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { launchBrowser, listen, loginThroughForm, SCREENSHOTS, screenshot } from './browser';

/**
 * The moderation desk ("بررسی نظرات"), as a user holding ONLY the Moderator role works it with
 * the Persian interface, in the built admin panel served by a real Strapi (one for the file).
 */
let app: TestApp;
let browser: Browser;
let baseUrl: string;
let moderator: AdminSession;
let editor: AdminSession;
let articleId: string;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const keyboardIds: string[] = [];
const bulkIds: string[] = [];
let flaggedId: string;

const PASSWORD = 'Khabar-Test-Password-1';
const ARTICLE_TITLE = 'آغاز سدسازی تازه در استان';
const FLAGGED_BODY = 'این مسئول یک دزد واقعی است و همه این را می‌دانند';
const BULK_WORD = 'آبخیزداری';
const DOCS_SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const DESK = '/admin/plugins/moderation';

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  editor = await createAdmin(app.strapi, app.http, ['strapi-editor']);
  articleId = (await createArticle(app.strapi, { title: ARTICLE_TITLE })).documentId;
  // Oldest first in the pending tab: five to approve by keyboard, then the flagged one, then twenty for the bulk action.
  const ordinary = [
    'سدسازی بی‌رویه به محیط زیست آسیب می‌زند.',
    'امیدوارم این طرح به کشاورزان منطقه کمک کند.',
    'هزینهٔ این سد چقدر است و چه کسی آن را می‌پردازد؟',
    'گزارش دقیقی بود، از خبرنگار سپاسگزارم.',
    'کاش دربارهٔ آب شرب شهر هم بنویسید.',
  ];
  for (const body of ordinary) {
    keyboardIds.push(await newComment(app, articleId, { body, authorName: 'سارا', authorEmail: 'sara@example.com' }));
  }
  flaggedId = await newComment(app, articleId, { body: FLAGGED_BODY, authorName: 'ناشناس' });
  for (let index = 1; index <= 20; index++) {
    bulkIds.push(
      await newComment(app, articleId, {
        body: `نظر ${index}: ${BULK_WORD} بهتر از سدسازی است ${Math.random().toString(36).slice(2, 8)}`,
        authorName: `خواننده ${index}`,
      }),
    );
  }
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  baseUrl = await listen(app);
  browser = await launchBrowser();
  ({ context, page, pageErrors } = await loginThroughForm(browser, baseUrl, moderator.email, PASSWORD));
  // The interface language, as the profile page stores it.
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fa'));
}, 180000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

const card = (documentId: string) => page.locator(`[data-desk="comment"][data-document-id="${documentId}"]`);
const focusedId = () => page.locator('[data-desk="comment"][aria-current="true"]').getAttribute('data-document-id');
const tabCount = async (tab: string) =>
  (await page.locator(`[data-desk-tab="${tab}"] [data-desk="tab-count"]`).textContent())?.trim();
const statusOf = async (documentId: string) => (await commentRow(app.strapi, documentId)).moderationStatus;

async function waitForStatus(ids: string[], status: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const statuses = await Promise.all(ids.map(statusOf));
    if (statuses.every((value) => value === status)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`comments not ${status}: ${ids.join(', ')}`);
}

describe('a Moderator with the Persian interface', () => {
  it('opens the desk from the main menu: right to left, pending comments oldest first with their flags as badges', async () => {
    await page.goto(`${baseUrl}/admin`);
    await page.getByRole('link', { name: 'بررسی نظرات' }).click();
    await page.waitForURL(/\/admin\/plugins\/moderation/);
    await card(keyboardIds[0] as string).waitFor();
    expect(await page.locator('[data-desk="page"]').getAttribute('dir')).toBe('rtl');
    const order = await page
      .locator('[data-desk="comment"]')
      .evaluateAll((cards) => cards.map((element) => element.getAttribute('data-document-id')));
    expect(order).toEqual([...keyboardIds, flaggedId, ...bulkIds]);
    expect(await tabCount('pending')).toBe('(۲۶)');

    const flagged = card(flaggedId);
    await expect(flagged.locator('[data-flag="blocklisted"]').textContent()).resolves.toBe('واژهٔ ممنوع');
    await expect(flagged.locator('[data-desk="suggested"]').textContent()).resolves.toBe(
      'دلیل پیشنهادی: تهمت یا افترا',
    );
    await expect(flagged.locator('[data-desk="blocklisted"]').allTextContents()).resolves.toEqual(['دزد']);
    await expect(flagged.locator('[data-desk="author-history"]').textContent()).resolves.toBe('نخستین نظر این خواننده');
    // A Solar Hijri date in Persian digits, and the article linked to the content manager.
    await expect(flagged.locator('[data-desk="received"]').textContent()).resolves.toMatch(/۱۴۰[۰-۹]/);
    await expect(flagged.locator('[data-desk="article-link"]').getAttribute('href')).resolves.toContain(
      `/content-manager/collection-types/api::article.article/${articleId}`,
    );
    // The shortcuts are on the page.
    await expect(page.locator('[data-desk="shortcuts"]').textContent()).resolves.toContain('تأیید');
    await screenshot(page, 'desk-01-pending-fa');
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'moderation-desk-fa.png') });
  });

  it('rejects the flagged comment with the suggested reason preselected and a note', async () => {
    await card(flaggedId).locator('[data-desk="comment-text"]').click();
    expect(await focusedId()).toBe(flaggedId);
    await page.keyboard.press('r');
    const dialog = page.locator('[data-desk="reject-dialog"]');
    await dialog.waitFor();
    await expect(dialog.getByRole('radio', { name: 'تهمت یا افترا' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('textbox').fill('اتهام بی‌پایه به یک مسئول');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-02-reject-dialog.png'), animations: 'disabled' });
    await dialog.locator('[data-desk="reject-confirm"]').click();
    await waitForStatus([flaggedId], 'rejected');
    expect(await commentRow(app.strapi, flaggedId)).toMatchObject({
      rejectionReason: 'slander',
      moderationNote: 'اتهام بی‌پایه به یک مسئول',
    });
    // Out of the pending list, the next comment focused, and the counts follow without a reload.
    await card(flaggedId).waitFor({ state: 'detached' });
    expect(await focusedId()).toBe(bulkIds[0]);
    await page.locator('[data-desk-tab="rejected"]').getByText('(۱)').waitFor();
    expect(await tabCount('pending')).toBe('(۲۵)');
  });

  it('approves five pending comments with five keystrokes', async () => {
    await page.goto(`${baseUrl}${DESK}`);
    await card(keyboardIds[0] as string).waitFor();
    expect(await focusedId()).toBe(keyboardIds[0]);
    let keystrokes = 0;
    const started = Date.now();
    for (let index = 0; index < 5; index++) {
      await page.keyboard.press('a');
      keystrokes += 1;
      // The next comment takes the focus at once (the request runs behind it).
      await page
        .locator(
          `[data-desk="comment"][aria-current="true"][data-document-id="${index < 4 ? keyboardIds[index + 1] : bulkIds[0]}"]`,
        )
        .waitFor();
    }
    await waitForStatus(keyboardIds, 'approved');
    await page.locator('[data-desk-tab="approved"]').getByText('(۵)').waitFor();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`[desk] 5 approvals by keyboard: ${keystrokes} keystrokes, ${seconds.toFixed(2)} s\n`);
    expect(keystrokes).toBeLessThanOrEqual(10);
    expect(await tabCount('pending')).toBe('(۲۰)');
    await screenshot(page, 'desk-03-after-keyboard');
  });

  it('bulk approves twenty found by a search, after a confirmation', async () => {
    await page.getByRole('searchbox').fill(BULK_WORD);
    await page.getByRole('searchbox').press('Enter');
    await page.locator('[data-desk="results"]').getByText('۲۰ نظر').waitFor();
    await page.locator('[data-desk="select-page"]').click();
    await page.locator('[data-desk="bulk-bar"]').getByText('۲۰ نظر انتخاب شده').waitFor();
    await page.getByRole('button', { name: 'تأیید انتخاب‌شده‌ها' }).click();
    await page.getByRole('alertdialog').getByText('۲۰ نظر تأیید و بی‌درنگ منتشر شود؟').waitFor();
    await screenshot(page, 'desk-04-bulk-confirm');
    await page.locator('[data-desk="bulk-confirm"]').click();
    await waitForStatus(bulkIds, 'approved');
    await page.locator('[data-desk-tab="approved"]').getByText('(۲۵)').waitFor();
    await page.locator('[data-desk="empty"]').waitFor();
    expect(await tabCount('pending')).toBe('(۰)');
  });

  it('publishes what was approved and not what was rejected', async () => {
    const response = await app
      .http()
      .get(`/api/comments?filters[article][documentId][$eq]=${articleId}&pagination[pageSize]=100`);
    expect(response.status).toBe(200);
    const visible = response.body.data.map((comment: { documentId: string }) => comment.documentId).sort();
    expect(visible).toEqual([...keyboardIds, ...bulkIds].sort());
    expect((await app.http().get(`/api/comments/${flaggedId}`)).status).toBe(404);
  });

  it("shows a comment's decisions in its card and the audit trail with its filters", async () => {
    await page.goto(`${baseUrl}${DESK}?tab=rejected`);
    const rejected = card(flaggedId);
    await rejected.locator('[data-desk="decisions"]').getByText('اتهام بی‌پایه به یک مسئول', { exact: false }).waitFor();
    await screenshot(page, 'desk-05-rejected-tab');
    await page.getByRole('button', { name: 'سابقهٔ تصمیم‌ها' }).click();
    await page.locator('[data-desk="event"]').first().waitFor();
    expect(await page.locator('[data-desk="event"]').count()).toBe(26);
    await page.getByRole('combobox', { name: 'دلیل' }).click();
    await page.getByRole('option', { name: 'تهمت یا افترا' }).click();
    await page.locator('[data-desk="event"]').nth(1).waitFor({ state: 'detached' });
    await expect(page.locator('[data-desk="event"]').textContent()).resolves.toContain('اتهام بی‌پایه');
    await screenshot(page, 'desk-06-audit-trail');
  });

  it('reads the same desk in English, left to right', async () => {
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
    await page.goto(`${baseUrl}${DESK}?tab=all`);
    await card(flaggedId).waitFor();
    expect(await page.locator('[data-desk="page"]').getAttribute('dir')).toBe('ltr');
    await expect(card(flaggedId).locator('[data-flag="blocklisted"]').textContent()).resolves.toBe('Blocklisted word');
    await page.getByRole('link', { name: 'Moderation', exact: true }).waitFor();
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'moderation-desk-en.png') });
  });
});

describe('a user without the moderate permission', () => {
  it('sees no menu entry and is refused by the API', async () => {
    const session = await loginThroughForm(browser, baseUrl, editor.email, PASSWORD);
    try {
      await session.page.goto(`${baseUrl}/admin`);
      await session.page.getByRole('link', { name: 'Content Manager' }).waitFor();
      expect(await session.page.getByRole('link', { name: 'Moderation', exact: true }).count()).toBe(0);
      await session.page.goto(`${baseUrl}${DESK}`);
      await session.page.getByText(/permissions to access/i).waitFor();
      expect(await session.page.locator('[data-desk="comment"]').count()).toBe(0);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.context.close();
    }
    for (const path of ['/moderation/comments', '/moderation/events']) {
      expect((await app.http().get(path).set('Authorization', editor.auth)).status).toBe(403);
    }
    const approve = await app
      .http()
      .post(`/moderation/comments/${flaggedId}/reopen`)
      .set('Authorization', editor.auth)
      .send({});
    expect(approve.status).toBe(403);
  });
});
