import type { ProviderSample } from '../../../../shared/provider-samples';

/** What the chosen sample is, and what it set besides the body. */
export function SampleNote({ sample }: { sample: ProviderSample }) {
  const named = sample.headers.map(([name]) => name).filter((name) => name.toLowerCase() !== 'user-agent');
  return (
    <p className="payload-description" data-testid="compose-sample-description">
      <code>{sample.event}</code> {sample.description} The body is {sample.label}’s bytes as it sends them ({sample.contentType}), with its headers
      {named.length > 0 && <> ({named.join(', ')})</>} below and “Sign as” {sample.label}
      {sample.deliveryIdHeader ? `; ${sample.deliveryIdHeader} is fresh on every choice or reset.` : '.'}
    </p>
  );
}
