import type { Locator, Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID, type RequestDetail, type SchemeDescriptor } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

/** The options the open list shows, as their values, in order. */
async function shownValues(picker: Locator): Promise<string[]> {
  return picker.getByTestId('scheme-option').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-value') ?? ''));
}

async function openEndpointForm(app: Page): Promise<Locator> {
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('new-endpoint').click();
  const picker = app.getByTestId('endpoint-form').getByTestId('endpoint-scheme');
  // Until GET /api/schemes answers, the field shows the bare id.
  await expect(picker.getByRole('combobox')).toHaveValue('DcisionAI');
  return picker;
}

test('endpoint form: the picker groups providers, searches names and headers, and is driven by the keyboard', async ({ app }) => {
  const picker = await openEndpointForm(app);
  const input = picker.getByRole('combobox');
  const form = app.getByTestId('endpoint-form');
  // Closed: the chosen scheme's signature header sits in the field.
  await expect(picker).toContainText('X-DcisionAI-Signature');
  await expect(input).toHaveAttribute('aria-expanded', 'false');

  // Opening shows every scheme under its category, each with its header, Custom last.
  await input.click();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  const list = app.getByRole('listbox', { name: 'Signature schemes' });
  await expect(list).toBeVisible();
  expect(await input.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
  await expect(list.getByRole('group', { name: 'Payments & billing' })).toContainText('Stripe');
  await expect(list.getByRole('group', { name: 'Developer tools' })).toContainText('GitHub');
  await expect(list.getByRole('option', { name: /Stripe/ })).toContainText('Stripe-Signature');
  const all = await shownValues(picker);
  expect(all.at(-1)).toBe('custom');
  expect(all).toEqual(expect.arrayContaining(['dcisionai', 'stripe', 'github', 'slack', 'shopify', 'twilio', 'standard-webhooks']));
  // The current value is the active option, so Enter keeps it.
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('data-value', 'dcisionai');

  // Typing filters over names, ids and header names.
  // "hub" is in names (GitHub, HubSpot) and in header names (Meta's X-Hub-Signature-256).
  await input.pressSequentially('hub');
  const hub = await shownValues(picker);
  expect(hub).toEqual(expect.arrayContaining(['github', 'hubspot', 'meta']));
  expect(hub).not.toContain('stripe');
  expect(hub.at(-1)).toBe('custom');
  await input.fill('x-slack');
  expect(await shownValues(picker)).toEqual(['slack', 'custom']);
  await input.fill('hub-signature-256');
  const sha256 = await shownValues(picker);
  expect(sha256).toEqual(expect.arrayContaining(['github', 'meta']));
  expect(sha256).not.toContain('hubspot');
  await input.fill('zzz no provider');
  await expect(picker.getByTestId('endpoint-scheme-empty')).toContainText('No scheme matches “zzz no provider”');

  // ↓ and Enter choose; the first match is active as soon as one types.
  await input.fill('stri');
  await input.press('Enter');
  await expect(picker).toHaveAttribute('data-value', 'stripe');
  await expect(input).toHaveValue('Stripe');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(form.getByTestId('endpoint-path')).toHaveAttribute('placeholder', '/webhooks/stripe');
  await expect(form.getByTestId('endpoint-tolerance-hint')).toContainText('older requests fail');

  await input.fill('web');
  const matches = await shownValues(picker);
  expect(matches.slice(0, 2).sort()).toEqual(['standard-webhooks', 'svix'].sort());
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', (await picker.getByTestId('scheme-option').nth(1).getAttribute('id')) ?? '');
  await input.press('ArrowUp');
  await input.press('ArrowUp');
  // ↑ from the first wraps to the last: Custom.
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('data-value', 'custom');
  // Escape closes and changes nothing.
  await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(picker).toHaveAttribute('data-value', 'stripe');
  await expect(input).toHaveValue('Stripe');

  // ↓ opens the list on the current value; a choice made with the keyboard is what gets saved.
  await input.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('data-value', 'stripe');
  await input.press('Escape');
  await form.getByTestId('endpoint-name').fill('Billing');
  await form.getByTestId('endpoint-path').fill('/billing');
  await form.getByTestId('save-endpoint').click();
  await expect(app.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();
  await expect(app.getByTestId('endpoint-form').getByTestId('endpoint-scheme')).toHaveAttribute('data-value', 'stripe');

  // Tab into the field and type: the text replaces the shown name.
  await form.getByTestId('endpoint-name').focus();
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await expect(app.getByTestId('endpoint-form').getByTestId('endpoint-scheme').getByRole('combobox')).toBeFocused();
  await app.keyboard.type('shopi');
  expect(await shownValues(app.getByTestId('endpoint-form').getByTestId('endpoint-scheme'))).toEqual(['shopify', 'custom']);
  await app.keyboard.press('Escape');

  // Custom is reachable from any search; choosing it shows its form.
  await pickScheme(app.getByTestId('endpoint-form').getByTestId('endpoint-scheme'), 'custom', 'nothing like this');
  await expect(app.getByTestId('endpoint-custom-signature_header')).toBeVisible();
});

test('Lab: the picker chooses by keyboard or mouse and the scheme’s facts follow', async ({ app }) => {
  await app.getByTestId('nav-signature-lab').click();
  const picker = app.getByTestId('lab-scheme');
  const input = picker.getByRole('combobox', { name: 'Signature scheme' });
  await expect(input).toHaveValue('DcisionAI');

  await input.click();
  // "twilio-sig": SendGrid's X-Twilio-Email-Event-Webhook-Signature must not come first.
  await input.pressSequentially('twilio-sig');
  await input.press('Enter');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('X-Twilio-Signature');
  // Twilio signs the URL: the Lab asks for it.
  await expect(app.getByTestId('lab-url')).toBeVisible();

  // The chevron opens the list; a click on an option chooses it.
  await picker.getByTestId('scheme-picker-chevron').click();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await picker.getByRole('option', { name: /Standard Webhooks/ }).click();
  await expect(picker).toHaveAttribute('data-value', 'standard-webhooks');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('webhook-signature');
  await expect(input).toBeFocused();
});

test('Compose signs as any scheme and asks for what it needs: message id, URL, no timestamp, custom', async ({ app, engine }) => {
  const key = Buffer.from('e2e standard webhooks key').toString('base64');
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'standard-webhooks', secret: `whsec_${key}` });
  await app.getByTestId('nav-compose').click();
  await expect(app.getByTestId('compose-url')).toHaveValue(`${engine.receiver_url}/webhooks/dcisionai`);
  const picker = app.getByTestId('compose-scheme');

  // Unsigned is the form's own first entry; no timestamp then.
  await pickScheme(picker, '', 'unsigned');
  await expect(app.getByTestId('compose-secret')).toHaveCount(0);
  await expect(app.getByTestId('compose-timestamp-mode')).toBeDisabled();

  // Standard Webhooks signs a message id: the form offers it, and what is typed is what is signed.
  await pickScheme(picker, 'standard-webhooks', 'webhook-id');
  await expect(app.getByTestId('compose-message-id')).toBeVisible();
  await expect(app.getByText('Message id (webhook-id)')).toBeVisible();
  await saveScreenshot(app, 'scheme-picker-compose-message-id');
  await app.getByTestId('compose-secret').fill(`whsec_${key}`);
  await app.getByTestId('compose-message-id').fill('msg_e2e_fixed_id');
  await app.getByTestId('compose-send').click();
  const result = app.getByTestId('sent-result');
  await expect(result.getByTestId('outcome-badge').first()).toHaveText('200');
  await expect(result.getByTestId('sent-request-headers')).toContainText('msg_e2e_fixed_id');
  const newest = (await engine.listRequests()).data[0]!;
  expect(newest.verification.verdict).toBe('valid');
  const detail = (await engine.api<{ data: RequestDetail }>('GET', `/requests/${newest.id}`)).data;
  expect(detail.headers).toContainEqual(['webhook-id', 'msg_e2e_fixed_id']);

  // Twilio signs the target URL; GitHub signs no timestamp: each says so.
  await pickScheme(picker, 'twilio');
  await expect(app.getByTestId('compose-signs-url')).toContainText('Twilio signs the full target URL');
  await expect(app.getByTestId('compose-message-id')).toHaveCount(0);
  await pickScheme(picker, 'github', 'x-hub');
  await expect(app.getByTestId('compose-timestamp-mode')).toBeDisabled();
  await expect(app.getByTestId('compose-timestamp-hint')).toContainText('GitHub signs no timestamp');

  // A custom scheme: its form appears, and an endpoint's custom settings fill it.
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, {
    scheme: 'custom',
    secret: 'acme-secret',
    custom: {
      signature_header: 'X-Acme-Signature',
      signature_prefix: 'v1=',
      signed_content: '{body}',
      algorithm: 'sha256',
      encoding: 'hex',
    },
  });
  await app.reload();
  await app.getByTestId('nav-compose').click();
  await app.getByTestId('compose-endpoint-secret').selectOption(CATCH_ALL_ENDPOINT_ID);
  await expect(picker).toHaveAttribute('data-value', 'custom');
  await expect(app.getByTestId('compose-custom-signature_header')).toHaveValue('X-Acme-Signature');
  await saveScreenshot(app, 'scheme-picker-compose-custom');
  await app.getByTestId('compose-send').click();
  await expect(result.getByTestId('sent-request-headers')).toContainText('X-Acme-Signature');
  await expect.poll(async () => (await engine.listRequests()).data[0]?.verification.verdict).toBe('valid');
});

