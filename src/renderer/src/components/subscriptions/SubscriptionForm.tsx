import { useEffect, useRef, useState, type FormEvent } from 'react';
import { EVENT_TYPE_NAMES } from '../../../../shared/event-types';
import type { WebhookSubscription } from '../../../../shared/platform-api';
import { describeError } from '../../api/errors';
import { ownReceiverEndpoint } from '../../../../shared/endpoint-match';
import { draftFromSubscription, draftToInput, type SubscriptionDraft, type SubscriptionDraftErrors } from '../../lib/subscription-draft';
import { useStore } from '../../store';
import { Field } from '../endpoints/Field';
import { SecretInput } from '../endpoints/SecretInput';
import { EventTypePicker } from './EventTypePicker';
import { cx } from '../../lib/cx';
import styles from '../endpoints/Endpoints.module.css';

/** A path on Hookscope's own receiver: deliveries then show up in the Inspector. */
const SELF_PATH = '/webhooks/platform';

/** What the endpoint that receives the subscription's URL will make of its signatures. */
function receivingHint(endpointName: string, endpointSecret: string, secret: string): string {
  if (endpointSecret === '') {
    return `Endpoint “${endpointName}” receives this URL and has no secret: its captures will be unverifiable unless a secret is set there (Endpoints page).`;
  }
  if (secret === endpointSecret)
    return `This is the secret of endpoint “${endpointName}”, which receives this URL: its captures will verify.`;
  return `Endpoint “${endpointName}” receives this URL with a different secret: its captures will be invalid.`;
}

export function SubscriptionForm({ subscription }: { subscription: WebhookSubscription | null }) {
  const receiverUrl = useStore((s) => s.receiverUrl);
  const save = useStore((s) => s.saveSubscription);
  const openForm = useStore((s) => s.openSubscriptionForm);
  const notify = useStore((s) => s.notify);
  const endpoints = useStore((s) => s.endpoints);

  const selfUrl = receiverUrl ? `${receiverUrl.replace(/\/+$/, '')}${SELF_PATH}` : '';
  const [draft, setDraft] = useState<SubscriptionDraft>(() => draftFromSubscription(subscription, selfUrl));
  const [errors, setErrors] = useState<SubscriptionDraftErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = <K extends keyof SubscriptionDraft>(key: K, value: SubscriptionDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  // Delivering to our own receiver: the endpoint that takes this URL checks the signatures, so a
  // new subscription starts with its secret (once: a secret the user clears stays cleared).
  const receiving = ownReceiverEndpoint(endpoints, receiverUrl, draft.url.trim());
  const prefilled = useRef(false);
  useEffect(() => {
    if (subscription || prefilled.current || draft.secret !== '' || !receiving || receiving.secret === '') return;
    prefilled.current = true;
    setDraft((current) => ({ ...current, secret: receiving.secret }));
  }, [subscription, draft.secret, receiving]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = draftToInput(draft, subscription);
    setErrors(found);
    setServerError(null);
    if (!input) return;
    setSaving(true);
    try {
      const saved = await save(subscription?.id ?? null, input);
      notify('info', `${subscription ? 'Saved' : 'Created'} subscription “${saved.name}”.`);
    } catch (error) {
      setServerError(describeError(error));
      setSaving(false);
    }
  };

  return (
    <form
      className={cx(styles.endpointForm, 'subs-form')}
      onSubmit={(event) => void submit(event)}
      data-testid="subscription-form"
      noValidate
    >
      <h2>{subscription ? `Edit “${subscription.name}”` : 'New subscription'}</h2>
      <div className="form-grid">
        <Field label="Name" htmlFor="subscription-name" error={errors.name}>
          <input
            id="subscription-name"
            data-testid="subscription-name"
            value={draft.name}
            onChange={(e) => update('name', e.target.value)}
          />
        </Field>
        <Field label="Status" htmlFor="subscription-status" hint="Disabled subscriptions get no new deliveries.">
          <select
            id="subscription-status"
            data-testid="subscription-status"
            value={draft.status}
            onChange={(e) => update('status', e.target.value === 'disabled' ? 'disabled' : 'active')}
          >
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </select>
        </Field>
        <div className="form-wide">
          <Field
            label="URL"
            htmlFor="subscription-url"
            error={errors.url}
            hint={
              selfUrl && draft.url !== selfUrl ? (
                <button type="button" className="link-button" data-testid="subscription-url-self" onClick={() => update('url', selfUrl)}>
                  Deliver to Hookscope’s own receiver ({selfUrl})
                </button>
              ) : (
                'Deliveries are POSTed here, signed with the secret below.'
              )
            }
          >
            <input
              id="subscription-url"
              data-testid="subscription-url"
              value={draft.url}
              placeholder="http://localhost:3000/webhooks/dcisionai"
              spellCheck={false}
              onChange={(e) => update('url', e.target.value)}
            />
          </Field>
        </div>
        <div className="form-wide">
          <Field label="Description" htmlFor="subscription-description">
            <input
              id="subscription-description"
              data-testid="subscription-description"
              value={draft.description}
              onChange={(e) => update('description', e.target.value)}
            />
          </Field>
        </div>
        <div className="form-wide">
          <Field
            label="Secret"
            htmlFor="subscription-secret"
            hint={
              <>
                {subscription ? 'Left unchanged, the stored secret is kept.' : 'Leave empty and the engine generates one.'}
                {receiving && (
                  <span className="subs-secret-receiver" data-testid="subscription-secret-receiver">
                    {' '}
                    {receivingHint(receiving.name, receiving.secret, draft.secret)}
                    {receiving.secret !== '' && draft.secret !== receiving.secret && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link-button"
                          data-testid="subscription-use-endpoint-secret"
                          onClick={() => update('secret', receiving.secret)}
                        >
                          Use its secret
                        </button>
                      </>
                    )}
                  </span>
                )}
              </>
            }
          >
            <SecretInput
              id="subscription-secret"
              value={draft.secret}
              placeholder={subscription ? 'Empty: keep the stored secret' : 'Empty: the engine generates one'}
              onChange={(value) => update('secret', value)}
            />
          </Field>
        </div>
        <div className="form-wide">
          <EventTypePicker
            selected={draft.events}
            error={errors.events}
            onChange={(events) => update('events', events)}
            catalog={EVENT_TYPE_NAMES}
          />
        </div>
      </div>

      {serverError && (
        <p className="inline-error form-error" role="alert" data-testid="subscription-form-error">
          {serverError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="save-subscription" disabled={saving}>
          {saving ? 'Saving…' : subscription ? 'Save changes' : 'Create subscription'}
        </button>
        <button type="button" className="button" data-testid="cancel-subscription" onClick={() => openForm(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
