import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, uniqueTrader } from './browser.mjs';
import { createClan } from './clan-flows.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';
import { E2E_LOCAL_ANSWER } from './openai-test-server.mjs';

/**
 * The spectator bot in the browser, on the on-prem bundle whose only model is a LOCAL
 * OpenAI-compatible server on loopback (server-process.mjs; no cloud tier): the answer
 * streams in with the yellow "local mode" dot, and the 4th question of the day is
 * refused politely. Runs in test:e2e and, unchanged, in test:blackout.
 */
let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ask(page, question) {
  await page.getByTestId('ai-question').fill(question);
  await page.getByTestId('ai-ask').click();
}

describe('AI assistant (spectator bot)', () => {
  it('answers from the local model with the yellow dot, then refuses the 4th question politely', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tehran' });
    const page = await context.newPage();
    await signUpVerifyLogIn(page, uniqueTrader('ai'), { displayName: 'AI Spectator' });

    // The top-bar connectivity dot follows GET /ai/status: local tier → yellow.
    await expect.poll(() => page.getByTestId('connectivity').getAttribute('data-tier')).toBe('local');

    await page.getByTestId('nav-ai').click();
    await page.waitForURL('**/ai');
    await expect(page.getByTestId('ai-remaining').textContent()).resolves.toContain('3 free questions a day');

    await ask(page, 'Which instrument is trending among verified traders?');
    const first = page.getByTestId('ai-answer').nth(0);
    await first.locator('[data-testid=ai-tier-dot]').waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('data-tier')).toBe('local');
    expect(await first.locator('.text').textContent()).toBe(E2E_LOCAL_ANSWER);
    expect(await first.getByTestId('ai-tier').textContent()).toContain('⚡ Running in local mode');
    const colour = await first.getByTestId('ai-tier-dot').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(241, 196, 15)');
    await expect.poll(() => page.getByTestId('ai-remaining').getAttribute('data-remaining')).toBe('2');

    for (const [i, q] of ['Who has the lowest drawdown?', 'What is a good scalping pair?'].entries()) {
      await ask(page, q);
      await page
        .getByTestId('ai-answer')
        .nth(i + 1)
        .locator('[data-testid=ai-tier-dot]')
        .waitFor({ timeout: 30_000 });
    }
    await expect.poll(() => page.getByTestId('ai-remaining').getAttribute('data-remaining')).toBe('0');

    await ask(page, 'One more question, please?');
    const refusal = page.getByTestId('ai-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-reason')).toBe('quota');
    expect(await refusal.textContent()).toContain('renew at midnight your time');
    expect(await page.getByTestId('ai-answer').count()).toBe(3);
    await context.close();
  });

  it('answers a clan member’s recruiting question with the tier dot; a non-member is told it is for members', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signUpVerifyLogIn(page, uniqueTrader('aiclan'), { displayName: 'Clan Asker' });
    const clanId = await createClan(page, { name: `Assist ${Date.now().toString(36)}` });
    await page.getByTestId('clan-assistant-link').click();
    await page.getByTestId('clan-assistant').waitFor();
    await hydrated(page);
    expect(await page.getByTestId('clan-summaries-empty').isVisible()).toBe(true);
    await page.getByTestId('clan-assistant-question').fill('Find us a free agent who trades gold with low drawdown');
    await page.getByTestId('clan-assistant-ask').click();
    const answer = page.getByTestId('clan-assistant-answer');
    await expect.poll(() => answer.getAttribute('data-tier'), { timeout: 30_000 }).toBe('local');
    expect(await answer.locator('.text').textContent()).toBe(E2E_LOCAL_ANSWER);

    const outsider = await browser.newContext({ locale: 'en-US' });
    const other = await outsider.newPage();
    await signUpVerifyLogIn(other, uniqueTrader('aiout'), { displayName: 'Outsider' });
    await other.goto(`${new URL(page.url()).origin}/clans/${clanId}/assistant`);
    await other.getByTestId('clan-assistant-members-only').waitFor();
    expect(await other.getByTestId('clan-assistant-question').count()).toBe(0);
    await outsider.close();
    await context.close();
  });
});
