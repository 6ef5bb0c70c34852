// Browser steps several e2e suites share: a new trader's sign-up and an existing user's log-in.
import { expect } from 'vitest';
import { baseUrl } from './browser.mjs';

/**
 * The founding account flow, exactly as a new trader meets it: landing page → sign up →
 * verification link from the dev outbox → log in. Ends inside the app shell.
 */
export async function signUpVerifyLogIn(page, trader, { displayName }) {
  await page.goto(`${baseUrl()}/`);
  await hydrated(page);
  await page.getByTestId('cta-signup').click();
  await page.waitForURL('**/signup');
  await hydrated(page);
  await page.fill('input[name=email]', trader.email);
  await page.fill('input[name=password]', trader.password);
  await page.fill('input[name=handle]', trader.handle);
  await page.fill('input[name=displayName]', displayName);
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('check-email').waitFor();

  await page.goto(`${baseUrl()}/dev/outbox`);
  await page
    .locator(`[data-testid=outbox-message][data-to="${trader.email}"] [data-testid=outbox-link]`)
    .first()
    .click();
  await expect
    .poll(() => page.getByTestId('verify-status').locator('[data-state]').getAttribute('data-state'))
    .toBe('success');

  await page.getByTestId('verify-login').click();
  await page.waitForURL('**/login**');
  await hydrated(page);
  await logIn(page, trader, { navigate: false });
}

/**
 * Logs an existing account in from the login page. `attempts` > 1 retries a refused
 * log-in, for accounts the server seeds in the background right after it starts.
 */
export async function logIn(page, { email, password }, { navigate = true, attempts = 1 } = {}) {
  for (let attempt = 1; ; attempt++) {
    if (navigate || attempt > 1) await page.goto(`${baseUrl()}/login`);
    await hydrated(page);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.getByTestId('login-submit').click();
    const outcome = await Promise.race([
      page
        .getByTestId('app-shell')
        .waitFor()
        .then(() => 'in'),
      page
        .getByTestId('login-error')
        .waitFor()
        .then(() => 'refused'),
    ]);
    if (outcome === 'in') return;
    if (attempt >= attempts) throw new Error(`log-in refused for ${email}`);
    await page.waitForTimeout(1000);
  }
}

/**
 * Waits until SvelteKit has hydrated the page (the root layout marks <html>). Typing into a
 * server-rendered form before that can be undone by hydration, which made runs flaky.
 */
export async function hydrated(page) {
  await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
}

/** A demo trader the server seeds (apps/onprem/src/seed-demo.ts; SEED_DEMO=1 in server-process.mjs). */
export function demoTrader(name) {
  return { email: `${name}@demo.clantrader.local`, password: 'Demo-trader-2026' };
}

/**
 * Opens a leaderboard URL until it lists at least `rows` traders: the server answers before
 * the demo seed has verified its statements and run the season jobs, and a board page is
 * cached for 15 s, so the first look may be empty.
 */
export async function openSeededBoard(page, path, { rows = 1, timeout = 120_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.goto(`${baseUrl()}${path}`);
    await page.getByTestId('leaderboard-page').waitFor();
    if ((await page.getByTestId('leaderboard-row').count()) >= rows) return;
    if (Date.now() > deadline) throw new Error(`${path}: fewer than ${rows} rows after ${timeout} ms`);
    await page.waitForTimeout(2000);
  }
}
