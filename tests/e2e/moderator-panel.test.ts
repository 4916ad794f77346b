import type { Browser, Page } from 'playwright-core';
import { type AdminSession, createAdmin } from '../helpers/admin';
import { createArticle } from '../helpers/content';
import { COMMENT_UID, commentRow, EVENT_UID, newComment } from '../helpers/moderation';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { launchBrowser, listen, loginThroughForm, screenshot } from './browser';

/**
 * The admin panel as it ships (the built bundle in dist/build, served by a real Strapi), used
 * by a user who holds ONLY the Moderator role, in headless Chromium.
 */
let app: TestApp;
let browser: Browser;
let baseUrl: string;
let superAdmin: AdminSession;
let page: Page;
let pageErrors: string[];
let articleId: string;
const comments: string[] = [];

const MODERATOR = { email: 'moderator-e2e@khabar.test', password: 'Moderator-Pass-1' };
const COMMENT_LIST = '/admin/content-manager/collection-types/api::comment.comment';
const ARTICLE_TITLE = 'بازگشایی کتابخانهٔ ملی پس از نوسازی';

/** Creates the moderator as a Super Admin would: invite through the admin API, then register. */
async function createModeratorThroughAdminApi() {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'khabar-moderator' } });
  const invited = await app
    .http()
    .post('/admin/users')
    .set('Authorization', superAdmin.auth)
    .send({ email: MODERATOR.email, firstname: 'Maryam', lastname: 'Moderator', roles: [role.id] });
  expect(invited.status).toBe(201);
  const registered = await app
    .http()
    .post('/admin/register')
    .send({
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: 'Maryam', lastname: 'Moderator', password: MODERATOR.password },
    });
  expect(registered.status).toBe(200);
  expect(registered.body.data.user.roles ?? [role]).toHaveLength(1);
}

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await createAdmin(app.strapi, app.http);
  articleId = (await createArticle(app.strapi, { title: ARTICLE_TITLE })).documentId;
  const bodies = [
    'کتابخانه بالاخره باز شد، خیلی خوشحالم.',
    'ساعت کاری کتابخانه در روزهای تعطیل چیست؟',
    'خرید ارزان گوشی در سایت ما http://spam.example',
    'بازسازی این ساختمان تاریخی کار درستی بود.',
    'امیدوارم بخش کودکان هم گسترش پیدا کند.',
  ];
  for (const body of bodies) {
    comments.push(await newComment(app, articleId, { body, authorEmail: 'reader@example.com' }));
  }
  await createModeratorThroughAdminApi();
  baseUrl = await listen(app);
  browser = await launchBrowser();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The content manager's edit view of one comment, once its form has loaded. */
async function openComment(documentId: string) {
  await page.goto(`${baseUrl}${COMMENT_LIST}/${documentId}`);
  await page.getByRole('combobox', { name: 'Status' }).waitFor();
}

async function choose(field: string, option: string) {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the Moderator role saved unchanged from the role editor (Settings → Roles)', () => {
  it('keeps its field lists', async () => {
    const session = await loginThroughForm(browser, baseUrl, superAdmin.email, 'Khabar-Test-Password-1');
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'khabar-moderator' } });
    await session.page.goto(`${baseUrl}/admin/settings/roles/${role.id}`);
    await session.page.getByRole('tab', { name: 'Collection Types' }).waitFor();
    await screenshot(session.page, '01-role-editor');
    const saved = session.page.waitForResponse(
      (response) =>
        response.url().endsWith(`/admin/roles/${role.id}/permissions`) && response.request().method() === 'PUT',
    );
    await session.page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await session.context.close();

    const permissions = (
      await app.http().get(`/admin/roles/${role.id}/permissions`).set('Authorization', superAdmin.auth)
    ).body.data as { action: string; subject: string; properties: { fields?: string[] } }[];
    const commentRead = permissions.find(
      (permission) =>
        permission.action === 'plugin::content-manager.explorer.read' && permission.subject === 'api::comment.comment',
    );
    expect(commentRead?.properties.fields).toEqual(
      expect.arrayContaining(['body', 'authorEmail', 'screening', 'moderationStatus', 'rejectionReason']),
    );
  });
});