test('Compose sends as every shared-secret scheme the engine lists, and the receiver verifies each', async ({ app, engine }) => {
  const schemes = (await engine.api<{ data: SchemeDescriptor[] }>('GET', '/schemes')).data;
  // Key-pair schemes sign with a private key and verify with the public one: not one shared secret.
  const shared = schemes.filter(
    (scheme) => scheme.secret_format === 'text' || scheme.secret_format === 'whsec_base64' || scheme.secret_format === 'base64',
  );
  expect(shared.length).toBeGreaterThanOrEqual(10);
  await app.getByTestId('nav-compose').click();
  await expect(app.getByTestId('compose-url')).toHaveValue(`${engine.receiver_url}/webhooks/dcisionai`);
  const verdicts: Record<string, string> = {};
  for (const scheme of shared) {
    const key = Buffer.from(`key for ${scheme.id}`).toString('base64');
    const secret =
      scheme.secret_format === 'whsec_base64' ? `whsec_${key}` : scheme.secret_format === 'base64' ? key : `secret for ${scheme.id}`;
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: scheme.id, secret });
    await pickScheme(app.getByTestId('compose-scheme'), scheme.id);
    await app.getByTestId('compose-secret').fill(secret);
    const before = (await engine.listRequests()).data.length;
    await app.getByTestId('compose-send').click();
    await expect.poll(async () => (await engine.listRequests()).data.length).toBe(before + 1);
    const newest = (await engine.listRequests()).data[0]!;
    verdicts[scheme.id] = `${newest.verification.verdict}${newest.verification.reason === 'ok' ? '' : ` (${newest.verification.reason})`}`;
  }
  expect(verdicts).toEqual(Object.fromEntries(shared.map((scheme) => [scheme.id, 'valid'])));
});

