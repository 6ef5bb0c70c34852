import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { hydrated, signUpVerifyLogIn } from './flows.mjs';

/**
 * Competition in the browser: the season status in the top bar, the trader leaderboard
 * (filters and sorting live in the URL, so they also work without JavaScript) and the
 * season history on a public profile. A fresh e2e server has no trades closed in the
 * current season, so the board is honestly empty: the test asserts the empty states and,
 * should the server ever hold ranked traders, that the table follows the URL instead.
 */

/** The UTC month the server is in, and its days left (docs/ranking.md §1), from this machine's clock. */
function currentSeason(now = new Date()) {
  const id = now.toISOString().slice(0, 7);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return { id, daysLeft: Math.max(0, Math.ceil((end - now.getTime()) / 86_400_000)) };
}

let browser;
let trader;
let context;
let page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  trader = uniqueTrader('board');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Rows on the board, or the empty state's reason when there are none. */
async function boardState(p) {
  await p.getByTestId('leaderboard-page').waitFor();
  const rows = await p.getByTestId('leaderboard-row').count();
  if (rows > 0) return { rows, empty: null };
  return { rows, empty: await p.getByTestId('leaderboard-empty').getAttribute('data-reason') };
}

describe('competition in the browser', () => {
  it('shows the current season and days left in the top bar, in English and Persian', async () => {
    await signUpVerifyLogIn(page, trader, { displayName: 'Board Watcher' });
    const before = currentSeason();
    await page.goto(`${baseUrl()}/`);
    const status = page.getByTestId('season-status');
    const after = currentSeason();
    expect(await status.getAttribute('data-season')).toBe(after.id);
    const daysLeft = Number(await status.getAttribute('data-days-left'));
    expect([before.daysLeft, after.daysLeft]).toContain(daysLeft);
    const text = await status.innerText();
    expect(text).toContain(`Season ${after.id}`);
    expect(text).toMatch(daysLeft === 1 ? /· 1 day left/ : new RegExp(`· ${daysLeft} days left`));
    expect(text).not.toContain('Season —');
    // A new trader has no standing on the board yet: no "you #n".
    expect(text).not.toMatch(/you #/);

    // Persian (the language switch in the shell): the season's Jalali month, Persian digits only.
    await hydrated(page);
    await page.getByTestId('lang-fa').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const [y, m] = after.id.split('-').map(Number);
    const jalaliMonth = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, 15),
    );
    await expect.poll(() => status.innerText()).toContain('فصل');
    const faText = await status.innerText();
    expect(faText).toContain(jalaliMonth);
    expect(faText).toContain('روز مانده');
    expect(faText).not.toMatch(/[0-9]/);
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  it('loads the leaderboard from the nav, with the empty state of a season without ranked traders', async () => {
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('nav-leaderboard').click();
    await page.waitForURL('**/leaderboard');
    const state = await boardState(page);
    expect(await page.getByTestId('leaderboard-season').getAttribute('data-season')).toBe(currentSeason().id);
    if (state.rows === 0) {
      expect(state.empty).toBe('season');
      expect(await page.getByTestId('leaderboard-empty').innerText()).toBe(
        'No ranked traders yet this season — traders need 10 trades on 5 days.',
      );
    } else {
      const positions = await page
        .getByTestId('leaderboard-row')
        .evaluateAll((rows) => rows.map((r) => Number(r.dataset.position)));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('filters by instrument and style and sorts through the URL, and says when nothing matches', async () => {
    await page.goto(`${baseUrl()}/leaderboard`);
    await hydrated(page);
    await page.getByTestId('filter-instrument').fill('eurusd');
    await page.getByTestId('filter-style').selectOption('scalper');
    await page.getByTestId('filter-sort').selectOption('sharpe');
    await page.getByTestId('filter-apply').click();
    await page.waitForURL(/instrument=EURUSD/);
    const url = new URL(page.url());
    expect(url.searchParams.get('instrument')).toBe('EURUSD');
    expect(url.searchParams.get('style')).toBe('scalper');
    expect(url.searchParams.get('sort')).toBe('sharpe');
    await page.locator('[data-testid=leaderboard-page][data-sort=sharpe]').waitFor();
    expect(await page.getByTestId('filter-instrument').inputValue()).toBe('EURUSD');
    expect(await page.getByTestId('filter-style').inputValue()).toBe('scalper');
    const filtered = await boardState(page);
    if (filtered.rows === 0) {
      expect(filtered.empty).toBe('filters');
      expect(await page.getByTestId('leaderboard-empty').innerText()).toBe('No traders match these filters.');
    } else {
      await page.locator('[data-testid=sort-sharpe][aria-current=true]').waitFor();
    }

    // A symbol nobody trades: the board says so, and "clear filters" brings the full board back.
    await page.goto(`${baseUrl()}/leaderboard?instrument=zzznone&sort=return`);
    expect(await boardState(page)).toEqual({ rows: 0, empty: 'filters' });
    expect(await page.getByTestId('filter-instrument').inputValue()).toBe('ZZZNONE');
    await hydrated(page);
    await page.getByTestId('filter-clear').click();
    await page.waitForURL((u) => !u.search.includes('instrument'));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('return');
    expect((await boardState(page)).empty).not.toBe('filters');
  });

  it('filters without JavaScript', async () => {
    const noJs = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${baseUrl()}/leaderboard`);
    await p.getByTestId('filter-instrument').fill('xauusd');
    await p.getByTestId('filter-style').selectOption('swing_trader');
    await p.getByTestId('filter-apply').click();
    await p.waitForURL(/style=swing_trader/);
    // Typed in lower case without JavaScript: the server answers with the canonical URL.
    await p.waitForURL(/instrument=XAUUSD/);
    expect(await p.getByTestId('filter-instrument').inputValue()).toBe('XAUUSD');
    const state = await boardState(p);
    expect(state.rows > 0 || state.empty === 'filters').toBe(true);
    await noJs.close();
  });

  it('shows a season history section on a public profile', async () => {
    const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await visitor.goto(`${baseUrl()}/u/${trader.handle}`);
    await visitor.getByTestId('public-profile').waitFor();
    const history = visitor.getByTestId('season-history');
    expect(await history.locator('h2').innerText()).toBe('Season history');
    // A trader who joined this season has no archived season yet.
    expect(await visitor.getByTestId('season-history-empty').innerText()).toBe('No season results yet.');
    await visitor.context().close();
  });

  it('links the clan leaderboard, which explains the clan score and says when no clan is ranked', async () => {
    await page.goto(`${baseUrl()}/leaderboard`);
    await hydrated(page);
    await page.getByTestId('clan-board-link').click();
    await page.waitForURL('**/leaderboard/clans');
    await page.getByTestId('clan-board').waitFor();
    expect(await page.locator('[data-testid=clan-board] h1').innerText()).toBe('Clan leaderboard');
    const rows = await page.getByTestId('clan-board-row').count();
    if (rows === 0) {
      expect(await page.getByTestId('clan-board-empty').innerText()).toBe(
        'No clan has a ranked member this season yet.',
      );
    }
    await page.getByTestId('trader-board-link').click();
    await page.getByTestId('leaderboard-page').waitFor();
  });
});
