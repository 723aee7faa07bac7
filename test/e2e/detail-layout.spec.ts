import type { Locator, Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendCutUpload, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_detail_layout';
const SHOTS = process.env.DETAIL_SHOTS_DIR;

/**
 * Wholly inside the viewport: on screen without scrolling anything. Polled, because Monaco
 * replaces its line elements as it renders (a box read between two renders is null); nothing here
 * scrolls, so whatever ends up on screen was there without scrolling.
 */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const viewport = page.viewportSize()!;
  await expect
    .poll(
      async () => {
        const box = await locator.boundingBox();
        if (!box) return 'no box';
        if (box.y < 0) return `top ${box.y} above the viewport`;
        if (box.y + box.height > viewport.height) return `bottom ${box.y + box.height} below the viewport (${viewport.height})`;
        if (box.x + box.width > viewport.width) return `right ${box.x + box.width} past the viewport (${viewport.width})`;
        return 'on screen';
      },
      { message: what },
    )
    .toBe('on screen');
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test.describe('the capture detail at 1440x900', () => {
  test('leads with the verdict summary, then the body text and every header, without scrolling', async ({ app, engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    expect(await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.created', 'proj_layout'))).toBe(
      200,
    );
    await app.getByTestId('capture-row').first().click();
    const detail = app.getByTestId('capture-detail');
    await expect(detail).toHaveAttribute('data-capture-id', '1');

    const summary = app.getByTestId('detail-summary');
    await expectOnScreen(app, summary, 'summary');
    await expect(summary.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await expect(app.getByTestId('detail-summary-headline')).toHaveText('Signature and timestamp are valid.');
    await expect(app.getByTestId('detail-summary-age')).toHaveText(/^(just now|\d+ s ago)$/);
    // The exact time is one hover away.
    await expect(app.getByTestId('detail-summary-age')).toHaveAttribute('title', /^Received .*\d\d:\d\d:\d\d\.\d{3}$/);

    // The body's text (Monaco renders it in .view-lines) and the headers, last row included.
    const bodyText = app.getByTestId('body-editor').locator('.view-lines');
    await expect(bodyText).toContainText('proj_layout');
    await expectOnScreen(
      app,
      app.getByTestId('body-editor').locator('.view-line').filter({ hasText: 'proj_layout' }),
      'body line with the id',
    );
    const headerRows = app.getByTestId('headers').locator('tr');
    await expect(headerRows.first()).toBeVisible();
    await expectOnScreen(app, app.getByTestId('headers'), 'headers section');
    await expectOnScreen(app, headerRows.last(), 'last header');
    // The scroll container was not scrolled to get there.
    expect(await app.getByTestId('detail-scroll').evaluate((element) => element.scrollTop)).toBe(0);

    // A valid capture's full verification is folded (the summary says it all), the overview open.
    await expect(app.getByTestId('verification')).toHaveAttribute('data-open', 'false');
    await expect(app.getByTestId('overview')).toHaveAttribute('data-open', 'true');
    await shoot(app, 'detail-valid-1440');
  });

  test('an invalid capture says why in the summary and opens its verification', async ({ app, engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    await sendSignedWebhook(
      engine.receiver_url,
      '/webhooks/dcisionai',
      'whsec_some_other_secret',
      sampleEvent('model.trained', 'model_bad'),
    );
    // A timestamp in milliseconds: the diagnosis names the unit, and the summary carries that finding.
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('model.trained', 'model_ms'), Date.now());
    const rows = app.getByTestId('capture-row');
    await expect(rows).toHaveCount(2);
    const summary = app.getByTestId('detail-summary');
    const headline = app.getByTestId('detail-summary-headline');

    await rows.nth(1).click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '1');
    await expect(summary.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'invalid');
    await expect(headline).toHaveText('The signature does not match the body signed with this secret.');
    await expect(app.getByTestId('verification')).toHaveAttribute('data-open', 'true');
    await expect(app.getByTestId('verification-reason')).toContainText('signature_mismatch');
    await expectOnScreen(app, app.getByTestId('body-editor').locator('.view-line').first(), 'first body line');
    await shoot(app, 'detail-invalid-1440');

    await rows.nth(0).click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '2');
    await expect(summary.getByTestId('verdict-badge')).toHaveAttribute('data-label', 'ms timestamp');
    const finding = app.locator('[data-testid="diagnosis-item"][data-code="timestamp_milliseconds"]').getByTestId('diagnosis-message');
    await expect(finding).toBeVisible();
    await expect(headline).toHaveText((await finding.textContent())!);
    // The full sentence is on hover when the line is too narrow for it.
    await expect(headline).toHaveAttribute('title', `dcisionai: ${(await finding.textContent())!}`);
    // A long headline gives way (ellipsis); the pill keeps its width and does not run into it.
    const pill = (await summary.getByTestId('verdict-badge').boundingBox())!;
    const text = (await headline.boundingBox())!;
    const age = (await app.getByTestId('detail-summary-age').boundingBox())!;
    expect(pill.x + pill.width).toBeLessThanOrEqual(text.x);
    expect(text.x + text.width).toBeLessThanOrEqual(age.x);
    expect(await summary.getByTestId('verdict-badge').evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await shoot(app, 'detail-ms-timestamp-1440');
  });

  test('collapsed sections stay collapsed for the next capture and after a reload', async ({ app, engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    for (const id of ['proj_a', 'proj_b']) {
      await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.created', id));
    }
    const rows = app.getByTestId('capture-row');
    await expect(rows).toHaveCount(2);
    await rows.nth(0).click();
    const overview = app.getByTestId('overview');
    await expect(overview).toHaveAttribute('data-open', 'true');
    await expect(overview.getByTestId('overview-facts')).toBeVisible();
    await app.getByTestId('overview-toggle').click();
    await expect(overview).toHaveAttribute('data-open', 'false');
    await expect(overview.getByTestId('overview-facts')).toHaveCount(0);
    await expect(app.getByTestId('overview-toggle')).toHaveAttribute('aria-expanded', 'false');
    // Open the valid verification, which is folded by default.
    await app.getByTestId('verification-toggle').click();
    await expect(app.getByTestId('verification')).toHaveAttribute('data-open', 'true');

    await rows.nth(1).click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '1');
    await expect(overview).toHaveAttribute('data-open', 'false');
    await expect(app.getByTestId('verification')).toHaveAttribute('data-open', 'true');

    await app.reload();
    await app.getByTestId('capture-row').first().click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '2');
    await expect(app.getByTestId('overview')).toHaveAttribute('data-open', 'false');
    await expect(app.getByTestId('verification')).toHaveAttribute('data-open', 'true');

    // And back open, remembered too.
    await app.getByTestId('overview-toggle').click();
    await expect(app.getByTestId('overview').getByTestId('overview-facts')).toBeVisible();
    await app.reload();
    await app.getByTestId('capture-row').first().click();
    await expect(app.getByTestId('overview')).toHaveAttribute('data-open', 'true');
  });
});

test.describe('the capture detail at 1024x700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('shows the summary and the body’s first lines without scrolling', async ({ app, engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    await sendSignedWebhook(
      engine.receiver_url,
      '/webhooks/dcisionai/with/a/fairly/long/path',
      SECRET,
      sampleEvent('project.created', 'proj_small'),
    );
    await app.getByTestId('capture-row').first().click();
    await expectOnScreen(app, app.getByTestId('detail-summary'), 'summary');
    const lines = app.getByTestId('body-editor').locator('.view-line');
    await expect(app.getByTestId('body-editor').locator('.view-lines')).toContainText('"event"');
    await expectOnScreen(app, lines.nth(0), 'first body line');
    await expectOnScreen(app, lines.nth(2), 'third body line');
    await shoot(app, 'detail-valid-1024');

    // An aborted upload: the longest headline there is, in the narrower window.
    await sendCutUpload(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.created', 'proj_cut'), 40);
    await expect(app.getByTestId('capture-row')).toHaveCount(2);
    await app.getByTestId('capture-row').first().click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '2');
    const summary = app.getByTestId('detail-summary');
    await expect(summary.getByTestId('verdict-badge')).toHaveAttribute('data-label', 'incomplete body');
    await expect(app.getByTestId('detail-summary-headline')).toContainText('closed the connection after 40 bytes');
    const pill = (await summary.getByTestId('verdict-badge').boundingBox())!;
    const text = (await app.getByTestId('detail-summary-headline').boundingBox())!;
    expect(pill.x + pill.width).toBeLessThanOrEqual(text.x);
    await expectOnScreen(app, summary, 'summary');
    await expectOnScreen(app, app.getByTestId('body-editor').locator('.view-line').first(), 'first body line');
    await app.keyboard.press('Enter');
    await shoot(app, 'detail-aborted-1024');
  });
});
