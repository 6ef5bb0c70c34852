import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { createClan } from './clan-flows.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

/**
 * A clan channel in the browser: the leader publishes a free post (formatted text, a
 * picture) and premium posts (one with a chart); a reader follows, reacts (the count
 * changes) and their view raises the view count; an outsider sees premium posts locked,
 * peeks at three and is politely refused the fourth; a leader then grants (and revokes) a
 * complimentary subscription.
 */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const CHART = JSON.stringify({
  kind: 'line',
  title: 'XAUUSD H1',
  points: [
    { x: 1, y: 2301.5 },
    { x: 2, y: 2310.2 },
    { x: 3, y: 2305.9 },
  ],
});

/** Waits long enough for a loaded CI machine (the default is one second). */
const POLL = { timeout: 15_000 };

let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function publish(page, { text, premium = false, chart = '', image = null }) {
  const before = await page.getByTestId('post').count();
  await page.fill('[data-testid=publish-text]', text);
  const box = page.getByTestId('publish-premium');
  if ((await box.isChecked()) !== premium) await box.setChecked(premium);
  if (chart) {
    await page.locator('[data-testid=publish] summary').click();
    await page.fill('[data-testid=publish-charts]', chart);
  }
  if (image) await page.getByTestId('publish-images').setInputFiles(image);
  await page.getByTestId('publish-submit').click();
  await page.getByTestId('publish-done').waitFor();
  await expect.poll(() => page.getByTestId('post').count(), POLL).toBe(before + 1);
  if (image) await page.getByTestId('post').first().getByTestId('post-image').waitFor();
  return page.getByTestId('post').first().getAttribute('data-id');
}

/** A post's view count as a signed-out visitor reads it from the API (setup check only). */
async function viewsFromApi(clanId, postId) {
  const res = await fetch(`${baseUrl()}/api/v1/channels/${clanId}/posts?limit=50`);
  const page = await res.json();
  return page.items.find((p) => p.id === postId)?.views;
}

/** The post card with this id on the page. */
const card = (page, id) => page.locator(`[data-testid=post][data-id="${id}"]`);

