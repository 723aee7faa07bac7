import type { SchemeDescriptor } from '../../../shared/api';
import { PROVIDER_SAMPLES, sampleHeaders, sampleName } from '../../../shared/provider-samples';
import type { ProviderSample } from '../../../shared/provider-samples/sample';
import type { ComposeDraft } from './compose-request';
import { formatHeaderLines } from './header-lines';

/** The samples of one provider, in the order provider-samples.ts lists them. */
export interface SampleGroup {
  label: string;
  samples: ProviderSample[];
}

export function sampleGroups(samples: readonly ProviderSample[] = PROVIDER_SAMPLES): SampleGroup[] {
  const groups: SampleGroup[] = [];
  for (const sample of samples) {
    const group = groups.find((item) => item.label === sample.label);
    if (group) group.samples.push(sample);
    else groups.push({ label: sample.label, samples: [sample] });
  }
  return groups;
}

export function sampleByName(name: string, samples: readonly ProviderSample[] = PROVIDER_SAMPLES): ProviderSample | undefined {
  return samples.find((sample) => sampleName(sample) === name);
}

/**
 * Whether the secret typed for the draft's current scheme can sign as `descriptor` too: a secret
 * for the same scheme always can; a key-pair scheme needs its private key (never an HMAC secret,
 * and an HMAC scheme is not signed with a private key); Standard Webhooks' format needs `whsec_`.
 */
export function secretFits(
  secret: string,
  fromScheme: string,
  to: SchemeDescriptor | undefined,
  descriptors: readonly SchemeDescriptor[],
): boolean {
  if (secret === '') return false;
  if (fromScheme === to?.id) return true;
  if (to?.secret_format === 'key_pair') return false;
  if (descriptors.find((item) => item.id === fromScheme)?.secret_format === 'key_pair') return false;
  if (to?.secret_format === 'whsec_base64') return secret.startsWith('whsec_');
  return true;
}

/**
 * What choosing a sample changes in the draft: body (the sample's exact bytes), method, headers
 * (Content-Type first, the provider's own after, with a fresh delivery id), and “Sign as” the
 * provider's scheme. The URL, timeout and timestamp stay as the user set them.
 */
export function sampleDraft(sample: ProviderSample, draft: ComposeDraft, descriptors: readonly SchemeDescriptor[]): Partial<ComposeDraft> {
  const descriptor = descriptors.find((item) => item.id === sample.scheme);
  const keep = secretFits(draft.secret, draft.scheme, descriptor, descriptors);
  return {
    bodyMode: 'sample',
    sample: sampleName(sample),
    body: sample.body,
    method: sample.method,
    headersText: formatHeaderLines(sampleHeaders(sample)),
    scheme: sample.scheme,
    secret: keep ? draft.secret : '',
    publicKey: keep ? draft.publicKey : '',
    // A message id typed for another scheme means nothing to this one.
    messageId: draft.scheme === sample.scheme ? draft.messageId : '',
  };
}
