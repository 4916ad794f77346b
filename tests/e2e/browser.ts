import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { TestApp } from '../helpers/strapi';

/** Debian's Chromium (installed by .ci/run); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of every step, for a person to look at (git-ignored). */
export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Makes the in-process Strapi listen on a free loopback port and returns its base URL. */
export async function listen(app: TestApp): Promise<string> {
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Where the admin panel keeps this browser's interface language. */
export const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';

/**
 * A browser session logged in through the admin panel's own login form. Page errors (an
 * uncaught exception such as the content manager's `s.join is not a function`) are collected.
 * The panel opens in Persian on a browser that never chose a language; these sessions choose
 * English (or `language`) before the first page loads, as a user would once.
 */
export async function loginThroughForm(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  language = 'en',
): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  context.setDefaultTimeout(20000);
  await context.addInitScript(
    ([key, chosen]) => {
      if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, chosen);
    },
    [LANGUAGE_STORAGE_KEY, language],
  );
  // Nothing leaves the machine: the admin's analytics and release check get an empty answer.
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }),
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: language === 'fa' ? 'ورود' : 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
  return { context, page, pageErrors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Waits for an element the content manager renders from an idle callback (the list's bulk
 * actions go through Strapi's DescriptionComponentRenderer, which updates in
 * `requestIdleCallback`). Headless Chromium may not run idle callbacks while no frame is drawn
 * (a selection's bulk actions then stayed away for 20 s), so frames are asked for until it shows.
 */
export async function waitForDrawn(page: Page, target: Locator, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await target.isVisible()) && Date.now() < until) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    await page.waitForTimeout(250);
  }
  await target.waitFor({ timeout: 1000 });
}
