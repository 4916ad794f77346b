import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REJECTION_REASON_LABELS, REJECTION_REASONS } from '../../src/plugins/moderation/server/src/domain/vocabulary';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { COMMENT_UID, newComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { launchBrowser, listen, waitForDrawn } from './browser';

/**
 * The admin panel in Persian, as an editor and moderator use it every day: the built bundle
 * served by a real Strapi, in headless Chromium, in a browser that never chose a language.
 * Screenshots go to docs/screenshots (shown in the README).
 */
let app: TestApp;
let browser: Browser;
let baseUrl: string;
let admin: AdminSession;
let context: BrowserContext;
let page: Page;
let articleId: string;
let commentId: string;
const pageErrors: string[] = [];
/** Every request the pages made for a font or a style sheet, and every one that left the origin. */
const fontRequests: string[] = [];
const foreignRequests: string[] = [];

const PASSWORD = 'Khabar-Test-Password-1';
const DOCS_SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const ARTICLE_LIST = '/admin/content-manager/collection-types/api::article.article';
const COMMENT_LIST = `/admin/content-manager/collection-types/${COMMENT_UID}`;
const ARTICLE_TITLE = 'افتتاح نمایشگاه کتاب تهران با حضور ناشران شهرستانی';

async function shot(name: string) {
  // No horizontal overflow: in a right-to-left page it once hid everything behind a dialog.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(1440);
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `admin-${name}.png`), fullPage: false });
}

/** The visible text of the page and the accessible names of its links and buttons. */
async function pageWords(): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], img[alt]')].map(
      (element) =>
        `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''} ${element.getAttribute('alt') ?? ''}`,
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line by line, is what a reader sees
    return `${document.body.innerText}\n${labels.join('\n')}`;
  });
}

/** Persian strings that must be on the page, and English ones (Strapi's own) that must not. */
async function expectPersian(shown: string[], englishGone: string[]) {
  for (const text of shown) await page.getByText(text, { exact: false }).first().waitFor();
  const words = await pageWords();
  for (const text of shown) expect(words).toContain(text);
  const lines = words.split('\n').map((line) => line.trim());
  for (const english of englishGone) {
    expect(lines.filter((line) => line === english || line.startsWith(`${english} `))).toEqual([]);
  }
}

/** The comment edit view's moderation side panel (src/admin/moderation.tsx) and its title. */
const moderationPanel = () => page.locator('[data-khabar="moderation-panel"]');
const moderationPanelTitle = () =>
  page.locator('aside').filter({ has: moderationPanel() }).getByRole('heading', { level: 2 });

