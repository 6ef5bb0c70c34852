import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { createClan } from './clan-flows.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

/**
 * Clan life in the browser: a leader creates a clan (the form shows the API's field
 * problems first), makes an invite link, a second trader opens it and joins, and the
 * leader sees the new member — in English, then the same profile in Persian.
 */
/** Waits long enough for a loaded CI machine (the default is one second). */
const POLL = { timeout: 15_000 };

let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('clans in the browser', () => {
  it('creates a clan, invites by link, and the leader sees the new member', async () => {
    const leaderContext = await browser.newContext({ locale: 'en-US' });
    const leader = await leaderContext.newPage();
    const boss = uniqueTrader('lead');
    await signUpVerifyLogIn(leader, boss, { displayName: 'Clan Leader' });

    // A name that is too short: the form says so beside the input and keeps the rest.
    await leader.getByTestId('nav-clans').click();
    await leader.getByTestId('clan-create-link').click();
    await leader.getByTestId('clan-form').waitFor();
    await hydrated(leader);
    await leader.fill('input[name=name]', 'ab');
    await leader.fill('textarea[name=description]', 'kept');
    await leader.selectOption('select[name=tradingFocus]', 'forex');
    await leader.getByTestId('clan-create-submit').click();
    expect(await leader.getByTestId('error-name').innerText()).toContain('at least 3');
    expect(await leader.inputValue('textarea[name=description]')).toBe('kept');

    const name = `Gold Pips ${process.pid % 10000}`;
    const clanId = await createClan(leader, { name });
    expect(await leader.getByTestId('clan-name').innerText()).toBe(name);
    // The description is text, never markup.
    expect(await leader.getByTestId('clan-description').innerText()).toBe('We trade <b>gold</b> breakouts.');
    expect(
      await leader.locator(`[data-testid=clan-member][data-handle="${boss.handle}"]`).getAttribute('data-role'),
    ).toBe('leader');
    expect(await leader.getByTestId('clan-member-count').innerText()).toBe('1 of 3 members');

    await leader.getByTestId('clan-manage-link').click();
    await leader.getByTestId('clan-manage').waitFor();
    await hydrated(leader);
    await leader.getByTestId('invite-create').click();
    await leader.getByTestId('new-invite').waitFor();
    const inviteUrl = await leader.getByTestId('invite-link').inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    await leader.getByTestId('invite-row').first().waitFor();

    const memberContext = await browser.newContext({ locale: 'en-US' });
    const member = await memberContext.newPage();
    const recruit = uniqueTrader('recruit');
    await signUpVerifyLogIn(member, recruit, { displayName: 'New Recruit' });
    await member.goto(inviteUrl);
    await member.getByTestId('invite-page').waitFor();
    expect(await member.getByTestId('invite-page').innerText()).toContain(name);
    await hydrated(member);
    await member.getByTestId('invite-accept').click();
    await member.waitForURL(new RegExp(`/clans/${clanId}\\?welcome=1$`));
    await member.locator(`[data-testid=clan-member][data-handle="${recruit.handle}"][data-role=member]`).waitFor();
    await member.getByTestId('clan-welcome').waitFor();

    // The leader sees the member, on the profile and in the management list.
    await leader.goto(`${baseUrl()}/clans/${clanId}`);
    await leader.locator(`[data-testid=clan-member][data-handle="${recruit.handle}"]`).waitFor();
    expect(await leader.getByTestId('clan-member-count').innerText()).toBe('2 of 3 members');
    await leader.goto(`${baseUrl()}/clans/${clanId}/manage`);
    await leader.locator(`[data-testid=manage-member][data-handle="${recruit.handle}"]`).waitFor();

    // A spent or bogus link explains itself instead of a bare 404.
    await member.goto(`${baseUrl()}/invite/${'x'.repeat(43)}`);
    expect(await member.getByTestId('invite-page').getAttribute('data-state')).toBe('clan.invite_not_found');

    // The same profile in Persian: right to left, Persian digits.
    const persian = await (await browser.newContext({ locale: 'fa-IR' })).newPage();
    await persian.goto(`${baseUrl()}/clans/${clanId}`);
    await persian.getByTestId('lang-fa').click();
    await persian.waitForFunction(() => document.documentElement.dir === 'rtl');
    const count = await persian.getByTestId('clan-member-count').innerText();
    expect(count).toContain('۲');
    expect(count).not.toMatch(/[0-9]/);

    await leaderContext.close();
    await memberContext.close();
    await persian.context().close();
  });

  it('handles join requests, roles, kicks and disbanding, and lists free agents', async () => {
    const leaderContext = await browser.newContext({ locale: 'en-US' });
    const leader = await leaderContext.newPage();
    await signUpVerifyLogIn(leader, uniqueTrader('boss'), { displayName: 'Request Boss' });
    const name = `Asia Open ${process.pid % 10000}`;
    const clanId = await createClan(leader, { name, privacy: 'request', focus: 'forex' });

    const askerContext = await browser.newContext({ locale: 'en-US' });
    const asker = await askerContext.newPage();
    const applicant = uniqueTrader('asker');
    await signUpVerifyLogIn(asker, applicant, { displayName: 'Eager Applicant' });
    await asker.getByTestId('nav-clans').click();
    await asker.fill('[data-testid=clan-search]', name);
    await asker.getByTestId('clan-search-submit').click();
    await asker.locator(`[data-testid=clan-card][data-id="${clanId}"] [data-testid=clan-link]`).click();
    await asker.getByTestId('clan-profile').waitFor();
    await hydrated(asker);
    await asker.fill('#join-message', 'I scalp the London open.');
    await asker.getByTestId('clan-join').click();
    await asker.getByTestId('clan-requested').waitFor();

    await leader.goto(`${baseUrl()}/clans/${clanId}/manage`);
    const request = leader.locator(`[data-testid=request-row][data-handle="${applicant.handle}"]`);
    expect(await request.innerText()).toContain('I scalp the London open.');
    await hydrated(leader);
    await request.getByTestId('request-approve').click();
    await leader.getByTestId('requests-done').waitFor();
    const row = leader.locator(`[data-testid=manage-member][data-handle="${applicant.handle}"]`);
    await row.getByTestId('member-promote').click();
    await leader
      .locator(`[data-testid=manage-member][data-handle="${applicant.handle}"][data-role=co_leader]`)
      .waitFor();
    await row.getByTestId('member-kick-open').click();
    await row.getByTestId('member-kick').click();
    await leader.getByTestId('requests-empty').waitFor();
    await expect.poll(() => row.count(), POLL).toBe(0);

    // Disbanding needs the exact name.
    await leader.fill('[data-testid=disband-name]', 'wrong');
    await leader.getByTestId('disband-submit').click();
    await leader.getByTestId('error-confirmName').waitFor();
    await leader.fill('[data-testid=disband-name]', name);
    await leader.getByTestId('disband-submit').click();
    await leader.waitForURL(/\/clans$/);
    const gone = await leader.goto(`${baseUrl()}/clans/${clanId}`);
    expect(gone?.status()).toBe(404);

    // The free-agent market filters by the URL and says when nothing matches.
    await asker.getByTestId('nav-clans').click();
    await asker.getByTestId('free-agents-link').click();
    await asker.getByTestId('free-agents-page').waitFor();
    await asker.selectOption('[data-testid=agents-risk]', 'high');
    await asker.fill('[data-testid=agents-pair]', 'zzzzzz');
    await asker.getByTestId('agents-apply').click();
    await asker.waitForURL(/risk=high/);
    expect(new URL(asker.url()).searchParams.get('pair')).toBe('ZZZZZZ');
    await asker.getByTestId('agents-empty').waitFor();

    await leaderContext.close();
    await askerContext.close();
  });
});
