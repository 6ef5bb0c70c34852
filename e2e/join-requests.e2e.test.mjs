import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { createClan, requestToJoin } from './clan-flows.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

/**
 * A trader's own join requests in the browser: the clan page says "request pending" with a
 * cancel button instead of offering the request again, /clans lists "Your requests", and
 * cancelling from either place withdraws it (the leader no longer sees it) — also in Persian.
 */
let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function trader(prefix, displayName, locale = 'en-US') {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signUpVerifyLogIn(page, uniqueTrader(prefix), { displayName });
  return { context, page };
}

describe('my join requests in the browser', () => {
  it('shows a pending request with cancel on the clan page and under Your requests', async () => {
    const leader = await trader('reqlead', 'Request Leader');
    const tag = String(process.pid % 100000);
    const first = await createClan(leader.page, { name: `Pending One ${tag}`, privacy: 'request' });
    const second = await createClan((await trader('reqlead2', 'Second Leader')).page, {
      name: `Pending Two ${tag}`,
      privacy: 'request',
    });

    const asker = await trader('reqasker', 'Patient Asker');
    await requestToJoin(asker.page, first, 'Swing trader, gold.');
    // Reloaded, the page still knows: pending, with the message and a cancel button, no request form.
    await asker.page.reload();
    await hydrated(asker.page);
    const pending = asker.page.getByTestId('clan-request-pending');
    expect(await pending.innerText()).toMatch(/Request pending/);
    expect(await pending.innerText()).toContain('Swing trader, gold.');
    expect(await asker.page.getByTestId('clan-join').count()).toBe(0);

    await requestToJoin(asker.page, second, 'Also here.');
    await asker.page.goto(`${baseUrl()}/clans`);
    await hydrated(asker.page);
    const rows = asker.page.getByTestId('my-request');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-clan-id')).toBe(second);

    // Cancel the second from the list; the first from its clan page.
    await asker.page
      .locator(`[data-testid=my-request][data-clan-id="${second}"] [data-testid=my-request-cancel]`)
      .click();
    await asker.page.getByTestId('clan-request-cancelled').waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    await asker.page.goto(`${baseUrl()}/clans/${first}`);
    await hydrated(asker.page);
    await asker.page.getByTestId('clan-request-cancel').click();
    await asker.page.getByTestId('clan-request-cancelled').waitFor();
    expect(await asker.page.getByTestId('clan-request-pending').count()).toBe(0);
    await asker.page.getByTestId('clan-join').waitFor();

    await leader.page.goto(`${baseUrl()}/clans/${first}/manage`);
    await leader.page.getByTestId('requests-empty').waitFor();

    await asker.page.goto(`${baseUrl()}/clans`);
    await hydrated(asker.page);
    expect(await asker.page.getByTestId('my-requests').count()).toBe(0);
    await leader.context.close();
    await asker.context.close();
  }, 120_000);

  it('says the same in Persian', async () => {
    const leader = await trader('reqfalead', 'Fa Leader');
    const clanId = await createClan(leader.page, { name: `Pending Fa ${process.pid % 100000}`, privacy: 'request' });
    const asker = await trader('reqfa', 'Fa Asker', 'fa-IR');
    await requestToJoin(asker.page, clanId, 'سلام');
    await asker.page.goto(`${baseUrl()}/clans/${clanId}`);
    await hydrated(asker.page);
    expect(await asker.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await asker.page.getByTestId('clan-request-pending').innerText()).toContain('درخواست در انتظار پاسخ');
    expect(await asker.page.getByTestId('clan-request-cancel').innerText()).toBe('لغو درخواست');
    await leader.context.close();
    await asker.context.close();
  }, 120_000);
});
