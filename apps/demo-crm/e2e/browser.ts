import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../chromium.config.ts';

/** Screenshots of each e2e step, for a person to look at (git-ignored). */
export const SCREENSHOT_DIR = new URL('../../../test-results/demo-crm/', import.meta.url);

/** Launches Debian's Chromium headless with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Saves a full-page screenshot named after the step. */
export async function snapshot(page: Page, step: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: new URL(`${step}.png`, SCREENSHOT_DIR).pathname });
}
