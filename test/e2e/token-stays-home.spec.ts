import type { RequestDetail, RequestPage } from '../../src/shared/api';
import { expect, test } from './fixtures/test';

test('the control token never leaves the UI: no cookie, not in the address, not in what the receiver captures', async ({ app, engine }) => {
  // The launch URL's token left the address bar at once, and nothing was stored as a cookie.
  expect(new URL(app.url()).searchParams.get('token')).toBeNull();
  expect(await app.context().cookies()).toEqual([]);

  // The same browser opens the receiver, as a user pointing it at a local port would.
  const other = await app.context().newPage();
  await other.goto(`${engine.receiver_url}/from-the-same-browser`);
  await expect(app.locator('[data-testid="capture-row"]', { hasText: '/from-the-same-browser' })).toHaveCount(1);
  // Every request the browser made there (the page, perhaps a favicon) is clean.
  const page = await engine.api<RequestPage>('GET', '/requests?limit=10');
  expect(page.data.map((row) => row.path)).toContain('/from-the-same-browser');
  for (const row of page.data) {
    const detail = await engine.api<{ data: RequestDetail }>('GET', `/requests/${row.id}`);
    expect(JSON.stringify(detail.data.headers)).not.toContain(engine.token);
    expect(detail.data.headers.some(([name]) => name.toLowerCase() === 'cookie')).toBe(false);
  }

  // A reload keeps working: the tab kept the token for itself.
  await app.reload();
  await expect(app.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(app.locator('[data-testid="capture-row"]', { hasText: '/from-the-same-browser' })).toHaveCount(1);
});
