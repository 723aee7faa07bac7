import { useState } from 'react';
import type { SnsConfirmResult } from '../../../../shared/api';
import type { SnsConfirmation } from '../../../../shared/sns';
import { controlApi } from '../../api/control-api';
import { describeError } from '../../api/errors';
import { Section } from './Section';
import styles from './Panels.module.css';

/**
 * An AWS SNS SubscriptionConfirmation: the subscription starts once its SubscribeURL is visited,
 * which Hookscope does only on this button (a URL from a request must never be followed unasked).
 */
export function SnsConfirmPanel({ id, confirmation }: { id: number; confirmation: SnsConfirmation }) {
  const [state, setState] = useState<
    { status: 'idle' | 'busy' } | { status: 'done'; result: SnsConfirmResult } | { status: 'error'; message: string }
  >({ status: 'idle' });
  const confirm = async () => {
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', result: await controlApi.confirmSns(id) });
    } catch (error) {
      setState({ status: 'error', message: describeError(error) });
    }
  };
  return (
    <Section title="SNS subscription" testId="sns-confirm" collapseId="sns-confirm">
      <dl className="kv">
        {confirmation.topicArn && (
          <div className="kv-row">
            <dt>Topic</dt>
            <dd>{confirmation.topicArn}</dd>
          </div>
        )}
        <div className="kv-row">
          <dt>SubscribeURL</dt>
          <dd className={styles.snsUrl} data-testid="sns-subscribe-url">
            {confirmation.subscribeUrl}
          </dd>
        </div>
      </dl>
      <p className="muted">
        AWS starts delivering to this endpoint once the SubscribeURL is visited. Hookscope visits it only when you click Confirm.
      </p>
      <button
        type="button"
        className="button button-primary button-small"
        data-testid="sns-confirm-button"
        disabled={state.status === 'busy'}
        onClick={() => void confirm()}
      >
        {state.status === 'busy' ? 'Confirming…' : 'Confirm subscription'}
      </button>
      {state.status === 'done' && (
        <p data-testid="sns-confirm-result" className={state.result.status < 300 ? '' : 'inline-error'}>
          {state.result.status < 300
            ? `Confirmed: AWS answered ${state.result.status}${state.result.subscription_arn ? ` with ${state.result.subscription_arn}` : ''}.`
            : `AWS answered ${state.result.status}: ${state.result.body.slice(0, 300)}`}
        </p>
      )}
      {state.status === 'error' && (
        <p className="inline-error" role="alert" data-testid="sns-confirm-error">
          {state.message}
        </p>
      )}
    </Section>
  );
}
