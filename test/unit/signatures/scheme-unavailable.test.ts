import { describe, expect, it } from 'vitest';
import { verifyMessage } from '../../../src/main/engine/signatures/verify';
import type { HeaderPair } from '../../../src/shared/http-headers';

describe('a scheme that cannot be used', () => {
  it('is unverifiable with its own reason, not "no secret", when a secret is set', () => {
    const message = { headers: [['X-Sig', 'abc']] as HeaderPair[], body: Buffer.from('x') };
    const unknown = verifyMessage(message, { scheme: 'md5-magic', secret: 's', toleranceSeconds: 300 });
    expect(unknown).toMatchObject({ verdict: 'unverifiable', reason: 'scheme_unavailable' });
    expect(unknown.diagnosis[0]?.code).toBe('unknown_scheme');
    const broken = verifyMessage(message, {
      scheme: 'custom',
      custom: { signature_header: 'X-Sig', signed_content: '{nonce}' },
      secret: 's',
      toleranceSeconds: 300,
    });
    expect(broken).toMatchObject({ verdict: 'unverifiable', reason: 'scheme_unavailable' });
    expect(verifyMessage(message, { scheme: 'dcisionai', secret: '', toleranceSeconds: 300 }).reason).toBe('no_secret');
  });
});
