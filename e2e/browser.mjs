// Headless Debian Chromium for the e2e suite, with the flags that keep it from reaching
// for Google's services (which would fail, and in the blackout run would be refused).
import { chromium } from 'playwright-core';

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the suite through `pnpm test:e2e`');
  return url;
};

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
    ],
  });
}

let counter = 0;
/** A handle and email no other test in this run uses. */
export function uniqueTrader(prefix) {
  counter += 1;
  const handle = `${prefix}_${process.pid % 10000}_${counter}`;
  return { handle, email: `${handle}@example.com`, password: 'Gold-and-4-pips!' };
}
