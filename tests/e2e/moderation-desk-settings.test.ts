import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { commentRow, commentWithStatus, newComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { launchBrowser, listen, loginThroughForm, screenshot } from './browser';

/**
 * The moderation desk's settings page, article side panel and home widget, in the built admin
 * panel (headless Chromium), used by a Moderator-only user, in English and in Persian.
 * Screenshots for the README go to docs/screenshots/.
 */
let app: TestApp;
let browser: Browser;
let baseUrl: string;
let moderator: AdminSession;
let deskOnly: AdminSession;
let articleId: string;

const PASSWORD = 'Khabar-Test-Password-1';
const ARTICLE_TITLE = 'بازگشایی پل تاریخی خواجو پس از مرمت';
/** A word the default list does not hold. */
const NEW_WORD = 'شغال';
const DOCS_SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

/** A screenshot for the README: the whole page, or the area around an element (its title above included). */
async function docsShot(page: Page, name: string, around?: Locator) {
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  const file = path.join(DOCS_SCREENSHOTS, `${name}.png`);
  if (!around) {
    await page.screenshot({ path: file, fullPage: true });
    return;
  }
  await around.scrollIntoViewIfNeeded();
  const box = await around.boundingBox();
  if (!box) throw new Error(`${name}: nothing to photograph`);
  const x = Math.max(0, box.x - 24);
  const y = Math.max(0, box.y - 72);
  await page.screenshot({ path: file, clip: { x, y, width: box.width + 48, height: box.height + (box.y - y) + 24 } });
}

/** The settings page from its top, tall enough to hold every section, with no notification over it. */
async function settingsShot(page: Page, name: string) {
  await page
    .getByRole('status')
    .filter({ hasText: /saved|ذخیره/ })
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.setViewportSize({ width: 1440, height: 2350 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await docsShot(page, name);
  await page.setViewportSize({ width: 1440, height: 1000 });
}

/** A browser session whose interface language is Persian (as the profile page stores it). */
async function persianSession(email: string) {
  const session = await loginThroughForm(browser, baseUrl, email, PASSWORD);
  await session.page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fa'));
  return session;
}

beforeAll(async () => {
  app = await startStrapi();
  moderator = await createAdmin(app.strapi, app.http, ['khabar-moderator']);
  const role = await app.strapi
    .service('admin::role')
    .create({ name: 'Desk only', code: 'khabar-e2e-desk-only', description: 'queue without settings' });
  await app.strapi.service('admin::role').assignPermissions(role.id, [
    { action: 'api::moderation.read', subject: null, properties: {}, conditions: [] },
    { action: 'api::moderation.moderate', subject: null, properties: {}, conditions: [] },
  ]);
  deskOnly = await createAdmin(app.strapi, app.http, ['khabar-e2e-desk-only']);
  articleId = (
    await createArticle(app.strapi, {
      title: ARTICLE_TITLE,
      lead: 'پل خواجو در اصفهان پس از دو سال مرمت دوباره به روی مردم باز شد.',
      body: 'مرمت پل تاریخی خواجو بر زاینده‌رود با بازسازی سنگفرش و طاق‌ها به پایان رسید.',
    })
  ).documentId;
  baseUrl = await listen(app);
  browser = await launchBrowser();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the screening settings page (Settings → Comment moderation)', () => {
  let page: Page;
  let pageErrors: string[];
  beforeAll(async () => {
    ({ page, pageErrors } = await loginThroughForm(browser, baseUrl, moderator.email, PASSWORD));
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('is listed in the Settings menu and opens with the stored settings', async () => {
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('link', { name: 'Screening settings' }).click();
    await page.waitForURL(/\/admin\/settings\/moderation/);
    const settings = page.locator('[data-khabar="moderation-settings"]');
    await settings.getByRole('heading', { name: 'Screening settings' }).waitFor();
    await settings.locator('[data-khabar="word-list-terms"]').getByText('مزدور', { exact: true }).waitFor();
    // The rate limits are fixed by the environment in the tests: the page says so at the field.
    await settings.getByText(/environment variable COMMENT_RATE_LIMIT_PER_MINUTE fixes it at 0/).waitFor();
  });

  it('adds a word in the page and saves: the next comment submitted is screened with it', async () => {
    const before = await newComment(app, articleId, { body: `مسئول این پروژه یک ${NEW_WORD} واقعی است و همه می‌دانند` });
    expect((await commentRow(app.strapi, before)).screening.flags).not.toContain('blocklisted');

    const settings = page.locator('[data-khabar="moderation-settings"]');
    await settings.getByLabel('New word or phrase').fill(NEW_WORD);
    await settings.getByRole('button', { name: 'Add', exact: true }).click();
    await settings.locator('[data-khabar="word-list-terms"]').getByText(NEW_WORD, { exact: true }).waitFor();
    await settings.getByText('Unsaved changes').waitFor();
    // A term already on the list under another spelling is refused in the page.
    await settings.getByLabel('New word or phrase').fill('خاين');
    await settings.getByRole('button', { name: 'Add', exact: true }).click();
    await settings.getByText('“خاین” is already on the list.').waitFor();

    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/moderation/settings') && response.request().method() === 'PUT',
    );
    await settings.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Settings saved. They apply to the next comment.').waitFor();

    const after = await newComment(app, articleId, {
      body: `مسئول این پروژه یک ${NEW_WORD} تمام‌عیار است، این را بدانید`,
    });
    const screening = (await commentRow(app.strapi, after)).screening;
    expect(screening.flags).toContain('blocklisted');
    expect(screening.blocklist).toEqual([NEW_WORD]);
  });

  it('shows the server’s refusal at the field and keeps what was typed', async () => {
    const settings = page.locator('[data-khabar="moderation-settings"]');
    const relevance = settings.getByLabel('Relevance threshold (0 to 1)');
    await relevance.fill('2');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('relevanceThreshold must be a number from 0 to 1.').waitFor();
    await expect(relevance.inputValue()).resolves.toBe('2');
    expect(
      (await app.http().get('/moderation/settings').set('Authorization', moderator.auth)).body.data.relevanceThreshold,
    ).toBe(0.1);
    // Persian digits are numbers too.
    await relevance.fill('۰٫۱');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved. They apply to the next comment.').first().waitFor();
    await settings.getByText('relevanceThreshold must be a number from 0 to 1.').waitFor({ state: 'detached' });
  });

  it('imports a text file: Persian spellings, duplicates dropped, shown before saving', async () => {
    const settings = page.locator('[data-khabar="moderation-settings"]');
    await settings.locator('[data-khabar="word-file"]').setInputFiles({
      name: 'words.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('دزد\nكلاش\n\nکلاش\nمزدوررر\n', 'utf8'),
    });
    await settings.getByText('From words.txt: 1 new, 3 already on the list, 0 too long. Not saved yet.').waitFor();
    // Written with an Arabic kaf in the file, listed with the Persian one.
    await settings.locator('[data-khabar="word-list-terms"]').getByText('کلاش', { exact: true }).waitFor();
    await settings.getByText('Unsaved changes').waitFor();
    const listed = (await app.http().get('/moderation/settings').set('Authorization', moderator.auth)).body.data
      .blocklist as string[];
    expect(listed).not.toContain('کلاش');
  });

  it('shows the verdict of a text typed in "Try a text", live, as badges', async () => {
    const box = page.locator('[data-khabar="try-text"]');
    await box.getByLabel('Comment text').fill(`این آقا ${NEW_WORD} است و به همه دروغ می‌گوید`);
    const verdict = box.locator('[data-khabar="screening-verdict"]');
    await verdict.locator('[data-flag="blocklisted"]').getByText('Blocklisted word').waitFor();
    await verdict.getByText('Suggested reason: Slander or accusation').waitFor();
    await verdict.getByText('Flagged: it would wait in the queue with these flags.').waitFor();
    await expect(verdict.textContent()).resolves.not.toContain('{');

    // With an article picked, relevance is measured against it.
    const picker = box.getByRole('combobox', { name: 'Article (for relevance)' });
    await picker.click();
    await picker.pressSequentially('خواجو');
    await page.getByRole('option', { name: ARTICLE_TITLE }).click();
    await box.getByLabel('Comment text').fill('بازار ارز امروز دوباره بالا رفت و دلار گران شد و طلا هم گران شد');
    await verdict.getByText(/^Relevance to the article: /).waitFor();
    await verdict.locator('[data-flag="off_topic"]').getByText('Off topic').waitFor();
    await screenshot(page, 'desk-settings-try-text');
    await settingsShot(page, 'settings-en');
  });
});

describe('the article side panel and the home widget', () => {
  let page: Page;
  let pageErrors: string[];
  let panelArticle: string;

  beforeAll(async () => {
    panelArticle = (await createArticle(app.strapi, { title: 'افتتاح کتابخانهٔ محلهٔ جلفا' })).documentId;
    ({ page, pageErrors } = await loginThroughForm(browser, baseUrl, moderator.email, PASSWORD));
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const openArticle = async (target: Page, documentId: string) => {
    await target.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=fa`,
    );
    return target.locator('[data-khabar="article-counts"]');
  };
  const count = (panel: Locator, name: string) => panel.locator(`[data-count="${name}"] span`).first();

  it('shows the article’s counts after comments are submitted and approved, with a link to them in the desk', async () => {
    let panel = await openArticle(page, panelArticle);
    await panel.waitFor();
    await expect(count(panel, 'total').textContent()).resolves.toBe('0');

    await commentWithStatus(app, panelArticle, 'pending');
    await commentWithStatus(app, panelArticle, 'pending');
    await commentWithStatus(app, panelArticle, 'approved');
    await commentWithStatus(app, panelArticle, 'rejected');
    panel = await openArticle(page, panelArticle);
    await panel.waitFor();
    await expect(count(panel, 'total').textContent()).resolves.toBe('4');
    await expect(count(panel, 'pending').textContent()).resolves.toBe('2');
    await expect(count(panel, 'published').textContent()).resolves.toBe('1');
    await panel.getByText('Rejected: 1').waitFor();
    const link = panel.locator('[data-khabar="article-desk-link"]');
    await expect(link.textContent()).resolves.toBe("Review this article's comments");
    await expect(link.getAttribute('href')).resolves.toBe(
      `/admin/plugins/moderation?article=${panelArticle}&tab=pending`,
    );
    await docsShot(page, 'article-panel-en', panel);
  });

  it('shows today’s figures and the last 14 days on the home page', async () => {
    const api = await app
      .http()
      .get(`/moderation/stats/daily?timeZone=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`)
      .set('Authorization', moderator.auth);
    const today = api.body.data.days[13];
    // Every comment of this test file arrived today, and these were decided today.
    expect(today.received).toBeGreaterThanOrEqual(6);
    expect(today.approved).toBe(1);
    expect(today.rejected).toBe(1);

    await page.goto(`${baseUrl}/admin`);
    const widget = page.locator('[data-khabar="queue-widget"]');
    await widget.waitFor();
    await widget.getByText(`${api.body.data.queue.pending} awaiting review`).waitFor();
    for (const name of ['received', 'pending', 'approved', 'rejected']) {
      await expect(widget.locator(`[data-figure="${name}"] span`).first().textContent()).resolves.toBe(
        String(today[name]),
      );
    }
    await expect(widget.locator('[data-khabar="daily-chart"] g[data-date]').count()).resolves.toBe(14);
    await docsShot(page, 'widget-en', widget);
  });
});

describe('in Persian', () => {
  it('the settings page, the side panel and the widget read right to left in Persian', async () => {
    const { page, pageErrors, context } = await persianSession(moderator.email);
    await page.goto(`${baseUrl}/admin/settings/moderation`);
    const settings = page.locator('[data-khabar="moderation-settings"]');
    await settings.getByRole('heading', { name: 'تنظیمات غربال نظرها' }).waitFor();
    await expect(settings.getAttribute('dir')).resolves.toBe('rtl');
    await settings.getByText('فهرست واژه‌های ممنوع').waitFor();
    await settings.locator('[data-flag="blocklisted"]').getByText('واژهٔ ممنوع').waitFor();
    await settings.getByText(/متغیر محیطی COMMENT_RATE_LIMIT_PER_MINUTE آن را روی ۰ ثابت کرده است/).waitFor();
    const box = page.locator('[data-khabar="try-text"]');
    await box.getByLabel('متن نظر').fill(`این آقا ${NEW_WORD} است و به همه دروغ می‌گوید`);
    await box.locator('[data-flag="blocklisted"]').getByText('واژهٔ ممنوع').waitFor();
    await box.getByText('دلیل پیشنهادی: تهمت یا افترا').waitFor();
    await settingsShot(page, 'settings-fa');

    const panel = page.locator('[data-khabar="article-counts"]');
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::article.article/${articleId}?plugins[i18n][locale]=fa`,
    );
    await panel.waitFor();
    await panel.getByText('در انتظار بررسی').waitFor();
    await panel.getByText('بررسی نظرهای این خبر').waitFor();
    await expect(panel.getAttribute('dir')).resolves.toBe('rtl');
    await docsShot(page, 'article-panel-fa', panel);

    await page.goto(`${baseUrl}/admin`);
    const widget = page.locator('[data-khabar="queue-widget"]');
    await widget.getByText(/نظر در انتظار بررسی/).waitFor();
    await widget.getByText('امروز').waitFor();
    await docsShot(page, 'widget-fa', widget);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('a user without the settings permission', () => {
  it('sees no settings link and no settings page', async () => {
    const { page, pageErrors, context } = await loginThroughForm(browser, baseUrl, deskOnly.email, PASSWORD);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole('navigation').first().waitFor();
    await expect(page.getByRole('link', { name: 'Screening settings' }).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/admin/settings/moderation`);
    await page
      .getByText(/permission/i)
      .first()
      .waitFor();
    await expect(page.locator('[data-khabar="moderation-settings"]').count()).resolves.toBe(0);
    // The home widget is there: it needs only the queue permission.
    await page.goto(`${baseUrl}/admin`);
    await page.locator('[data-khabar="queue-widget"]').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