async function expectDirectionAndFont(direction: 'rtl' | 'ltr', language: string) {
  const look = await page.evaluate(async () => {
    await document.fonts.ready;
    const heading = document.querySelector('h1') ?? document.body;
    return {
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      bodyFont: getComputedStyle(document.body).fontFamily,
      headingFont: getComputedStyle(heading).fontFamily,
      vazirmatnLoaded: [...document.fonts].some(
        (face) => face.family.replace(/["']/g, '') === 'Vazirmatn' && face.status === 'loaded',
      ),
    };
  });
  expect(look.dir).toBe(direction);
  expect(look.lang).toBe(language);
  if (language === 'fa') {
    expect(look.bodyFont).toMatch(/^"?Vazirmatn/);
    expect(look.headingFont).toMatch(/^"?Vazirmatn/);
    expect(look.vazirmatnLoaded).toBe(true);
  } else {
    expect(look.bodyFont).not.toMatch(/Vazirmatn/);
  }
}

beforeAll(async () => {
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  app = await startStrapi();
  admin = await createAdmin(app.strapi, app.http);
  const source = await createSource(app.strapi, { name: 'خبرگزاری ایرنا', kind: 'news_agency' });
  articleId = (
    await createArticle(app.strapi, {
      title: ARTICLE_TITLE,
      lead: 'نمایشگاه امسال با ۲ هزار ناشر و بخش ویژهٔ کودکان برگزار می‌شود.',
      body: 'نمایشگاه کتاب تهران امروز کار خود را آغاز کرد.\n\nبخش ناشران شهرستانی امسال بزرگ‌تر شده است.',
      source: source.documentId,
    })
  ).documentId;
  commentId = await newComment(app, articleId, {
    body: 'کاش ساعت کار نمایشگاه تا شب ادامه داشته باشد.',
    authorName: 'سارا محمدی',
  });
  await newComment(app, articleId, { body: 'بخش کودکان امسال خیلی بهتر شده است.', authorName: 'رضا کریمی' });
  baseUrl = await listen(app);
  browser = await launchBrowser();
  // A browser that never chose an interface language (no `strapi-admin-language` stored).
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(20000);
  const origin = new URL(baseUrl).origin;
  context.on('request', (request) => {
    const type = request.resourceType();
    if (type === 'font' || type === 'stylesheet') fontRequests.push(request.url());
    if (new URL(request.url()).origin !== origin) foreignRequests.push(`${type} ${request.url()}`);
  });
  // Nothing leaves the machine: the admin's analytics and release check get an empty answer.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }),
  );
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
}, 120000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('the admin panel in Persian', () => {
  it('opens the login page in Persian, right to left, on a browser that never chose a language', async () => {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await expectPersian(
      ['به میز خبر خوش آمدید', 'به حساب خود در پنل مدیریت وارد شوید', 'ایمیل', 'گذرواژه', 'مرا به خاطر بسپار', 'ورود'],
      ['Welcome to Strapi!', 'Log in to your Strapi account', 'Email', 'Password', 'Remember me', 'Login'],
    );
    await expectDirectionAndFont('rtl', 'fa');
    await expect(page.evaluate(() => localStorage.getItem('strapi-admin-language'))).resolves.toBe('fa');
    // The language menu of the login page offers Persian by its own name.
    await page.getByRole('combobox', { name: 'زبان پنل را انتخاب کنید' }).click();
    await page.getByRole('option', { name: 'فارسی' }).waitFor();
    await page.getByRole('option', { name: 'English' }).waitFor();
    await page.keyboard.press('Escape');
    await shot('fa-login');

    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
  });

  it('greets on the home page and names the main navigation in Persian', async () => {
    await page.goto(`${baseUrl}/admin`);
    await expectPersian(
      ['سلام', 'به پنل مدیریت خبر خوش آمدید', 'آخرین مطلب‌های ویرایش‌شده'],
      ['Welcome to your administration panel', 'Last edited entries', 'Last published entries'],
    );
    for (const name of ['خانه', 'مدیریت محتوا', 'کتابخانهٔ رسانه', 'صف بررسی نظرها']) {
      await page.getByRole('navigation').getByRole('link', { name }).first().waitFor();
    }
    const words = await pageWords();
    for (const english of ['Content Manager', 'Media Library', 'Comment queue']) expect(words).not.toContain(english);
    await expectDirectionAndFont('rtl', 'fa');
    await shot('fa-home');

    // A dialog, right to left: the home page's "add a widget".
    await page.getByRole('button', { name: 'افزودن بخش' }).first().click();
    await page.getByRole('dialog').getByText('افزودن بخش').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // A Super Admin may be offered Strapi's guided tour, whose pop-ups would cover the pages
    // below: close it (through its Persian confirmation) when it is there.
    const closeTour = page.getByRole('button', { name: 'بستن راهنما' });
    if (await closeTour.isVisible()) {
      await closeTour.click();
      const confirmation = page.getByRole('alertdialog');
      await confirmation.getByText('مطمئن هستید که می‌خواهید راهنما را ببندید؟').waitFor();
      await confirmation.getByRole('button', { name: 'تأیید' }).click();
      await confirmation.waitFor({ state: 'detached' });
    }
  });

  it('lists articles with Persian headers, filters, states and pagination', async () => {
    await page.goto(`${baseUrl}${ARTICLE_LIST}`);
    await page.locator('tbody tr').first().waitFor();
    const headers = (await page.locator('thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['شناسه', 'تیتر', 'انتشار']));
    await expectPersian(
      ['ساختن مطلب تازه', 'فیلترها', 'منتشرشده', ARTICLE_TITLE],
      ['Create new entry', 'Filters', 'Published', 'Draft', 'Entries per page', 'Configure the view'],
    );
    await page.getByRole('button', { name: 'فیلترها' }).click();
    await page.getByRole('combobox', { name: 'انتخاب فیلد' }).click();
    await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['تیتر', 'منبع', 'وضعیت انتشار']),
    );
    await shot('fa-filters');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // The list's screenshot without the filter popover fading out over it.
    await page.getByRole('button', { name: 'افزودن فیلتر' }).waitFor({ state: 'hidden' });
    await expectDirectionAndFont('rtl', 'fa');
    await shot('fa-article-list');
  });

  it('edits an article with Persian field labels, buttons, draft/published tabs and locale picker', async () => {
    await page.goto(`${baseUrl}${ARTICLE_LIST}/${articleId}?plugins[i18n][locale]=fa`);
    await page.getByRole('textbox', { name: 'تیتر' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'تیتر' }).inputValue()).resolves.toBe(ARTICLE_TITLE);
    await expectPersian(
      ['لید', 'متن خبر', 'منبع', 'عکس اصلی', 'ذخیره', 'انتشار', 'پیش‌نویس', 'منتشرشده', 'مطلب'],
      ['Save', 'Publish', 'Draft', 'Published', 'Entry', 'title', 'lead', 'body', 'Locales'],
    );
    await expectDirectionAndFont('rtl', 'fa');
    await shot('fa-article-edit');
  });

  it('lists and edits comments with field names people use', async () => {
    await page.goto(`${baseUrl}${COMMENT_LIST}`);
    await page.locator('tbody tr').first().waitFor();
    const headers = (await page.locator('thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['شناسه', 'متن نظر', 'نام نویسنده', 'خبر', 'وضعیت', 'زمان ثبت']));
    expect(headers.filter((header) => /[A-Za-z]/.test(header))).toEqual([]);
    // Enumeration values are named in the list too, not printed raw.
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('در انتظار بررسی');
    expect(await pageWords()).not.toMatch(/\bpending\b/);
    await shot('fa-comment-list');

    await page.goto(`${baseUrl}${COMMENT_LIST}/${commentId}`);
    await page.getByRole('textbox', { name: 'متن نظر' }).waitFor();
    await expectPersian(
      ['نام نویسنده', 'ایمیل نویسنده', 'وضعیت', 'دلیل رد', 'یادداشت بررسی', 'ذخیره'],
      ['Save', 'authorName', 'moderationStatus', 'rejectionReason', 'Comment text', 'Author name'],
    );
    await page.getByRole('combobox', { name: 'وضعیت' }).click();
    await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['در انتظار بررسی', 'تأییدشده', 'ردشده']),
    );
    await page.keyboard.press('Escape');

    // The moderation side panel, in Persian alone: no English, no bilingual "Pending (…)".
    const panel = moderationPanel();
    await panel.getByText('وضعیت: در انتظار بررسی', { exact: true }).waitFor();
    await panel.getByText('هنوز بررسی نشده است', { exact: true }).waitFor();
    await expect(moderationPanelTitle().textContent()).resolves.toBe('بررسی نظر');
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).toMatch(/غربال خودکار نشانه‌ای پیدا نکرد|نشانه‌های غربال: /);
    expect(panelText).not.toMatch(/[A-Za-z]/);
    await expect(panel.getAttribute('dir')).resolves.toBe('rtl');
    await expectDirectionAndFont('rtl', 'fa');
    await shot('fa-comment-edit');
  });

  it('moderates from the comment list in Persian: bulk actions, their dialogs and notifications, then the side panel', async () => {
    await page.goto(`${baseUrl}${COMMENT_LIST}`);
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: 'انتخاب همهٔ مطلب‌ها' }).check();
    for (const name of ['تأیید', 'رد…', 'بازگرداندن به صف']) {
      await waitForDrawn(page, page.getByRole('button', { name, exact: true }));
    }
    const words = await pageWords();
    for (const english of ['Approve', 'Reject…', 'Reopen']) expect(words).not.toContain(english);

    // Reject: the modal speaks Persian, refuses without a reason, and lists the reasons in Persian.
    await page.getByRole('button', { name: 'رد…', exact: true }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('heading', { name: 'رد ۲ نظر' }).waitFor();
    await modal.getByRole('button', { name: 'رد شود' }).click();
    await modal.getByText('بدون دلیل نمی‌شود نظری را رد کرد؛ دلیلی انتخاب کنید.').waitFor();
    await modal.getByRole('textbox', { name: 'یادداشت' }).waitFor();
    await modal.getByText('اختیاری؛ در سابقهٔ تصمیم‌ها می‌ماند و خوانندگان آن را نمی‌بینند.').waitFor();
    await modal.getByRole('button', { name: 'انصراف' }).waitFor();
    // The reason's label (a required field: an asterisk follows it).
    await modal.getByRole('combobox', { name: /^دلیل/ }).click();
    await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(
      REJECTION_REASONS.map((reason) => REJECTION_REASON_LABELS[reason].fa),
    );
    await page.keyboard.press('Escape');
    // Everything ours is Persian. The content manager draws the modal's header, whose close
    // button keeps the design system's English screen-reader label (no way to pass another).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line by line
    const modalLines = (await modal.innerText()).split('\n').filter((line) => line.trim() !== 'Close modal');
    expect(modalLines.join('\n')).not.toMatch(/[A-Za-z]/);
    await shot('fa-comment-bulk-reject');
    await modal.getByRole('button', { name: 'انصراف' }).click();
    await modal.waitFor({ state: 'detached' });

    // Approve: the confirmation and the notification in Persian, with Persian digits.
    await page.getByRole('button', { name: 'تأیید', exact: true }).click();
    const confirmation = page.getByRole('alertdialog');
    await confirmation.getByText('تأیید نظرها').waitFor();
    await confirmation.getByText('۲ نظر تأیید و بی‌درنگ منتشر شود؟').waitFor();
    await confirmation.getByRole('button', { name: 'تأیید' }).click();
    await page.getByText('۲ نظر تأیید شد.').waitFor();
    expect(
      (await app.strapi.db.query(COMMENT_UID).findMany({ select: ['moderationStatus'] })).map(
        (row: { moderationStatus: string }) => row.moderationStatus,
      ),
    ).toEqual(['approved', 'approved']);

    // The side panel names the decision and its date in the Solar Hijri calendar.
    await page.goto(`${baseUrl}${COMMENT_LIST}/${commentId}`);
    const panel = moderationPanel();
    await panel.getByText('وضعیت: تأییدشده', { exact: true }).waitFor();
    const decided = (await panel.getByText(/^بررسی‌شده به دست /).textContent()) ?? '';
    const [who, ...date] = decided.replace('بررسی‌شده به دست ', '').split('، ');
    // The Latin name isolated, so the date's digits do not join its left-to-right run.
    expect(who).toMatch(/^\u2068Test Admin \d+\u2069$/);
    expect(date.join('، ')).toMatch(/۱۴[۰-۹]{2}/);
    expect(date.join('، ')).not.toMatch(/[0-9]/);
  });

  it('shows the media library in Persian', async () => {
    await page.goto(`${baseUrl}/admin/plugins/upload`);
    await expectPersian(['کتابخانهٔ رسانه', 'هنوز رسانه‌ای نیست'], ['Media Library', 'No assets yet', 'Folders']);
    await expectDirectionAndFont('rtl', 'fa');
    await shot('fa-media-library');
  });

  it('shows the profile in Persian and switches to English and back without a reload', async () => {
    await page.goto(`${baseUrl}/admin/me`);
    await expectPersian(
      ['پروفایل', 'نام', 'نام خانوادگی', 'گذرواژهٔ کنونی', 'زبان پنل', 'حالت نمایش'],
      ['Profile', 'First name', 'Last name', 'Interface language', 'Interface mode', 'Experience'],
    );
    await expectDirectionAndFont('rtl', 'fa');
    await shot('fa-profile');

    // A marker on the window survives only if the page is not reloaded.
    await page.evaluate(() => {
      (window as unknown as { khabarMarker: boolean }).khabarMarker = true;
    });
    await page.getByRole('combobox', { name: 'زبان پنل' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('Interface language').waitFor();
    await expectDirectionAndFont('ltr', 'en');
    await expect(page.evaluate(() => (window as unknown as { khabarMarker?: boolean }).khabarMarker)).resolves.toBe(
      true,
    );
    await shot('en-profile');

    // English pages, with the same people's names for the fields.
    await page.goto(`${baseUrl}${COMMENT_LIST}/${commentId}`);
    await page.getByRole('textbox', { name: 'Comment text' }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).waitFor();
    // The moderation side panel in English alone.
    const panel = moderationPanel();
    await panel.getByText('Status: Approved', { exact: true }).waitFor();
    await expect(moderationPanelTitle().textContent()).resolves.toBe('Moderation');
    await expect(panel.getByText(/^Moderated by \u2068Test Admin \d+\u2069 on .*20\d\d/).count()).resolves.toBe(1);
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).toMatch(/Screening flags: (none|[A-Z])/);
    expect(panelText).not.toMatch(/[\u0600-\u06FF]/);
    await expect(panel.getAttribute('dir')).resolves.toBe('ltr');
    await shot('en-comment-edit');
    // The list's moderation bulk actions in English.
    await page.goto(`${baseUrl}${COMMENT_LIST}`);
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: 'Select all entries' }).check();
    await page.getByText('2 entries selected').waitFor();
    for (const name of ['Approve', 'Reject…', 'Reopen']) {
      await waitForDrawn(page, page.getByRole('button', { name, exact: true }));
    }
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.getByRole('alertdialog').getByText('Send 2 comments back to the queue?').waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${baseUrl}${ARTICLE_LIST}/${articleId}?plugins[i18n][locale]=fa`);
    await page.getByRole('textbox', { name: 'Headline' }).waitFor();
    await shot('en-article-edit');
    await page.goto(`${baseUrl}/admin`);
    await page.getByText('Welcome to your administration panel').waitFor();
    await shot('en-home');

    await page.goto(`${baseUrl}/admin/me`);
    await page.getByRole('combobox', { name: 'Interface language' }).click();
    await page.getByRole('option', { name: 'فارسی' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('زبان پنل').waitFor();
    await expectDirectionAndFont('rtl', 'fa');
  });

  it('loaded its fonts from its own origin only', () => {
    const origin = new URL(baseUrl).origin;
    expect(fontRequests.some((url) => /vazirmatn-arabic-\d+-normal-[\w-]+\.woff2$/.test(url))).toBe(true);
    expect(fontRequests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(foreignRequests.filter((request) => /^(font|stylesheet) /.test(request))).toEqual([]);
    expect(foreignRequests.filter((request) => /fonts\.|typekit|bunny|gstatic|jsdelivr|unpkg/.test(request))).toEqual(
      [],
    );
  });
});
