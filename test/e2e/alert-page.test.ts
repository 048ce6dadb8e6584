import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Expressions evaluated in the page are strings: this project compiles without the DOM library.
import { type FeedApiUnderTest, serveAlerts } from '../integration/feed-api/feed-api-fixture';
import { useDynalite } from '../support/dynalite';
import { makeAlert, makeSource } from '../support/feed-alerts';

const dynamo = useDynalite();

/** Markup that would set a flag if the page ever ran it: a script, an event handler, a javascript: link. */
const ATTACK =
  '<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = \'img\'"> ]]> & "quotes"';

const alerts = [
  makeAlert(1),
  makeAlert(2, {
    kind: 'contradiction',
    factIds: ['nk-arms-troops'],
    findings: [
      {
        factId: 'nk-arms-troops',
        verdict: 'contradicts',
        observed: 'no troops sent',
        evidence: 'Pyongyang denied sending any troops to Russia.',
      },
    ],
  }),
  makeAlert(3, {
    id: 'hostile',
    kind: 'new-development',
    factIds: [],
    findings: [],
    title: ATTACK,
    link: 'javascript:window.__pwned="link"',
    sources: [makeSource(3, { title: ATTACK, link: 'javascript:window.__pwned="source"' })],
  }),
];

let api: FeedApiUnderTest;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  api = await serveAlerts(dynamo, alerts);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir('test-artifacts', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

beforeEach(async () => {
  dialogs.length = 0;
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
});

afterEach(async () => {
  await page.close();
});

describe('the alert page in Chromium', () => {
  it('lists the alerts newest first with what changed', async () => {
    await page.goto(api.url);
    const headlines = await page.locator('article h2').allTextContents();
    expect(headlines).toEqual([
      `New development: ${ATTACK}`,
      'nk-arms-troops contradicted: no troops sent',
      'visa-free-trial updated: 1 year → until Sep 2027',
    ]);
    await expect(page.locator('article').nth(2).textContent()).resolves.toContain(
      'visa-free-trial: 1 year → until Sep 2027',
    );
    // Readable on a phone: nothing wider than the 390 px viewport.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-artifacts/alert-page-phone.png', fullPage: true });
  });

  it('shows a hostile title as text and runs none of it', async () => {
    await page.goto(api.url);
    const pwned = await page.evaluate<string | undefined>('window.__pwned');
    expect(pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('article script, article img').count()).toBe(0);
    const hrefs = await page
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^https?:/.test(href))).toEqual([]);
  });

  it('applies its hashed style under the Content-Security-Policy', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(api.url);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    // The style sheet sets a system font; an unstyled page would show the browser's default serif.
    const font = await page.evaluate<string>('getComputedStyle(document.body).fontFamily');
    expect(font).toContain('system-ui');
    expect(violations.filter((text) => !text.includes('favicon'))).toEqual([]);
  });

  it('filters by kind with the form, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(api.url);
    await noScript.selectOption('select[name="kind"]', 'contradiction');
    await Promise.all([noScript.waitForURL(/kind=contradiction/), noScript.click('button[type="submit"]')]);
    expect(await noScript.locator('article h2').allTextContents()).toEqual([
      'nk-arms-troops contradicted: no troops sent',
    ]);
    await noScript.screenshot({ path: 'test-artifacts/alert-page-filtered.png' });
    await context.close();
  });

  it('offers its feeds for autodiscovery', async () => {
    await page.goto(api.url);
    const feeds = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => [link.getAttribute('type'), link.getAttribute('href')]));
    expect(feeds).toEqual([
      ['application/atom+xml', new URL('feed.atom', api.url).href],
      ['application/rss+xml', new URL('feed.rss', api.url).href],
      ['application/feed+json', new URL('feed.json', api.url).href],
    ]);
  });
});
