import { describe, expect, it } from 'vitest';
import { missingExpectedText, reasonText } from '../../../src/shared/verification-text';
import { noSnippetsText } from '../../../src/renderer/src/lib/lab-scheme';
import type { SchemeDescriptor } from '../../../src/shared/api';

describe('verification wording', () => {
  it('speaks of the secret for HMAC and of the public key for a key pair', () => {
    expect(reasonText('signature_mismatch')).toBe('The signature does not match the body signed with this secret.');
    expect(reasonText('signature_mismatch', 'ed25519')).toContain('does not verify with this public key');
    expect(reasonText('no_secret', 'ecdsa-p256')).toBe('No public key is set, so the signature cannot be checked.');
    // Reasons that name no key read the same for both kinds.
    expect(reasonText('timestamp_expired', 'ed25519')).toBe(reasonText('timestamp_expired'));
    expect(reasonText('future_code')).toBe('future_code');
  });

  it('explains the missing expected signature of a key pair', () => {
    expect(missingExpectedText(null)).toBe('— (cannot be computed)');
    expect(missingExpectedText('ed25519')).toBe('— (an Ed25519 signature can only be made with the private key)');
    expect(missingExpectedText('ecdsa-p256')).toBe('— (an ECDSA P-256 signature can only be made with the private key)');
  });

  it('lists the schemes with snippets from the descriptors', () => {
    const descriptor = (id: string, label: string, hasSnippets: boolean) => ({ id, label, has_snippets: hasSnippets }) as SchemeDescriptor;
    const schemes = [
      descriptor('stripe', 'Stripe (Stripe-Signature)', true),
      descriptor('discord', 'Discord (X-Signature-Ed25519)', false),
      descriptor('zoom', 'Zoom', true),
    ];
    expect(noSnippetsText({ keyPairOnly: false }, schemes)).toBe(
      'No verification snippets for this scheme yet; they exist for 2 schemes: Stripe, Zoom.',
    );
    expect(noSnippetsText({ keyPairOnly: true }, schemes)).toBe(
      'No verification snippets for key-pair schemes yet; they exist for 2 schemes: Stripe, Zoom.',
    );
    expect(noSnippetsText({ keyPairOnly: false }, [])).toBe('No verification snippets for this scheme yet.');
  });
});
