import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, uniqueTrader } from './browser.mjs';
import { createClan } from './clan-flows.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

/**
 * The clan assistant's daily allowance in the browser: a free clan's members share 5
 * recruit / rival questions a UTC day; the page counts down and, once they are used, says
 * when the clan may ask again (docs/ai.md §12).
 */
let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('clan assistant allowance in the browser', () => {
  it('counts down a free clan’s 5 questions and then says when it may ask again', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    await signUpVerifyLogIn(page, uniqueTrader('aiquota'), { displayName: 'Quota Leader' });
    await createClan(page, { name: `Quota ${Date.now().toString(36)}` });
    await page.getByTestId('clan-assistant-link').click();
    await page.getByTestId('clan-assistant').waitFor();
    await hydrated(page);

    const remaining = page.getByTestId('clan-assistant-remaining');
    for (let i = 1; i <= 5; i++) {
      await page.getByTestId('clan-assistant-question').fill(`Who should we recruit, take ${i}?`);
      await page.getByTestId('clan-assistant-ask').click();
      await expect.poll(() => remaining.getAttribute('data-remaining'), { timeout: 30_000 }).toBe(String(5 - i));
    }
    expect(await remaining.innerText()).toBe('Your clan has 0 assistant questions left today.');

    await page.getByTestId('clan-assistant-rival-mode').check();
    await page.getByTestId('clan-assistant-question').fill('How do we compare?');
    await page.getByTestId('clan-assistant-ask').click();
    const refused = page.getByTestId('clan-assistant-quota');
    await refused.waitFor({ timeout: 30_000 });
    const text = await refused.innerText();
    expect(text).toMatch(/used all its assistant questions for today/);
    expect(text).toMatch(/5 a day for free clans, 50 for Pro clans/);
    // Retry-After runs to 00:00 UTC: the page names that moment (this browser is on UTC).
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(text).toContain(`${tomorrow}, 00:00`);
    expect(await page.getByTestId('clan-assistant-answer').count()).toBe(0);
    await context.close();
  }, 120_000);
});
