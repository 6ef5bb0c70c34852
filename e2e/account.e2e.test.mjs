import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { signUpVerifyLogIn, hydrated } from './flows.mjs';

let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function editProfile(page, { bio, pairs, style }) {
  await page.goto(`${baseUrl()}/settings/profile`);
  await hydrated(page);
  await page.fill('textarea[name=bio]', bio);
  await page.fill('input[name=preferredPairs]', pairs);
  await page.selectOption('select[name=tradingStyle]', style);
  await page.getByTestId('profile-save').click();
  await page.getByTestId('profile-saved').waitFor();
}

describe('account flow in the browser', () => {
  it('signs up, verifies from the outbox, logs in, edits the profile and shows it publicly (English)', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const trader = uniqueTrader('en');
    await signUpVerifyLogIn(page, trader, { displayName: 'Lena Test' });
    await editProfile(page, { bio: 'Index futures, patient entries.', pairs: 'us30, nas100', style: 'swing_trader' });

    const anonymous = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await anonymous.goto(`${baseUrl()}/u/${trader.handle}`);
    expect(await anonymous.getByTestId('profile-display-name').innerText()).toBe('Lena Test');
    expect(await anonymous.getByTestId('profile-bio').innerText()).toContain('Index futures, patient entries.');
    expect(await anonymous.getByTestId('profile-pairs').innerText()).toMatch(/US30[\s\S]*NAS100/);
    expect(await anonymous.evaluate(() => document.documentElement.dir)).not.toBe('rtl');
    await context.close();
  });

  it('does the same in Persian: right-to-left, Persian digits and a Jalali date', async () => {
    const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await hydrated(page);
    await page.getByTestId('lang-fa').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'fa');

    const trader = uniqueTrader('fa');
    await signUpVerifyLogIn(page, trader, { displayName: 'سارا کریمی' });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await editProfile(page, { bio: 'طلا و جفت‌ارزهای اصلی، سشن لندن', pairs: 'xauusd, eurusd', style: 'day_trader' });

    await page.goto(`${baseUrl()}/u/${trader.handle}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('profile-display-name').innerText()).toBe('سارا کریمی');
    expect(await page.getByTestId('profile-bio').innerText()).toContain('سشن لندن');
    const since = await page.getByTestId('member-since').innerText();
    expect(since).toMatch(/[۰-۹]/); // Persian digits
    expect(since).toMatch(/۱۴[۰-۹][۰-۹]/); // a Jalali year (14xx), not 2026
    await context.close();
  });

  it('uses the one sign-in session for the API and a websocket room', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const trader = uniqueTrader('ws');
    await signUpVerifyLogIn(page, trader, { displayName: 'Socket Test' });
    const result = await page.evaluate(async (handle) => {
      const me = await fetch('/api/v1/me').then((r) => r.json());
      const room = `e2e-${handle}`;
      const res = await fetch('/api/v1/rooms/ticket', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ room }),
      });
      const { ticket } = await res.json();
      const url = `${location.origin.replace(/^http/, 'ws')}/parties/lobby/${room}?ticket=${encodeURIComponent(ticket)}`;
      const welcome = await new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        const timer = setTimeout(() => reject(new Error('no welcome frame within 10 s')), 10_000);
        ws.onmessage = (e) => {
          clearTimeout(timer);
          ws.close();
          resolve(JSON.parse(e.data));
        };
        ws.onerror = () => reject(new Error('websocket error'));
      });
      const forged = await new Promise((resolve) => {
        const ws = new WebSocket(url.replace(/ticket=[^&]+/, 'ticket=forged'));
        ws.onclose = (e) => resolve(e.code);
      });
      return { meHandle: me.profile?.handle, ticketStatus: res.status, welcome, forged };
    }, trader.handle);
    expect(result.meHandle).toBe(trader.handle);
    expect(result.ticketStatus).toBe(200);
    expect(result.welcome).toMatchObject({ type: 'welcome', room: `e2e-${trader.handle}` });
    expect(result.forged).toBe(4001);
    await context.close();
  });

  it('refuses a wrong password with a clear message and keeps the typed email', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/login`);
    await hydrated(page);
    await page.fill('input[name=email]', 'nobody@example.com');
    await page.fill('input[name=password]', 'Not-the-password-1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').locator('[data-code]').getAttribute('data-code')).toBe(
      'invalid_credentials',
    );
    expect(await page.inputValue('input[name=email]')).toBe('nobody@example.com');
    await context.close();
  });

  it('shows a 404 page for an unknown trader', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl()}/u/nobody_here_404`);
    expect(res?.status()).toBe(404);
    await page.locator('[data-testid=error-page][data-status="404"]').waitFor();
    await context.close();
  });
});
