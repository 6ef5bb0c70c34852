import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { createClan } from './clan-flows.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

/**
 * The Subscribers section of a channel in the browser: a leader lists subscribers, grants
 * by @handle (with clear refusals for an unknown handle, someone already subscribed, and
 * themselves), sees since/until per row and ends one from its row — in English and Persian.
 */
let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function trader(prefix, displayName) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const account = uniqueTrader(prefix);
  await signUpVerifyLogIn(page, account, { displayName });
  return { context, page, account };
}

describe('channel subscribers in the browser', () => {
  it('lists, grants by handle with clear refusals, and ends a subscription from its row', async () => {
    const leader = await trader('sublead', 'Sub Leader');
    const fan = await trader('subfan', 'Faithful Fan');
    const other = await trader('subother', 'Other Reader');
    const clanId = await createClan(leader.page, { name: `Subs ${process.pid % 100000}`, privacy: 'open' });

    const page = leader.page;
    await page.goto(`${baseUrl()}/channels/${clanId}/subscribers`);
    await page.getByTestId('subscribers-page').waitFor();
    await hydrated(page);
    await page.getByTestId('subs-empty').waitFor();

    const grant = async (handle, until = '') => {
      await page.fill('#field-handle', handle);
      await page.fill('#field-until', until);
      await page.getByTestId('subs-grant-handle').click();
    };
    // Each refusal replaces the last one: poll until this answer's text is shown.
    const fieldError = () =>
      page
        .getByTestId('error-handle')
        .innerText()
        .catch(() => '');

    await grant('nobody_like_this');
    await expect.poll(fieldError).toBe('No trader has the handle @nobody_like_this.');
    expect(await page.inputValue('#field-handle')).toBe('nobody_like_this');
    await grant(`@${leader.account.handle}`);
    await expect.poll(fieldError).toMatch(/cannot give yourself/);

    await grant(`@${fan.account.handle}`);
    await page.getByTestId('subs-granted-handle').waitFor();
    expect(await page.getByTestId('subs-granted-handle').innerText()).toContain(`@${fan.account.handle}`);
    await grant(fan.account.handle);
    await expect.poll(fieldError).toBe(`@${fan.account.handle} already subscribes to this channel.`);
    await grant(other.account.handle, '2099-12-31');
    await page.getByTestId('subs-granted-handle').waitFor();

    const row = (handle) => page.locator(`[data-testid=subs-row][data-handle="${handle}"]`);
    await expect.poll(() => page.getByTestId('subs-row').count()).toBe(2);
    expect(await row(fan.account.handle).innerText()).toContain('Faithful Fan');
    expect(await row(fan.account.handle).getByTestId('subs-until').innerText()).toBe('No end date');
    expect(await row(fan.account.handle).getByTestId('subs-source').innerText()).toBe('Complimentary');
    expect(await row(fan.account.handle).getByTestId('subs-since').innerText()).toMatch(/^Since /);
    expect(await row(other.account.handle).getByTestId('subs-until').innerText()).toMatch(/2099/);

    // The fan now reads the channel as a subscriber.
    await fan.page.goto(`${baseUrl()}/channels/${clanId}`);
    await fan.page.getByTestId('channel-subscribed').waitFor();

    await row(fan.account.handle).getByTestId('subs-row-revoke').click();
    await page.getByTestId('subs-revoked').waitFor();
    expect(await page.getByTestId('subs-revoked').innerText()).toContain(`@${fan.account.handle}`);
    await expect.poll(() => page.getByTestId('subs-row').count()).toBe(1);
    await fan.page.reload();
    expect(await fan.page.getByTestId('channel-subscribed').count()).toBe(0);

    // Persian: right-to-left, translated labels and refusals.
    await page.getByTestId('lang-fa').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.reload();
    await hydrated(page);
    expect(await page.locator('#list-title').innerText()).toBe('مشترکان');
    expect(await row(other.account.handle).getByTestId('subs-source').innerText()).toBe('رایگان');
    await grant('nobody_like_this');
    await expect.poll(fieldError).toBe('هیچ معامله‌گری نام کاربری @nobody_like_this ندارد.');

    for (const t of [leader, fan, other]) await t.context.close();
  }, 120_000);
});
