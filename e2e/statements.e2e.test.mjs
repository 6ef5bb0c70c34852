import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, uniqueTrader } from './browser.mjs';
import { logIn, signUpVerifyLogIn, hydrated } from './flows.mjs';
import { root } from './server-process.mjs';

/**
 * Statement verification in the browser: a trader uploads a real MetaTrader export and
 * sees it verified and on their public profile; a tampered copy lands in the review queue
 * and an admin rejects it. The corpus lives beside the repo (../shared/fixtures).
 */
const corpusDir = path.resolve(root, '../shared/fixtures/statements');
// An MT4 detailed statement that `pnpm verify:corpus` passes and that has no findings.
const CLEAN_FILE = 'mt4-statement/demo-es-label-detailed.htm';
// One closed-trade profit cell (108.00) of that report; the edit makes it 208.00.
const PROFIT_CELL = '<td class=mspt>0.47</td><td class=mspt>108.00</td>';
const TAMPERED_CELL = '<td class=mspt>0.47</td><td class=mspt>208.00</td>';
// The seeded demo admin (apps/onprem/src/seed-demo.ts; SEED_DEMO=1 in server-process.mjs).
const ADMIN = { email: 'admin@demo.clantrader.local', password: 'Demo-trader-2026' };

const cleanBytes = () => readFileSync(path.join(corpusDir, CLEAN_FILE));

/** The same report with one profit cell edited, byte for byte otherwise (latin1 round-trips bytes). */
function tamperedBytes() {
  const text = cleanBytes().toString('latin1');
  const edited = text.replace(PROFIT_CELL, TAMPERED_CELL);
  if (edited === text) throw new Error('the profit cell to edit was not found in the fixture');
  return Buffer.from(edited, 'latin1');
}

let browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Uploads through the page's file button and returns the new statement's id from the URL. */
async function uploadStatement(page, name, buffer) {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop();
}

/** Waits until the page (which polls while pending) shows a settled status. */
async function settledStatus(page) {
  await page.locator('[data-testid=statement]:not([data-status=pending])').waitFor({ timeout: 30_000 });
  return page.getByTestId('statement').getAttribute('data-status');
}