test('replay: the picker re-signs as another scheme, and Escape closes the list, not the dialog', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: 'whsec_e2e_replay' });
  expect(
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', 'whsec_e2e_replay', sampleEvent('project.created', 'proj_replay')),
  ).toBe(200);
  await app.setViewportSize({ width: 1024, height: 700 });
  await app.getByTestId('capture-row').first().click();
  await app.getByTestId('replay-open').click();
  const dialog = app.getByTestId('replay-dialog');
  const picker = dialog.getByTestId('replay-scheme');
  // The form's own first entry: sign as the endpoint does.
  await expect(picker).toHaveAttribute('data-value', '');
  await expect(picker.getByRole('combobox')).toHaveValue('The endpoint’s');
  await expect(picker).toContainText('dcisionai');

  await picker.getByRole('combobox').click();
  await picker.getByRole('combobox').pressSequentially('stripe-sig');
  // Near the dialog's bottom edge the list opens upwards: wholly visible, not cut by the dialog.
  await expect(picker.getByRole('option', { name: /Stripe/ })).toBeInViewport({ ratio: 1 });
  await expect(picker.getByTestId('scheme-picker-popover')).toBeInViewport({ ratio: 1 });
  await saveScreenshot(app, 'scheme-picker-replay-dark-1024');
  await picker.getByRole('combobox').press('Escape');
  await expect(picker.getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();

  await pickScheme(picker, 'stripe');
  await dialog.getByTestId('replay-secret').fill('whsec_other_provider');
  await dialog.getByTestId('replay-send').click();
  await expect(dialog.getByTestId('replay-result').getByTestId('sent-request-headers')).toContainText('Stripe-Signature');
});

for (const theme of ['dark', 'light'] as const) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    test(`screenshots: the open picker fits the window (${theme}, ${width}x${height})`, async ({ app }) => {
      await app.emulateMedia({ colorScheme: theme });
      await app.setViewportSize({ width, height });
      await expect(app.locator('html')).toHaveAttribute('data-theme', theme);

      const open = async (picker: Locator, query: string, name: string) => {
        await picker.getByRole('combobox').click();
        if (query) await picker.getByRole('combobox').pressSequentially(query);
        const popover = picker.getByTestId('scheme-picker-popover');
        await expect(popover).toBeVisible();
        const box = (await popover.boundingBox())!;
        // Fully inside the window: nothing of the list is cut off at the bottom or the right.
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await saveScreenshot(app, `scheme-picker-${name}-${theme}-${width}`);
        await picker.getByRole('combobox').press('Escape');
      };

      await open(await openEndpointForm(app), '', 'endpoint');
      await app.getByTestId('nav-signature-lab').click();
      await open(app.getByTestId('lab-scheme'), 'hub', 'lab');
      await app.getByTestId('nav-compose').click();
      await open(app.getByTestId('compose-scheme'), '', 'compose');
    });
  }
}
