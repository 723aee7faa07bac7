import { useEffect, useRef } from 'react';
import { DEFAULT_TARGET_PATH, endpointSigning } from '../../lib/compose-request';
import { ownReceiverEndpoint } from '../../../../shared/endpoint-match';
import { useStore } from '../../store';
import { ComposeForm } from './ComposeForm';
import { PayloadPane } from './PayloadPane';
import { ResultPane } from './ResultPane';
import styles from './Compose.module.css';

/** Compose & Send: form on the left, the body in Monaco in the middle, result and history on the right. */
export function ComposePage() {
  const loadEventTypes = useStore((s) => s.loadEventTypes);
  const checkCanEmit = useStore((s) => s.checkCanEmit);
  const receiverUrl = useStore((s) => s.receiverUrl);
  const endpoints = useStore((s) => s.endpoints);
  const url = useStore((s) => s.composeDraft.url);
  const secret = useStore((s) => s.composeDraft.secret);
  const update = useStore((s) => s.updateComposeDraft);
  const prefilled = useRef(false);

  useEffect(() => {
    void loadEventTypes();
    void checkCanEmit();
  }, [loadEventTypes, checkCanEmit]);

  // Default target: this app's own receiver, so a first Send shows up in the Inspector.
  useEffect(() => {
    if (url === '' && receiverUrl) update({ url: `${receiverUrl}${DEFAULT_TARGET_PATH}` });
  }, [url, receiverUrl, update]);

  // Sending to our own receiver: start with the secret of the endpoint that will receive it.
  useEffect(() => {
    // Once: a secret the user cleared on purpose stays cleared.
    if (prefilled.current || secret !== '') return;
    const endpoint = ownReceiverEndpoint(endpoints, receiverUrl, url);
    if (endpoint && endpoint.secret !== '') {
      prefilled.current = true;
      update(endpointSigning(endpoint));
    }
  }, [secret, receiverUrl, url, endpoints, update]);

  return (
    <div className={styles.compose} data-testid="compose-page">
      <ComposeForm />
      <PayloadPane />
      <ResultPane />
    </div>
  );
}
