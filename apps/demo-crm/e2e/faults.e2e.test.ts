import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../server.mjs';
import { launchChromium, snapshot } from './browser.ts';

// The demo started with C2D_SANDBOX_FAULTS: the sandbox's fake Chat2Desk answers every API call
// with Chat2Desk's own error body, and the page must say what is wrong and who can fix it,
// in the operator's language.
describe('demo CRM with sandbox faults, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  async function alertOf(fault: string, lang: 'en' | 'ru') {
    const demo = await startDemoServer({ port: 0, env: { C2D_SANDBOX_FAULTS: fault }, quiet: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      // The proxy itself stays healthy: only Chat2Desk's API is in trouble.
      expect(await (await fetch(`${demo.url}api/health`)).json()).toEqual({ status: 'ok', mode: 'sandbox' });
      await page.goto(`${demo.url}?lang=${lang}`);
      const alert = page.getByRole('alert').first();
      await alert.waitFor({ timeout: 15_000 });
      await snapshot(page, `fault-${fault}-${lang}`);
      return { code: await alert.getAttribute('data-error-code'), text: (await alert.textContent()) ?? '' };
    } finally {
      await page.close();
      await demo.close();
    }
  }

  it('quota: says the monthly quota is used up and to ask the Chat2Desk admin', async () => {
    const { code, text } = await alertOf('quota', 'en');
    expect(code).toBe('upstream_quota');
    expect(text).toContain('Could not load clients');
    expect(text).toContain("Chat2Desk's monthly API quota for this account is used up");
    expect(text).toContain('Ask your Chat2Desk admin');
  });

  it('quota, in Russian', async () => {
    const { text } = await alertOf('quota', 'ru');
    expect(text).toContain('Месячная квота запросов к API Chat2Desk для этого аккаунта исчерпана');
  });

  it('bad-token: says the token was rejected and the server admin must set CHAT2DESK_API_TOKEN', async () => {
    const { code, text } = await alertOf('bad-token', 'en');
    expect(code).toBe('upstream_auth');
    expect(text).toContain("Chat2Desk rejected the console's API token");
    expect(text).toContain('CHAT2DESK_API_TOKEN');
  });

  it('rate-limit: says Chat2Desk is limiting and when to retry', async () => {
    const { code, text } = await alertOf('rate-limit', 'en');
    expect(code).toBe('rate_limited');
    expect(text).toMatch(/retry in \d+ s/);
  });
});
