import { CATCH_ALL_ENDPOINT_ID, type RequestPage } from '../../src/shared/api';
import { HISTORY_QUALIFIERS } from '../../src/shared/history-qualifiers';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_history_search';
const OTHER_SECRET = 'whsec_not_the_endpoints';

test.describe('history search', () => {
  test.beforeEach(async ({ app, engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    // Three valid captures, two signed with the wrong secret.
    for (const id of ['one', 'two', 'three']) {
      expect(await sendSignedWebhook(engine.receiver_url, `/hooks/${id}`, SECRET, sampleEvent('project.created', id))).toBe(200);
    }
    for (const id of ['bad_one', 'bad_two']) {
      await sendSignedWebhook(engine.receiver_url, `/hooks/${id}`, OTHER_SECRET, sampleEvent('model.completed', id));
    }
    await expect(app.getByTestId('capture-row')).toHaveCount(5);
    await expect(app.getByTestId('capture-count')).toHaveText('5 captures');
  });

  test('a query lists only matching rows, counts them out of the whole history, and survives a reload', async ({ app, engine }) => {
    const box = app.getByTestId('search-input');
    // `/` from anywhere outside a text field focuses the box.
    await app.getByTestId('capture-list').focus();
    await app.keyboard.press('/');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('');

    await box.pressSequentially('verdict:invalid');
    const rows = app.getByTestId('capture-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.getByTestId('verdict-badge').and(app.locator('[data-verdict="invalid"]'))).toHaveCount(2);
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');
    await expect(app.getByTestId('search-error')).toHaveCount(0);
    expect(new URL(app.url()).searchParams.get('q')).toBe('verdict:invalid');

    // Live: a new matching capture appears; a non-matching one only counts in the total.
    await sendSignedWebhook(engine.receiver_url, '/hooks/bad_three', OTHER_SECRET, sampleEvent('model.completed', 'bad_three'));
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText('/hooks/bad_three');
    await expect(app.getByTestId('capture-count')).toHaveText('3 of 6');
    await sendSignedWebhook(engine.receiver_url, '/hooks/four', SECRET, sampleEvent('project.created', 'four'));
    await expect(app.getByTestId('capture-count')).toHaveText('3 of 7');
    await expect(rows).toHaveCount(3);
    await expect(app.locator('[data-testid="capture-row"]', { hasText: '/hooks/four' })).toHaveCount(0);

    // A reload keeps the filter (the URL holds it).
    await app.reload();
    await expect(app.getByTestId('search-input')).toHaveValue('verdict:invalid');
    await expect(rows).toHaveCount(3);
    await expect(app.getByTestId('capture-count')).toHaveText('3 of 7');

    // Escape clears the search and leaves the box.
    await app.getByTestId('search-input').focus();
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('search-input')).toHaveValue('');
    await expect(app.getByTestId('search-input')).not.toBeFocused();
    await expect(rows).toHaveCount(7);
    await expect(app.getByTestId('capture-count')).toHaveText('7 captures');
    expect(new URL(app.url()).searchParams.has('q')).toBe(false);
  });

  test('Ctrl+K focuses the box too, but not while typing in an editor or with a dialog open', async ({ app }) => {
    const box = app.getByTestId('search-input');
    await app.getByTestId('capture-row').first().click();
    await app.keyboard.press('Control+k');
    await expect(box).toBeFocused();

    // In the body viewer's Monaco editor, `/` and Ctrl+K belong to the editor.
    await app.getByTestId('body-editor').locator('.view-lines').click();
    await expect(box).not.toBeFocused();
    await app.keyboard.press('/');
    await app.keyboard.press('Control+k');
    await expect(box).not.toBeFocused();
    await expect(app.getByTestId('body-editor').locator('.monaco-editor')).toHaveClass(/focused/);

    // Behind a dialog the box is out of reach.
    await app.getByTestId('history-settings').click();
    await app.getByTestId('history-dialog').getByRole('heading').click();
    await app.keyboard.press('/');
    await expect(box).not.toBeFocused();
    await app.getByTestId('history-dialog-close').click();
    await app.keyboard.press('/');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('');
  });

  test("an invalid query shows the engine's message and keeps the previous results", async ({ app }) => {
    const box = app.getByTestId('search-input');
    await box.fill('verdict:invalid');
    await box.press('Enter');
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');

    const refused = app.waitForResponse((response) => response.url().includes('/api/requests?') && response.status() === 400);
    await box.fill('verdict:banana');
    await box.press('Enter');
    const answer = (await (await refused).json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('invalid_query');

    const error = app.getByTestId('search-error');
    await expect(error).toHaveText(answer.error.message);
    await expect(error).toContainText('verdict: expected valid, invalid or unverifiable, got "banana"');
    await expect(error).toHaveRole('alert');
    await expect(error).toHaveCSS('color', 'rgb(247, 127, 121)'); // the dark palette's --bad
    // The list still shows the last accepted query.
    await expect(app.getByTestId('capture-row')).toHaveCount(2);
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');
    expect(new URL(app.url()).searchParams.get('q')).toBe('verdict:invalid');
  });

  test('suggestions complete keys and values from the keyboard; the help lists every qualifier', async ({ app, engine }) => {
    const box = app.getByTestId('search-input');
    await box.pressSequentially('verd');
    const suggestions = app.getByTestId('query-suggestion');
    await expect(suggestions).toHaveText(['verdict:Outcome of signature verification']);
    await box.press('Tab');
    await expect(box).toHaveValue('verdict:');
    await expect(suggestions.getByTestId('query-suggestion-label')).toHaveText(['valid', 'invalid', 'unverifiable']);
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await expect(suggestions.nth(1)).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(box).toHaveValue('verdict:invalid ');
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');

    // Event types come from what the store knows (catalog and captures).
    await box.pressSequentially('event:model.comp');
    await expect(suggestions.getByTestId('query-suggestion-label')).toHaveText(['model.completed']);
    await box.press('Tab');
    await expect(box).toHaveValue('verdict:invalid event:model.completed ');
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');
    // Escape closes the list first, and only then clears the box.
    await box.pressSequentially('ver');
    await expect(suggestions).toHaveCount(1);
    await box.press('Escape');
    await expect(suggestions).toHaveCount(0);
    await expect(box).toHaveValue('verdict:invalid event:model.completed ver');

    await app.getByTestId('search-help').click();
    const help = app.getByTestId('query-help');
    await expect(help.getByTestId('query-help-row')).toHaveCount(HISTORY_QUALIFIERS.length);
    for (const qualifier of HISTORY_QUALIFIERS) await expect(help).toContainText(qualifier.syntax);
    await expect(help).toContainText(HISTORY_QUALIFIERS.find((q) => q.key === 'is')!.help);

    // The engine really filtered: its own answer to the same query agrees with the list.
    const page = await engine.api<RequestPage>('GET', `/requests?q=${encodeURIComponent('verdict:invalid event:model.completed')}`);
    expect(page.matching).toBe(2);
  });

  test('filter chips toggle their term in the query', async ({ app }) => {
    const invalidOnly = app.getByTestId('filter-chip').filter({ hasText: 'Invalid only' });
    await invalidOnly.click();
    await expect(invalidOnly).toHaveAttribute('aria-pressed', 'true');
    await expect(app.getByTestId('search-input')).toHaveValue('verdict:invalid');
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');

    // The selected capture's event and endpoint become one-click filters.
    await app.getByTestId('capture-row').first().click();
    const eventChip = app.getByTestId('filter-chip').filter({ hasText: 'Event: model.completed' });
    await expect(app.getByTestId('filter-chip').filter({ hasText: 'Endpoint: ' })).toHaveAttribute(
      'data-term',
      `endpoint:${CATCH_ALL_ENDPOINT_ID}`,
    );
    await invalidOnly.click();
    await expect(invalidOnly).toHaveAttribute('aria-pressed', 'false');
    await expect(app.getByTestId('capture-count')).toHaveText('5 captures');
    await eventChip.click();
    await expect(app.getByTestId('search-input')).toHaveValue('event:model.completed');
    await expect(app.getByTestId('capture-count')).toHaveText('2 of 5');
    await eventChip.click();
    await expect(app.getByTestId('search-input')).toHaveValue('');
    await expect(app.getByTestId('capture-count')).toHaveText('5 captures');

    // A search that matches nothing keeps the list page (and the box), not the empty-history help.
    await app.getByTestId('search-input').fill('event:nothing.matches');
    await app.getByTestId('search-input').press('Enter');
    await expect(app.getByTestId('no-matches')).toBeVisible();
    await expect(app.getByTestId('capture-row')).toHaveCount(0);
    await expect(app.getByTestId('capture-count')).toHaveText('0 of 5');
    await expect(app.getByTestId('empty-state')).toHaveCount(0);
  });
});
