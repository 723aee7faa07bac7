import { CATCH_ALL_ENDPOINT_ID, type RequestPage, type RetentionState } from '../../src/shared/api';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_history_pins';

test.beforeEach(async ({ engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
});

test('verdict pills say why: expired, bad signature', async ({ app, engine }) => {
  const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
  await sendSignedWebhook(engine.receiver_url, '/hooks/late', SECRET, sampleEvent('project.created', 'late'), anHourAgo);
  await sendSignedWebhook(engine.receiver_url, '/hooks/forged', 'whsec_someone_else', sampleEvent('project.created', 'forged'));
  await sendSignedWebhook(engine.receiver_url, '/hooks/fine', SECRET, sampleEvent('project.created', 'fine'));

  const badge = (path: string) => app.locator('[data-testid="capture-row"]', { hasText: path }).getByTestId('verdict-badge');
  await expect(badge('/hooks/late')).toHaveText('expired');
  await expect(badge('/hooks/late')).toHaveAttribute('data-label', 'expired');
  await expect(badge('/hooks/late')).toHaveAttribute('data-reason', 'timestamp_expired');
  await expect(badge('/hooks/forged')).toHaveText('bad signature');
  await expect(badge('/hooks/forged')).toHaveAttribute('data-verdict', 'invalid');
  await expect(badge('/hooks/fine')).toHaveText('valid');
  // The whole sentence is one hover away.
  await expect(badge('/hooks/late')).toHaveAttribute('title', /older than the tolerance allows/);
  // Colour stays by verdict: both failures are red.
  await expect(badge('/hooks/late')).toHaveClass(/badge-invalid/);
  await expect(badge('/hooks/forged')).toHaveClass(/badge-invalid/);
});

test('a pinned capture survives Clear all', async ({ app, engine }) => {
  for (const id of ['keep', 'drop_one', 'drop_two']) {
    await sendSignedWebhook(engine.receiver_url, `/hooks/${id}`, SECRET, sampleEvent('project.created', id));
  }
  await expect(app.getByTestId('capture-row')).toHaveCount(3);

  const star = app.getByRole('button', { name: 'Pin capture #1' });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  const unpin = app.getByRole('button', { name: 'Unpin capture #1' });
  await expect(unpin).toHaveAttribute('aria-pressed', 'true');
  // Pinning does not select the row.
  await expect(app.getByTestId('capture-detail')).toHaveCount(0);
  await expect.poll(async () => (await engine.listRequests()).data.find((row) => row.id === 1)?.pinned).toBe(true);

  // The detail header has the same star.
  await app.locator('[data-testid="capture-row"][data-capture-id="1"]').click();
  await expect(app.getByTestId('capture-detail').getByTestId('pin-toggle')).toHaveAttribute('aria-pressed', 'true');

  let question = '';
  app.once('dialog', (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await app.getByTestId('clear-all').click();
  await expect(app.getByTestId('notice').filter({ hasText: 'Deleted 2 captures; 1 pinned capture is kept.' })).toBeVisible();
  expect(question).toBe('Delete every unpinned capture? 1 pinned capture is kept. This cannot be undone.');

  const rows = app.getByTestId('capture-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('/hooks/keep');
  await expect(rows.first()).toHaveAttribute('data-pinned', 'true');
  await expect(app.getByTestId('capture-count')).toHaveText('1 capture');
  // The pinned capture stayed selected.
  await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '1');
  const page = await engine.listRequests();
  expect(page.data.map((row) => [row.id, row.pinned])).toEqual([[1, true]]);
  expect(page.total).toBe(1);

  // Unpinned, it goes with the next Clear all.
  await app.getByRole('button', { name: 'Unpin capture #1' }).first().click();
  await expect(rows.first()).toHaveAttribute('data-pinned', 'false');
  app.once('dialog', (dialog) => void dialog.accept());
  await app.getByTestId('clear-all').click();
  await expect(app.getByTestId('empty-state')).toBeVisible();
});

test('the History dialog shows the size on disk and sets retention limits, which prune the list live', async ({ app, engine }) => {
  for (let i = 1; i <= 5; i += 1) {
    await sendSignedWebhook(engine.receiver_url, `/hooks/n${i}`, SECRET, sampleEvent('project.created', `n${i}`));
  }
  await expect(app.getByTestId('capture-count')).toHaveText('5 captures');
  // The oldest capture is pinned: retention deletes the oldest unpinned ones instead.
  await app.getByRole('button', { name: 'Pin capture #1' }).click();
  await expect(app.getByRole('button', { name: 'Unpin capture #1' })).toBeVisible();

  await app.getByTestId('history-settings').click();
  const dialog = app.getByTestId('history-dialog');
  await expect(dialog.getByTestId('history-captures')).toHaveText('5');
  await expect(dialog.getByTestId('history-pinned')).toHaveText('1');
  await expect(dialog.getByTestId('history-disk')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
  await expect(dialog.getByTestId('history-oldest')).not.toHaveText('—');
  await expect(dialog.getByTestId('retention-max_captures')).toHaveValue('100000');
  await expect(dialog.getByTestId('retention-max_age_days')).toHaveValue('');
  await expect(dialog.getByTestId('retention-max_disk_mb')).toHaveValue('2048');

  // Checked before anything is sent.
  await dialog.getByTestId('retention-max_captures').fill('0');
  await dialog.getByTestId('retention-max_age_days').fill('1.5');
  await dialog.getByTestId('retention-save').click();
  await expect(dialog.getByTestId('field-error-retention-max_captures')).toContainText('whole number of captures');
  await expect(dialog.getByTestId('field-error-retention-max_age_days')).toContainText('whole number of days');
  expect((await engine.api<{ data: RetentionState }>('GET', '/settings/retention')).data.max_captures).toBe(100_000);

  // The engine's own upper limits (the contract's) are checked before anything is sent too.
  await dialog.getByTestId('retention-max_captures').fill('999999999999');
  await dialog.getByTestId('retention-max_age_days').fill('');
  await dialog.getByTestId('retention-save').click();
  await expect(dialog.getByTestId('field-error-retention-max_captures')).toContainText('At most 100,000,000 captures');
  expect((await engine.api<{ data: RetentionState }>('GET', '/settings/retention')).data.max_captures).toBe(100_000);

  await dialog.getByTestId('retention-max_captures').fill('3');
  await dialog.getByTestId('retention-max_disk_mb').fill('');
  await dialog.getByTestId('retention-save').click();
  await expect(dialog.getByTestId('retention-error')).toHaveCount(0);
  // Three unpinned captures, and the pinned one besides.
  await expect(dialog.getByTestId('history-captures')).toHaveText('4');
  await expect(dialog.getByTestId('retention-max_disk_mb')).toHaveValue('');
  const saved = (await engine.api<{ data: RetentionState }>('GET', '/settings/retention')).data;
  expect([saved.max_captures, saved.max_age_days, saved.max_disk_mb]).toEqual([3, null, null]);
  await dialog.getByTestId('history-dialog-close').click();

  // requests-pruned removed the rows and the count, live.
  const rows = app.getByTestId('capture-row');
  await expect(app.getByTestId('capture-count')).toHaveText('4 captures');
  await expect(rows).toHaveCount(4);
  await expect(rows.getByTestId('cell-path')).toHaveText(['/hooks/n5', '/hooks/n4', '/hooks/n3', '/hooks/n1']);
  const page = await engine.api<RequestPage>('GET', '/requests?limit=10');
  expect(page.total).toBe(4);
});
