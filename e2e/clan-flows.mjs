// Browser steps the clan and channel suites share.
import { baseUrl } from './browser.mjs';
import { hydrated } from './flows.mjs';

/** Creates a clan through the create form and returns its id (from the URL). */
export async function createClan(page, { name, privacy = 'invite', focus = 'gold' }) {
  await page.getByTestId('nav-clans').click();
  await page.getByTestId('clans-page').waitFor();
  await page.getByTestId('clan-create-link').click();
  await page.getByTestId('clan-form').waitFor();
  await hydrated(page);
  await page.fill('input[name=name]', name);
  await page.fill('textarea[name=description]', 'We trade <b>gold</b> breakouts.');
  await page.selectOption('select[name=tradingFocus]', focus);
  await page.getByTestId(`privacy-${privacy}`).check();
  await page.getByTestId('clan-create-submit').click();
  await page.waitForURL(/\/clans\/[0-9a-f-]{36}$/);
  await page.getByTestId('clan-profile').waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

/** Opens a clan's page and sends a join request with a message (a `request` clan). */
export async function requestToJoin(page, clanId, message) {
  await page.goto(`${baseUrl()}/clans/${clanId}`);
  await page.getByTestId('clan-profile').waitFor();
  await hydrated(page);
  await page.fill('#join-message', message);
  await page.getByTestId('clan-join').click();
  await page.getByTestId('clan-requested').waitFor();
}