describe('channels in the browser', () => {
  it('publishes, follows, reacts, counts views and limits peeks to three a day', async () => {
    const leaderContext = await browser.newContext({ locale: 'en-US' });
    const leader = await leaderContext.newPage();
    await signUpVerifyLogIn(leader, uniqueTrader('chlead'), { displayName: 'Channel Leader' });
    const clanId = await createClan(leader, { name: `Signal Room ${process.pid % 10000}`, privacy: 'open' });
    await leader.getByTestId('clan-channel-link').click();
    await leader.getByTestId('channel-page').waitFor();
    await leader.getByTestId('posts-empty').waitFor();
    await hydrated(leader);

    // An empty post is refused beside the text box.
    await leader.getByTestId('publish-submit').click();
    expect(await leader.getByTestId('error-text').innerText()).toContain('Write something');

    const free = await publish(leader, {
      text: '**Gold** breakout above 2300 <script>alert(1)</script>',
      image: { name: 'dot.png', mimeType: 'image/png', buffer: PNG },
    });
    const freeCard = card(leader, free);
    expect(await freeCard.locator('[data-testid=post-text] strong').innerText()).toBe('Gold');
    expect(await freeCard.getByTestId('post-text').innerText()).toContain('<script>alert(1)</script>');
    expect(await freeCard.locator('script').count()).toBe(0);
    expect(await freeCard.getAttribute('data-premium')).toBe('false');
    const premium = [];
    premium.push(await publish(leader, { text: 'Premium idea one: long XAUUSD', premium: true, chart: CHART }));
    expect(await card(leader, premium[0]).getByTestId('post-chart').getAttribute('data-kind')).toBe('line');
    for (const n of [2, 3, 4]) premium.push(await publish(leader, { text: `Premium idea ${n}`, premium: true }));
    // The author reads their own premium posts.
    expect(await card(leader, premium[3]).getAttribute('data-locked')).toBe('false');

    // The leader's own view is counted once the post is on screen; then the count is steady.
    await freeCard.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => Number(await freeCard.getByTestId('post-views').getAttribute('data-views')), POLL)
      .toBe(1);
    const seenBefore = await viewsFromApi(clanId, free);
    expect(seenBefore).toBe(1);

    // A reader follows, reacts and is counted as a viewer.
    const readerContext = await browser.newContext({ locale: 'en-US' });
    const reader = await readerContext.newPage();
    await signUpVerifyLogIn(reader, uniqueTrader('reader'), { displayName: 'Keen Reader' });
    await reader.goto(`${baseUrl()}/channels/${clanId}`);
    await reader.getByTestId('channel-page').waitFor();
    await hydrated(reader);
    const views = card(reader, free).getByTestId('post-views');
    await card(reader, free).scrollIntoViewIfNeeded();
    await expect.poll(async () => Number(await views.getAttribute('data-views')), POLL).toBe(seenBefore + 1);

    await reader.getByTestId('channel-follow').click();
    await reader.locator('[data-testid=channel-follow][data-following=true]').waitFor();
    await reader.reload();
    await reader.locator('[data-testid=channel-follow][data-following=true]').waitFor();
    expect(await reader.getByTestId('channel-followers').getAttribute('data-count')).toBe('1');
    await hydrated(reader);

    const fire = card(reader, free).locator('[data-testid=reaction][data-name=fire]');
    expect(await fire.getAttribute('data-count')).toBe('0');
    await fire.click();
    await reader
      .locator(`[data-testid=post][data-id="${free}"] [data-name=fire][data-count="1"][data-mine=true]`)
      .waitFor();
    await reader.reload();
    await hydrated(reader);
    expect(await card(reader, free).locator('[data-name=fire]').getAttribute('data-count')).toBe('1');
    // Toggling off and on again.
    await card(reader, free).locator('[data-name=fire]').click();
    await reader.locator(`[data-testid=post][data-id="${free}"] [data-name=fire][data-count="0"]`).waitFor();
    await card(reader, free).locator('[data-name=fire]').click();
    await reader.locator(`[data-testid=post][data-id="${free}"] [data-name=fire][data-count="1"]`).waitFor();

    await card(reader, free).locator('form[data-busy=false]').waitFor();

    // The followed channel's post is in the reader's home feed.
    await reader.getByTestId('nav-feed').click();
    await reader.getByTestId('feed-page').waitFor();
    await card(reader, free).waitFor();

    // The leader sees the reaction and the views from their side.
    await leader.reload();
    expect(await card(leader, free).locator('[data-name=fire]').getAttribute('data-count')).toBe('1');
    expect(
      Number(await card(leader, free).getByTestId('post-views').getAttribute('data-views')),
    ).toBeGreaterThanOrEqual(2);

    // An outsider: premium posts are locked; three peeks a day, the fourth politely refused.
    const outsiderContext = await browser.newContext({ locale: 'en-US' });
    const outsider = await outsiderContext.newPage();
    await signUpVerifyLogIn(outsider, uniqueTrader('outsider'), { displayName: 'Curious Outsider' });
    await outsider.goto(`${baseUrl()}/channels/${clanId}`);
    await outsider.getByTestId('channel-page').waitFor();
    await hydrated(outsider);
    for (const id of premium) {
      expect(await card(outsider, id).getAttribute('data-locked')).toBe('true');
      expect(await card(outsider, id).getByTestId('post-chart').count()).toBe(0);
    }
    expect(await outsider.getByTestId('channel-peeks').innerText()).toBe('3 of 3 peeks left today');

    for (const [i, id] of premium.slice(0, 3).entries()) {
      await card(outsider, id).getByTestId('post-peek').click();
      await outsider.locator(`[data-testid=post][data-id="${id}"][data-locked=false]`).waitFor();
      await card(outsider, id).getByTestId('post-peeked').waitFor();
      await expect
        .poll(() => outsider.getByTestId('channel-peeks').getAttribute('data-remaining'), POLL)
        .toBe(String(2 - i));
    }
    expect(await card(outsider, premium[0]).getByTestId('post-chart').count()).toBe(1);
    expect(await outsider.getByTestId('channel-peeks').innerText()).toContain('No peeks left today');

    await card(outsider, premium[3]).getByTestId('post-peek').click();
    const refusal = card(outsider, premium[3]).getByTestId('post-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('You have used your 3 peeks for today');
    expect(await card(outsider, premium[3]).getAttribute('data-locked')).toBe('true');

    // Peeked posts stay open for the rest of the day.
    await outsider.reload();
    for (const id of premium.slice(0, 3)) expect(await card(outsider, id).getAttribute('data-locked')).toBe('false');
    expect(await card(outsider, premium[3]).getAttribute('data-locked')).toBe('true');

    // A leader grants the outsider a complimentary subscription by the id the outsider shares.
    await outsider.locator('[data-testid=subscribe-how] summary').click();
    const outsiderId = await outsider.getByTestId('my-id-link').inputValue();
    await leader.getByTestId('channel-subscribers-link').click();
    await leader.getByTestId('subscribers-page').waitFor();
    await hydrated(leader);
    await leader.fill('#field-userId', 'not-an-id');
    await leader.getByTestId('subs-grant').click();
    await leader.getByTestId('error-userId').waitFor();
    await leader.fill('#field-userId', outsiderId);
    await leader.getByTestId('subs-grant').click();
    await leader.getByTestId('subs-granted').waitFor();
    await outsider.reload();
    await outsider.getByTestId('channel-subscribed').waitFor();
    expect(await card(outsider, premium[3]).getAttribute('data-locked')).toBe('false');
    expect(await outsider.getByTestId('subscribe-how').count()).toBe(0);

    await leader.fill('#revoke-user', outsiderId);
    await leader.getByTestId('subs-revoke').click();
    await leader.getByTestId('subs-revoked').waitFor();
    await outsider.reload();
    expect(await card(outsider, premium[3]).getAttribute('data-locked')).toBe('true');

    await leaderContext.close();
    await readerContext.close();
    await outsiderContext.close();
  });
});
