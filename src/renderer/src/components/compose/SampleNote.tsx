import type { ProviderSample } from '../../../../shared/provider-samples/sample';
import styles from './Compose.module.css';

/** What the chosen sample is, and what choosing it set besides the body. */
export function SampleNote({ sample }: { sample: ProviderSample }) {
  return (
    <p className={styles.payloadDescription} data-testid="compose-sample-description">
      <code>{sample.event}</code> {sample.description} Sent as {sample.label} sends it: these exact bytes ({sample.contentType}), its
      headers and its signature{sample.deliveryIdHeader ? `; ${sample.deliveryIdHeader} is new on every choice or reset.` : '.'}
    </p>
  );
}
