import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium fonts-noto-cjk); .ci/run installs it. */
export const CHROMIUM = process.env.PB_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * Flags that keep Chromium off the network on its own account (updates, field trials, sync…):
 * on a closed network it would otherwise keep trying hosts of its own.
 */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-dev-shm-usage', '--lang=zh-CN'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's packages (apt-get install -y chromium fonts-noto-cjk; .ci/run does it as root) or set PB_CHROMIUM`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright gives every launch a fresh temporary profile (user-data-dir).
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A page at 1920×1080 that records every request and every console error it sees. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  requests: { method: string; url: string; body: string | null }[];
  consoleErrors: string[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1920, height: 1080 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const watched: WatchedPage = { page, context, requests: [], consoleErrors: [] };
  page.on('request', (r) => watched.requests.push({ method: r.method(), url: r.url(), body: r.postData() }));
  page.on('console', (m) => {
    if (m.type() === 'error') watched.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watched.consoleErrors.push(String(e)));
  return watched;
}

/** Requests that went anywhere but `origin` (data: and blob: URLs stay in the page). */
export function foreignRequests(watched: WatchedPage, origin: string): string[] {
  return watched.requests.map((r) => r.url).filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.waitForTimeout(1200); // chart animations settle
  await page.screenshot({ path, fullPage });
  return path;
}