describe('a Moderator-only user in the admin panel', () => {
  beforeAll(async () => {
    ({ page, pageErrors } = await loginThroughForm(browser, baseUrl, MODERATOR.email, MODERATOR.password));
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('reaches the pending queue, oldest first, from the main navigation; the filters offer status, article, reason', async () => {
    // The home page's Comment queue widget counts the queue.
    await page.goto(`${baseUrl}/admin`);
    await page.locator('[data-khabar="queue-widget"]').getByText(`${comments.length} awaiting review`).waitFor();
    await screenshot(page, '02-home');
    await page.getByRole('link', { name: 'Comment queue' }).first().click();
    await page.waitForURL(/api::comment\.comment/);
    const url = decodeURIComponent(page.url());
    expect(url).toContain('filters[$and][0][moderationStatus][$eq]=pending');
    expect(url).toContain('sort=createdAt:ASC');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(comments.length);
    await expect(rows.first().textContent()).resolves.toContain('کتابخانه بالاخره باز شد');
    await expect(rows.first().textContent()).resolves.toContain(ARTICLE_TITLE);
    await screenshot(page, '02-queue');

    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('combobox', { name: /Select field/i }).click();
    const fields = await page.getByRole('option').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['Status', 'Article', 'Rejection reason']));
    await screenshot(page, '03-filters');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('reads a comment with its fields and approves it', async () => {
    await openComment(comments[0]);
    await expect(page.getByText('No permissions to see this field').count()).resolves.toBe(0);
    await expect(page.getByRole('textbox', { name: 'Comment text' }).inputValue()).resolves.toContain('کتابخانه');
    await page.locator('[data-khabar="moderation-panel"]').waitFor();
    await choose('Status', 'Approved');
    await screenshot(page, '04-approve');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').waitFor();
    expect((await commentRow(app.strapi, comments[0])).moderationStatus).toBe('approved');
  });

  it('rejecting without a reason highlights the reason and keeps the form; then rejecting with one works', async () => {
    await openComment(comments[2]);
    await choose('Status', 'Rejected');
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') saves.push(request.url());
    });
    await page.getByRole('button', { name: 'Save' }).click();
    const reasonError = page.locator('[data-strapi-field-error]').filter({ hasText: 'A rejection needs a reason' });
    await reasonError.waitFor();
    // The message belongs to the reason field, and the form still holds what the moderator chose.
    const reason = page.getByRole('combobox', { name: 'Rejection reason' });
    await expect(reason.getAttribute('aria-describedby')).resolves.toBe(await reasonError.getAttribute('id'));
    await expect(page.getByRole('combobox', { name: 'Status' }).textContent()).resolves.toBe('Rejected');
    await screenshot(page, '05-reject-without-reason');
    expect(saves).toEqual([]);
    expect((await commentRow(app.strapi, comments[2])).moderationStatus).toBe('pending');

    await choose('Rejection reason', 'Spam');
    await page.getByRole('textbox', { name: 'Moderator note' }).fill('تبلیغ فروشگاه');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').waitFor();
    // The side panel reads the record again after the save.
    const panel = page.locator('[data-khabar="moderation-panel"]');
    // In the interface language alone (English here), the Persian label no longer beside it.
    await panel.getByText('Status: Rejected', { exact: true }).waitFor();
    await panel.getByText(/^Moderated by \u2068Maryam Moderator\u2069 on /).waitFor();
    await screenshot(page, '06-rejected');
    expect(await commentRow(app.strapi, comments[2])).toMatchObject({
      moderationStatus: 'rejected',
      rejectionReason: 'spam',
      moderationNote: 'تبلیغ فروشگاه',
    });
  });

  it('approves several comments at once from the list', async () => {
    await page.goto(`${baseUrl}${COMMENT_LIST}?page=1&pageSize=20&filters[$and][0][moderationStatus][$eq]=pending`);
    const pending = (
      await app.strapi.db
        .query(COMMENT_UID)
        .findMany({ where: { moderationStatus: 'pending' }, select: ['documentId'] })
    ).map((row: { documentId: string }) => row.documentId);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(pending.length);
    await page.getByRole('checkbox', { name: 'Select all entries' }).check();
    await page.getByText(`${pending.length} entries selected`).waitFor();
    await screenshot(page, '07-bulk-selected');
    await page.locator('button', { hasText: /^Approve$/ }).click();
    await screenshot(page, '07-bulk-approve-confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Comments approved: ${pending.length}.`).waitFor();
    for (const id of pending) {
      expect((await commentRow(app.strapi, id)).moderationStatus).toBe('approved');
    }
    await page
      .getByText(/No content found|0 entries/i)
      .first()
      .waitFor();
    await screenshot(page, '08-queue-empty');
  });

  it('reads in the settings form that the environment overrides the rate limits', async () => {
    await page.goto(`${baseUrl}/admin/content-manager/single-types/plugin::moderation.moderation-setting`);
    await page
      .getByText(/Not in effect on this server: the environment variable COMMENT_RATE_LIMIT_PER_MINUTE fixes it at 0/)
      .waitFor();
    await screenshot(page, '10-settings');
  });

  it('browses the audit trail newest first with time, actor, reason and note', async () => {
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${EVENT_UID}`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const headers = (await page.locator('thead th').allTextContents()).map((text) => text.trim()).filter(Boolean);
    expect(headers.slice(0, 6)).toEqual(['occurredAt', 'actorLabel', 'fromStatus', 'toStatus', 'reason', 'note']);
    expect(await rows.count()).toBe(5);
    // Newest first: a comment of the bulk approval on top, the first approval at the bottom.
    const firstRow = (await rows.first().textContent()) ?? '';
    expect([comments[1], comments[3], comments[4]].some((id) => firstRow.includes(id))).toBe(true);
    await expect(rows.last().textContent()).resolves.toContain(comments[0]);
    const rejectedRow = rows.filter({ hasText: 'spam' });
    await expect(rejectedRow.textContent()).resolves.toContain('تبلیغ فروشگاه');
    await expect(rejectedRow.textContent()).resolves.toContain('Maryam Moderator');
    await screenshot(page, '09-audit-trail');
  });
});
