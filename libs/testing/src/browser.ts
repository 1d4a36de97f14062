import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** The machine's Chromium (Debian's `chromium` package) unless CHROMIUM_PATH names another. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Headless Chromium for tests that look at a page (Playwright starts it on a fresh, empty profile). Never skips:
 * without a browser the test fails and says what to install (`.ci/run` installs it). The flags keep it off the
 * network this machine does not have.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