describe('statement verification in the browser', () => {
  it('verifies a real MT4 statement and shows the stats on the public profile', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const trader = uniqueTrader('stmt');
    await signUpVerifyLogIn(page, trader, { displayName: 'Verified Trader' });

    await page.getByTestId('nav-statements').click();
    await page.getByTestId('statements-page').waitFor();
    expect(await page.getByTestId('statements-empty').innerText()).toContain('No statements yet');

    // Client-side size check: nothing is sent for a file over 10 MB.
    await page.getByTestId('upload-input').setInputFiles({
      name: 'huge.htm',
      mimeType: 'text/html',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expect(await page.getByTestId('upload-error').innerText()).toContain('larger than 10');

    // Any extension: the server reads the type from the bytes.
    const id = await uploadStatement(page, 'my report.dat', cleanBytes());
    expect(await settledStatus(page)).toBe('verified');
    expect(await page.getByTestId('statement-label').innerText()).toBe('Self-reported');
    expect(await page.getByTestId('statement-file-name').innerText()).toBe('my report.dat');
    await page.getByTestId('no-findings').waitFor();
    expect(await page.getByTestId('stat-net-profit').locator('dd').innerText()).toBe('$88.72');
    expect(await page.getByTestId('stat-win-rate').locator('dd').innerText()).toBe('43.48%');

    await page.getByTestId('statement-back').click();
    await page.locator(`[data-testid=statement-row][data-id="${id}"][data-status=verified]`).waitFor();

    const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await visitor.goto(`${baseUrl()}/u/${trader.handle}`);
    await visitor.getByTestId('verified-stats').waitFor();
    expect(await visitor.getByTestId('verified-badge').getAttribute('data-label')).toBe('self_reported');
    expect(await visitor.getByTestId('verified-badge').innerText()).toContain('Self-reported');
    expect(await visitor.getByTestId('stat-net-profit').locator('dd').innerText()).toBe('$88.72');
    expect(await visitor.getByTestId('stat-profit-factor').locator('dd').innerText()).toBe('1.36');
    const chart = visitor.getByTestId('balance-chart').locator('svg[role=img]');
    expect(await chart.getAttribute('aria-label')).toMatch(/Balance curve from .+ to .+/);
    expect(await visitor.getByTestId('balance-chart').locator('table tbody tr').count()).toBeGreaterThan(1);
    await visitor.getByTestId('monthly-chart').locator('svg[role=img]').waitFor();
    expect((await visitor.getByTestId('instruments').locator('li').allInnerTexts()).length).toBeGreaterThan(0);

    // The same numbers in Persian: Persian digits, no Latin ones.
    const persian = await (await browser.newContext({ locale: 'fa-IR' })).newPage();
    await persian.goto(`${baseUrl()}/u/${trader.handle}`);
    await persian.getByTestId('lang-fa').click();
    await persian.waitForFunction(() => document.documentElement.dir === 'rtl');
    const net = await persian.getByTestId('stat-net-profit').locator('dd').innerText();
    expect(net).toContain('۸۸٫۷۲');
    expect(net).not.toMatch(/[0-9]/);
    await context.close();
    await visitor.context().close();
    await persian.context().close();
  });

  it('sends a tampered copy to review, and an admin rejects it with a reason', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const trader = uniqueTrader('tamper');
    await signUpVerifyLogIn(page, trader, { displayName: 'Second Trader' });

    // Not an admin: the review queue is a 403 page.
    const denied = await page.goto(`${baseUrl()}/admin/review`);
    expect(denied?.status()).toBe(403);
    await page.locator('[data-testid=error-page][data-status="403"]').waitFor();

    await page.goto(`${baseUrl()}/statements`);
    await hydrated(page);
    const id = await uploadStatement(page, 'statement.htm', tamperedBytes());
    expect(await settledStatus(page)).toBe('needs_review');
    await page.getByTestId('statement-in-review').waitFor();
    expect(await page.locator('[data-testid=finding][data-code=summary_mismatch]').count()).toBeGreaterThan(0);

    const adminContext = await browser.newContext({ locale: 'en-US' });
    const admin = await adminContext.newPage();
    await logIn(admin, ADMIN, { attempts: 20 });
    await admin.getByTestId('nav-admin-review').click();
    await admin.getByTestId('review-queue').waitFor();
    await admin.locator(`[data-testid=review-row][data-id="${id}"] [data-testid=review-open]`).click();
    await admin.getByTestId('review-detail').waitFor();
    const mismatch = admin.locator('[data-testid=figure-row].mismatch');
    expect(await mismatch.count()).toBeGreaterThan(0);
    await admin.locator('[data-testid=finding][data-code=summary_mismatch]').first().waitFor();

    // A rejection needs a reason.
    await admin.getByTestId('decision-reject').check();
    await admin.getByTestId('review-submit').click();
    await admin.locator('#field-reason-error').waitFor();
    await admin.fill('textarea[name=reason]', 'A profit cell was edited; the totals row disagrees.');
    await admin.getByTestId('review-submit').click();
    expect(await admin.getByTestId('review-success').innerText()).toContain('Rejected');
    await admin.locator('[data-testid=statement][data-status=rejected]').waitFor();

    await page.reload();
    expect(await page.getByTestId('statement').getAttribute('data-status')).toBe('rejected');
    expect(await page.getByTestId('reject-reason').innerText()).toBe(
      'A profit cell was edited; the totals row disagrees.',
    );

    // Nothing unverified reaches the public profile.
    await page.goto(`${baseUrl()}/u/${trader.handle}`);
    await page.getByTestId('unverified-note').waitFor();
    expect(await page.getByTestId('verified-stats').count()).toBe(0);
    await context.close();
    await adminContext.close();
  });
});
