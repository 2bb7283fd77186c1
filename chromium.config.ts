import { playwright } from '@vitest/browser-playwright';

/** Debian's Chromium (apt-get install chromium); nothing downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on a closed network, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Vitest browser-mode settings shared by every project that runs in Chromium. */
export const chromium = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  }),
  instances: [{ browser: 'chromium' as const }],
};
