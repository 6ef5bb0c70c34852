import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { demoTrader, hydrated, logIn, openSeededBoard, signUpVerifyLogIn } from './flows.mjs';

/**
 * Competition in the browser, on the demo seed (apps/onprem/src/seed-demo.ts): six traders
 * with verified trades in the running season (five ranked, reza_new short of the
 * minimum-activity rule), two clans, and last season archived by the season jobs. The
 * server's clock starts on the 15th of this month (CLANTRADER_NOW, set by
 * server-process.mjs), so the same board shows on any date the suite runs.
 */

const NOW = new Date(process.env.CLANTRADER_NOW ?? '');

/** The season (UTC month) containing `now`, its days left (docs/ranking.md §1) and the season before. */
function seasonAt(now) {
  const id = now.toISOString().slice(0, 7);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  return { id, previous, daysLeft: Math.max(0, Math.ceil((end - now.getTime()) / 86_400_000)) };
}

let browser;
let trader;
let context;
let page;
beforeAll(async () => {
  if (Number.isNaN(NOW.getTime())) throw new Error('CLANTRADER_NOW is not set: run the suite through `pnpm test:e2e`');
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  trader = uniqueTrader('board');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The rows on the page: handle, position, eligibility, tier, score and return as shown. */
function rowsOf(p) {
  return p.getByTestId('leaderboard-row').evaluateAll((rows) =>
    rows.map((r) => ({
      handle: r.dataset.handle,
      position: Number(r.dataset.position),
      eligible: r.dataset.eligible === 'true',
      tier: r.querySelector('[data-testid=tier-badge]')?.getAttribute('data-tier'),
      score: r.querySelector('[data-testid=row-score]')?.textContent.trim(),
      returnPct: Number.parseFloat(r.querySelector('[data-testid=row-return]')?.textContent.replace(/[^\d.-]/g, '')),
    })),
  );
}
const handles = async (p) => (await rowsOf(p)).map((r) => r.handle);

/** Applies the filter form with JavaScript and waits for the URL and the table to follow. */
async function applyFilters(p, { instrument = '', style = '', sort = 'score' }) {
  await hydrated(p);
  await p.getByTestId('filter-instrument').fill(instrument);
  await p.getByTestId('filter-style').selectOption(style);
  await p.getByTestId('filter-sort').selectOption(sort);
  await p.getByTestId('filter-apply').click();
  await p.waitForURL(
    (u) =>
      (u.searchParams.get('instrument') ?? '') === instrument.toUpperCase() &&
      (u.searchParams.get('style') ?? '') === style &&
      (u.searchParams.get('sort') ?? 'score') === sort,
  );
  await p.locator(`[data-testid=leaderboard-page][data-sort=${sort}]`).waitFor();
  await p.locator('[data-testid=leaderboard-row], [data-testid=leaderboard-empty]').first().waitFor();
}

describe('competition in the browser', () => {
  it('shows the season and days left in the top bar, in English and Persian', async () => {
    await signUpVerifyLogIn(page, trader, { displayName: 'Board Watcher' });
    const season = seasonAt(NOW);
    await page.goto(`${baseUrl()}/`);
    const status = page.getByTestId('season-status');
    expect(await status.getAttribute('data-season')).toBe(season.id);
    expect(Number(await status.getAttribute('data-days-left'))).toBe(season.daysLeft);
    const text = await status.innerText();
    expect(text).toContain(`Season ${season.id}`);
    expect(text).toContain(`· ${season.daysLeft} days left`);
    // A new trader has no standing on the board and no clan: no "you #n", no clan rank.
    expect(text).not.toMatch(/you #|your clan/);

    // Persian (the language switch in the shell): the season's Jalali month, Persian digits only.
    await hydrated(page);
    await page.getByTestId('lang-fa').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const [y, m] = season.id.split('-').map(Number);
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

  it('shows a seeded trader their rank and their clan’s rank in the top bar', async () => {
    const ctx = await browser.newContext({ locale: 'en-US' });
    const lena = await ctx.newPage();
    await openSeededBoard(lena, '/leaderboard', { rows: 6 });
    const row = (await rowsOf(lena)).find((r) => r.handle === 'lena_algo');
    await lena.goto(`${baseUrl()}/leaderboard/clans`);
    const clanRows = lena.getByTestId('clan-board-row');
    expect(await clanRows.count()).toBe(2);
    const clanPosition = await clanRows.filter({ hasText: 'Index Lab' }).getAttribute('data-position');

    // lena's profile language is English (sara's and omid's is Persian).
    await logIn(lena, demoTrader('lena'), { attempts: 10 });
    await lena.goto(`${baseUrl()}/`);
    const status = lena.getByTestId('season-status');
    expect(await status.getAttribute('data-position')).toBe(String(row.position));
    expect(await status.getAttribute('data-clan-position')).toBe(clanPosition);
    const text = await status.innerText();
    expect(text).toContain(`you #${row.position} (${row.tier[0].toUpperCase()}${row.tier.slice(1)})`);
    expect(text).toContain(`your clan #${clanPosition}`);
    await ctx.close();
  });

  it('loads a filled board from the nav: ranked traders with scores and tiers, the unranked last', async () => {
    await openSeededBoard(page, '/leaderboard', { rows: 6 });
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('nav-leaderboard').click();
    await page.waitForURL('**/leaderboard');
    expect(await page.getByTestId('leaderboard-season').getAttribute('data-season')).toBe(seasonAt(NOW).id);
    const rows = await rowsOf(page);
    expect(rows.map((r) => r.handle).sort()).toEqual(
      ['dara_gold', 'lena_algo', 'nima_scalp', 'omid_swing', 'reza_new', 'sara_fx'].sort(),
    );
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const r of rows.slice(0, 5)) {
      expect(r.eligible).toBe(true);
      expect(['bronze', 'silver', 'gold', 'diamond', 'legendary']).toContain(r.tier);
      expect(r.score).toMatch(/^\d{1,3}\.\d$/);
    }
    expect(rows[5]).toMatchObject({ handle: 'reza_new', eligible: false, tier: 'unranked', score: '—' });
    expect(await page.getByTestId('leaderboard-empty').count()).toBe(0);
  });

  it('filters by instrument and by style, sorts by a component, and says when nothing matches', async () => {
    await openSeededBoard(page, '/leaderboard', { rows: 6 });
    const byScore = await handles(page);

    await applyFilters(page, { instrument: 'eurusd' });
    expect(new URL(page.url()).searchParams.get('instrument')).toBe('EURUSD');
    expect(await page.getByTestId('filter-instrument').inputValue()).toBe('EURUSD');
    await expect.poll(async () => (await handles(page)).sort()).toEqual(['nima_scalp', 'sara_fx']);

    await applyFilters(page, { instrument: 'XAUUSD' });
    await expect.poll(async () => (await handles(page)).sort()).toEqual(['dara_gold', 'sara_fx']);
    // Filtered views keep season positions.
    const positions = Object.fromEntries((await rowsOf(page)).map((r) => [r.handle, r.position]));
    expect(positions.sara_fx).toBe(byScore.indexOf('sara_fx') + 1);

    await applyFilters(page, { style: 'scalper' });
    await expect.poll(() => handles(page)).toEqual(['nima_scalp']);
    await applyFilters(page, { style: 'swing_trader' });
    await expect.poll(() => handles(page)).toEqual(['omid_swing']);

    // Sorting by return: dara's big swings top it, though steadier traders outscore him.
    await applyFilters(page, { sort: 'return' });
    await page.locator('[data-testid=sort-return][aria-current=true]').waitFor();
    const byReturn = await rowsOf(page);
    expect(byReturn[0].handle).toBe('dara_gold');
    expect(byScore[0]).not.toBe('dara_gold');
    const returns = byReturn.filter((r) => r.eligible).map((r) => r.returnPct);
    expect(returns).toEqual([...returns].sort((a, b) => b - a));
    expect(byReturn.at(-1).handle).toBe('reza_new');

    // A combination nobody matches: the board says so.
    await applyFilters(page, { instrument: 'EURUSD', style: 'position_trader', sort: 'sharpe' });
    await page.locator('[data-testid=leaderboard-empty][data-reason=filters]').waitFor();
    expect(await page.getByTestId('leaderboard-empty').innerText()).toBe('No traders match these filters.');

    // A symbol nobody trades, then "clear filters" brings the full board back in the same order.
    await page.goto(`${baseUrl()}/leaderboard?instrument=zzznone&sort=return`);
    await page.locator('[data-testid=leaderboard-empty][data-reason=filters]').waitFor();
    expect(await page.getByTestId('filter-instrument').inputValue()).toBe('ZZZNONE');
    await hydrated(page);
    await page.getByTestId('filter-clear').click();
    await page.waitForURL((u) => !u.search.includes('instrument'));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('return');
    await expect.poll(() => handles(page)).toEqual(byReturn.map((r) => r.handle));
  });

  it('filters without JavaScript', async () => {
    const noJs = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
    const p = await noJs.newPage();
    await openSeededBoard(p, '/leaderboard', { rows: 6 });
    await p.getByTestId('filter-instrument').fill('xauusd');
    await p.getByTestId('filter-style').selectOption('position_trader');
    await p.getByTestId('filter-apply').click();
    await p.waitForURL(/style=position_trader/);
    // Typed in lower case without JavaScript: the server answers with the canonical URL.
    await p.waitForURL(/instrument=XAUUSD/);
    expect(await p.getByTestId('filter-instrument').inputValue()).toBe('XAUUSD');
    expect(await handles(p)).toEqual(['dara_gold']);
    await noJs.close();
  });

  it('shows last season’s place, tier and awards on a seeded trader’s profile, and none for a newcomer', async () => {
    const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await visitor.goto(`${baseUrl()}/u/sara_fx`);
    await visitor.getByTestId('public-profile').waitFor();
    const history = visitor.getByTestId('season-history');
    expect(await history.locator('h2').innerText()).toBe('Season history');
    const last = history.locator(`[data-testid=season-history-row][data-season="${seasonAt(NOW).previous}"]`);
    await last.waitFor();
    expect(await history.getByTestId('season-history-row').count()).toBe(1);
    expect(await last.locator('td.num').innerText()).toBe('#1');
    expect(await last.getByTestId('tier-badge').getAttribute('data-tier')).toBe('legendary');
    const awards = await last.getByTestId('season-award').evaluateAll((a) => a.map((x) => x.dataset.kind));
    expect(awards).toEqual(expect.arrayContaining(['overall_champion', 'most_consistent', 'specialist']));
    const labels = await last.getByTestId('season-award').allInnerTexts();
    expect(labels.map((l) => l.replace(/^🏆\s*/u, '').trim())).toEqual(
      expect.arrayContaining(['Overall Champion', 'Most Consistent', 'XAUUSD Specialist']),
    );

    // A trader who joined this season has no archived season yet.
    await visitor.goto(`${baseUrl()}/u/${trader.handle}`);
    await visitor.getByTestId('public-profile').waitFor();
    expect(await visitor.getByTestId('season-history-empty').innerText()).toBe('No season results yet.');
    await visitor.context().close();
  });

  it('shows this week’s highlights of the last recompute, as the API has them', async () => {
    await openSeededBoard(page, '/leaderboard', { rows: 6 });
    const stored = await (await fetch(`${baseUrl()}/api/v1/leaderboard/highlights`)).json();
    await page.getByTestId('weekly-highlights').waitFor();
    expect(stored.highestSingleTrade).not.toBeNull();
    const seeded = ['dara_gold', 'lena_algo', 'nima_scalp', 'omid_swing', 'sara_fx'];
    expect(seeded).toContain(stored.highestSingleTrade.handle);
    const trade = page.getByTestId('highlight-trade');
    expect(await trade.getAttribute('data-handle')).toBe(stored.highestSingleTrade.handle);
    expect(await trade.getByTestId('highlight-value').innerText()).toContain(stored.highestSingleTrade.symbol);
    for (const [id, key] of [
      ['highlight-consistent', 'mostConsistent'],
      ['highlight-climber', 'biggestClimber'],
    ]) {
      expect(await page.getByTestId(id).getAttribute('data-handle')).toBe(stored[key]?.handle ?? '');
    }
    // filtered views are about the filter, not the week
    await page.goto(`${baseUrl()}/leaderboard?instrument=XAUUSD`);
    await page.getByTestId('leaderboard-page').waitFor();
    expect(await page.getByTestId('weekly-highlights').count()).toBe(0);
  });

  it('links the clan leaderboard, which ranks the demo clans', async () => {
    await openSeededBoard(page, '/leaderboard', { rows: 6 });
    await hydrated(page);
    await page.getByTestId('clan-board-link').click();
    await page.waitForURL('**/leaderboard/clans');
    await page.getByTestId('clan-board').waitFor();
    expect(await page.locator('[data-testid=clan-board] h1').innerText()).toBe('Clan leaderboard');
    const rows = page.getByTestId('clan-board-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.evaluateAll((r) => r.map((x) => Number(x.dataset.position)))).toEqual([1, 2]);
    const names = await rows.allInnerTexts();
    expect(names.some((t) => t.includes('Persian Gulf Pips'))).toBe(true);
    expect(names.some((t) => t.includes('Index Lab'))).toBe(true);
    await page.getByTestId('trader-board-link').click();
    await page.getByTestId('leaderboard-page').waitFor();
  });

  it('shows a clan’s place in last season on its profile', async () => {
    await openSeededBoard(page, '/leaderboard', { rows: 6 });
    await page.goto(`${baseUrl()}/leaderboard/clans`);
    await page.getByTestId('clan-board').waitFor();
    await page.getByTestId('clan-board-row').filter({ hasText: 'Persian Gulf Pips' }).locator('a').first().click();
    await page.waitForURL('**/clans/*');
    const history = page.getByTestId('clan-season-history');
    await history.waitFor();
    expect(await history.locator('h2').innerText()).toBe('Season history');
    const row = history.locator(`[data-testid=clan-season-row][data-season="${seasonAt(NOW).previous}"]`);
    await row.waitFor();
    expect(await history.getByTestId('clan-season-row').count()).toBe(1);
    expect(Number(await row.getAttribute('data-position'))).toBeGreaterThanOrEqual(1);
    expect(await row.locator('td.num').first().innerText()).toMatch(/^#[12] of 2$/);
  });
});
