// Clan chat in the browser: two members chat in realtime through the on-prem room server,
// one drops offline and catches up in order, the leader pins, an outsider is refused, and
// the sidebar's unread badge follows the read marker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A JSON call to the API from inside the page, so it carries that user's session cookie. */
async function api(page, method, path, body) {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        // Cookie-signed API calls must declare JSON, even without a body (CSRF guard).
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
  if (result.status >= 400) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
}

async function trader(prefix, displayName, locale = 'en-US') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const account = uniqueTrader(prefix);
  await signUpVerifyLogIn(page, account, { displayName });
  return { context, page, account };
}

async function openChat(page, clanId) {
  await page.goto(`${baseUrl()}/clans/${clanId}/chat`);
  await hydrated(page);
  await page.locator('[data-testid=chat][data-phase=live]').waitFor({ timeout: 20_000 });
}

async function send(page, text) {
  const input = page.getByTestId('chat-input');
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Cuts the page's network. Chromium fires `offline` itself when it goes from online to
 * offline; inside the blackout suite's loopback-only namespace it already reports offline
 * from the start, so no transition (and no event) happens there: send the event a real
 * network drop would bring.
 */
async function goOffline(context, page) {
  const wasOnline = await page.evaluate(() => navigator.onLine);
  await context.setOffline(true);
  if (!wasOnline) await page.evaluate(() => window.dispatchEvent(new Event('offline')));
}

async function goOnline(context, page) {
  await context.setOffline(false);
  const online = await page.evaluate(() => navigator.onLine);
  if (!online) await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** The stored messages' texts, in the order shown. */
const texts = (page) => page.locator('[data-testid=chat-message] [data-testid=chat-text]').allInnerTexts();

/** The seqs of the stored messages shown, in order. */
const seqsOf = (page) =>
  page.locator('[data-testid=chat-message]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))));

async function waitForText(page, text) {
  await page
    .locator('[data-testid=chat-message] [data-testid=chat-text]', { hasText: text })
    .first()
    .waitFor({ timeout: 15_000 });
}

describe('clan chat in the browser', () => {
  let leader;
  let member;
  let clanId;

  // Sign-up uses expect.poll, which only runs inside a test: the set-up is the first test.
  it('sets up a clan: the leader creates it and invites the member, who accepts', async () => {
    leader = await trader('chatlead', 'Leila Leader');
    member = await trader('chatmem', 'Milad Member');
    const clan = await api(leader.page, 'POST', '/clans', {
      name: `Chat ${leader.account.handle.slice(-8)}`,
      tradingFocus: 'gold',
      privacy: 'invite',
    });
    clanId = clan.id;
    const invite = await api(leader.page, 'POST', `/clans/${clanId}/invites`);
    await api(member.page, 'POST', `/invites/${invite.token}/accept`);
    expect(clanId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);

  afterAll(async () => {
    await leader?.context.close();
    await member?.context.close();
  });

  it('starts empty, then two members chat in realtime with formatting shown as text', async () => {
    await openChat(leader.page, clanId);
    await leader.page.getByTestId('chat-empty').waitFor();
    await openChat(member.page, clanId);
    await expect.poll(() => leader.page.getByTestId('chat-presence').getAttribute('data-count')).toBe('2');

    // Typing shows on the other side before anything is sent.
    await leader.page.getByTestId('chat-input').pressSequentially('Gold');
    await member.page.getByTestId('chat-typing').waitFor();
    expect(await member.page.getByTestId('chat-typing').innerText()).toContain('Leila Leader');

    await send(leader.page, 'Gold looks **strong** today <b>not bold</b> see https://example.com/chart.');
    await waitForText(member.page, 'Gold looks');
    const bubble = member.page.locator('[data-testid=chat-message]').last();
    expect(await bubble.locator('strong').innerText()).toBe('strong');
    expect(await bubble.locator('b').count()).toBe(0);
    expect(await bubble.getByTestId('chat-text').innerText()).toContain('<b>not bold</b>');
    const link = bubble.locator('a');
    expect(await link.getAttribute('href')).toBe('https://example.com/chart');
    expect(await link.getAttribute('rel')).toBe('noopener nofollow ugc');
    expect(await link.getAttribute('target')).toBe('_blank');

    // Shift+Enter adds a line; Enter sends.
    const input = member.page.getByTestId('chat-input');
    await input.fill('Agreed');
    await input.press('Shift+Enter');
    await input.pressSequentially('long above 2650');
    expect(await input.inputValue()).toBe('Agreed\nlong above 2650');
    await input.press('Enter');
    await waitForText(leader.page, 'long above 2650');
    expect(await member.page.getByTestId('chat-pending').count()).toBe(0);
    expect(await input.inputValue()).toBe('');
  });

  it('catches a member up in order after going offline, and sends what they wrote offline', async () => {
    await goOffline(member.context, member.page);
    await member.page.locator('[data-testid=chat-offline][data-state=offline]').waitFor();
    await send(member.page, 'written while offline');
    await member.page.locator('[data-testid=chat-pending][data-state=sending]').waitFor();

    const missed = ['missed one', 'missed two', 'missed three'];
    for (const text of missed) await send(leader.page, text);
    await waitForText(leader.page, 'missed three');
    expect(await texts(member.page)).not.toContain('missed one');

    await goOnline(member.context, member.page);
    await waitForText(member.page, 'missed three');
    await member.page.getByTestId('chat-offline').waitFor({ state: 'detached' });
    await waitForText(leader.page, 'written while offline');
    await expect.poll(() => member.page.getByTestId('chat-pending').count()).toBe(0);

    const seen = await texts(member.page);
    const at = missed.map((t) => seen.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // No duplicates: every stored message shows once, in seq order.
    const seqs = await member.page
      .locator('[data-testid=chat-message]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect((await texts(leader.page)).filter((t) => t === 'written while offline')).toHaveLength(1);
  });

  it('lets the leader pin a message that the member then sees pinned, and only moderators pin', async () => {
    expect(await member.page.getByTestId('chat-pin').count()).toBe(0);
    const target = leader.page.locator('[data-testid=chat-message]', { hasText: 'missed two' });
    await target.hover();
    await target.getByTestId('chat-pin').click();
    await member.page.getByTestId('chat-pinned').waitFor();
    expect(await member.page.getByTestId('chat-pinned-text').innerText()).toContain('missed two');
    expect(await member.page.getByTestId('chat-pinned-unpin').count()).toBe(0);

    // A moderator deletes someone's message (two clicks); everyone sees it gone.
    const other = leader.page.locator('[data-testid=chat-message]', { hasText: 'long above 2650' });
    await other.hover();
    await other.getByTestId('chat-delete').click();
    await other.getByTestId('chat-delete').click();
    await member.page.locator('[data-testid=chat-message][data-deleted=true]').waitFor();
    expect(await texts(member.page)).not.toContain('Agreed\nlong above 2650');
  });

  it('lets a member edit their own message with Esc to cancel', async () => {
    const own = member.page.locator('[data-testid=chat-message]', { hasText: 'written while offline' });
    await own.hover();
    await own.getByTestId('chat-edit').click();
    const input = member.page.getByTestId('chat-input');
    expect(await input.inputValue()).toBe('written while offline');
    await input.press('Escape');
    await member.page.getByTestId('chat-editing').waitFor({ state: 'detached' });
    expect(await input.inputValue()).toBe('');
    await own.hover();
    await own.getByTestId('chat-edit').click();
    await input.fill('written while offline (edited)');
    await input.press('Enter');
    await waitForText(leader.page, '(edited)');
  });

  it('badges the sidebar with unread clan chat until the member reads it', async () => {
    await member.page.goto(`${baseUrl()}/leaderboard`);
    await hydrated(member.page);
    await send(leader.page, 'are you there?');
    await waitForText(leader.page, 'are you there?');
    await member.page.reload();
    await hydrated(member.page);
    const item = member.page.locator(`[data-testid=nav-conversation][data-kind=clan]`);
    await expect.poll(() => item.getAttribute('data-unread')).toBe('1');
    await item.click();
    await member.page.locator('[data-testid=chat][data-phase=live]').waitFor();
    await waitForText(member.page, 'are you there?');
    await expect.poll(() => item.getAttribute('data-unread'), { timeout: 10_000 }).toBe('0');
  });

  it('pages history upward: scrolling to the top loads the earlier messages in order, once each', async () => {
    // The first page is the newest 50 (PAGE_SIZE): seed enough to need a second page. Each
    // user may send 10 messages per 10 s (the leader just sent one), so both members send
    // side by side, each at most 7 per 10 s (a send, then 1.5 s), well inside the limit
    // however late a loaded machine runs the timers.
    await openChat(leader.page, clanId);
    const seeded = Array.from({ length: 50 }, (_, i) => `page ${String(i + 1).padStart(2, '0')}`);
    const paced = async (page, mine) => {
      for (const text of mine) {
        await send(page, text);
        await page.waitForTimeout(1_500);
      }
    };
    await Promise.all([
      paced(
        leader.page,
        seeded.filter((_, i) => i % 2 === 0),
      ),
      paced(
        member.page,
        seeded.filter((_, i) => i % 2 === 1),
      ),
    ]);
    await waitForText(leader.page, 'page 50');
    await waitForText(member.page, 'page 50');
    // every message acked (none refused), given a loaded machine time for the last acks
    await expect.poll(() => member.page.getByTestId('chat-pending').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => leader.page.getByTestId('chat-pending').count(), { timeout: 15_000 }).toBe(0);

    await openChat(member.page, clanId);
    const firstPage = await seqsOf(member.page);
    expect(firstPage).toHaveLength(50);
    expect(await texts(member.page)).not.toContain('missed one');
    await member.page.getByTestId('chat-older').waitFor();

    // Scrolling to the top asks for the page before the oldest shown.
    await member.page.getByTestId('chat-scroller').evaluate((el) => {
      el.scrollTop = 0;
      el.dispatchEvent(new Event('scroll'));
    });
    await waitForText(member.page, 'missed one');
    await member.page.getByTestId('chat-older').waitFor({ state: 'detached' });

    const all = await seqsOf(member.page);
    expect(all.length).toBeGreaterThan(firstPage.length);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all.slice(-firstPage.length)).toEqual(firstPage);
    const shown = await texts(member.page);
    expect(shown[0]).toContain('Gold looks');
    // The two members' sends interleave in any order, but each one's own stay in order.
    const inOrder = (list) => {
      const at = list.map((t) => shown.indexOf(t));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    };
    inOrder(['missed one', 'missed two', 'missed three', 'are you there?', ...seeded.filter((_, i) => i % 2 === 0)]);
    inOrder(['are you there?', ...seeded.filter((_, i) => i % 2 === 1)]);
    expect(shown.filter((t) => t.startsWith('page '))).toHaveLength(seeded.length);
  }, 120_000);

  it('counts the 4 KB limit in bytes in the composer and refuses to send over it', async () => {
    const input = member.page.getByTestId('chat-input');
    const counter = member.page.getByTestId('chat-counter');
    const sendButton = member.page.getByTestId('chat-send');
    await input.fill('short');
    expect(await counter.count()).toBe(0);

    // From three quarters of the limit on, the counter shows what is left.
    await input.fill('a'.repeat(3500));
    expect(await counter.innerText()).toBe('596 bytes left');
    expect(await sendButton.isEnabled()).toBe(true);

    // Persian letters are two bytes each: 2049 of them are 2 bytes over.
    const before = await seqsOf(member.page);
    await input.fill('س'.repeat(2049));
    expect(await counter.innerText()).toBe('2 bytes over the 4 KB limit');
    expect(await counter.getAttribute('class')).toContain('over');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await sendButton.isDisabled()).toBe(true);
    await input.press('Enter');
    await member.page.waitForTimeout(500);
    expect(await member.page.getByTestId('chat-pending').count()).toBe(0);
    expect(await seqsOf(member.page)).toEqual(before);
    expect(await input.inputValue()).toBe('س'.repeat(2049));

    // Exactly 4 KB goes through and reaches the other member whole.
    await input.fill('س'.repeat(2048));
    expect(await counter.innerText()).toBe('0 bytes left');
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe('');
    await expect
      .poll(async () => (await texts(leader.page)).includes('س'.repeat(2048)), { timeout: 15_000 })
      .toBe(true);
  });

  it('refuses a trader who is not a member with a clear message', async () => {
    const outsider = await trader('chatout', 'Omid Outsider');
    await outsider.page.goto(`${baseUrl()}/clans/${clanId}/chat`);
    await hydrated(outsider.page);
    const refused = outsider.page.getByTestId('chat-forbidden');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/not a member/i);
    expect(await outsider.page.getByTestId('chat-input').count()).toBe(0);
    expect(await outsider.page.locator('[data-testid=chat-message]').count()).toBe(0);
    // The room itself refuses the socket too, whatever the page does.
    const refusal = await outsider.page.evaluate(async (room) => {
      const res = await fetch('/api/v1/rooms/ticket', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ party: 'clan', room }),
      });
      return res.status;
    }, clanId);
    expect(refusal).toBe(403);
    await outsider.context.close();
  });

  it('speaks Persian: right-to-left with Persian digits', async () => {
    await leader.page.goto(`${baseUrl()}/`);
    await hydrated(leader.page);
    await leader.page.getByTestId('lang-fa').click();
    await leader.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await openChat(leader.page, clanId);
    expect(await leader.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await leader.page.getByTestId('chat-input').getAttribute('placeholder')).toBe('پیامی بنویسید…');
    const time = await leader.page.locator('[data-testid=chat-message] time').first().innerText();
    expect(time).toMatch(/[۰-۹]/);
  });

  it('opens the subscriber chat beside the channel for clan members', async () => {
    await leader.page.goto(`${baseUrl()}/channels/${clanId}/chat`);
    await hydrated(leader.page);
    await leader.page.locator('[data-testid=chat][data-party=subs][data-phase=live]').waitFor({ timeout: 20_000 });
    await leader.page.getByTestId('chat-empty').waitFor();
    await send(leader.page, 'سلام به مشترکان');
    await waitForText(leader.page, 'سلام به مشترکان');
    await expect.poll(() => leader.page.getByTestId('chat-pending').count()).toBe(0);
  });

  it('closes the chat of a kicked member at once with a clear message', async () => {
    await openChat(member.page, clanId);
    const me = await api(member.page, 'GET', '/me');
    await api(leader.page, 'DELETE', `/clans/${clanId}/members/${me.id}`);
    const refused = member.page.locator('[data-testid=chat-forbidden][data-reason=evicted]');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.innerText()).toMatch(/no longer a member/i);
    expect(await member.page.getByTestId('chat-input').count()).toBe(0);
  });
});
