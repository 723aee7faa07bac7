import { generateKeyPair } from '../../../../shared/contract/signatures';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';
import { listSchemes } from '../../signatures/registry';
import { resolveScheme } from '../../signatures/verify';
import { invalid } from '../errors';

/**
 * POST /api/signatures/keypair?scheme=: a fresh key pair in the scheme's own formats, to test a
 * key-pair scheme without the provider (sign with the private key, verify with the public one).
 * Nothing is stored: the pair exists only in the answer.
 */
export function registerKeyPairRoute(app: ControlApp): void {
  app.route({
    ...routeOf(generateKeyPair),
    handler: async (request) => {
      const resolved = resolveScheme(request.query.scheme, undefined);
      if (!resolved.ok) throw invalid(`query.scheme: ${resolved.message}`);
      const { scheme } = resolved;
      if (!scheme.keyPair) {
        const withPairs = listSchemes()
          .filter((candidate) => candidate.keyPair)
          .map((candidate) => candidate.id);
        throw invalid(
          `query.scheme: the ${scheme.label} scheme verifies with a shared secret, not a key pair; key pairs exist for: ${withPairs.join(', ')}.`,
        );
      }
      const pair = scheme.keyPair.generate();
      const data = {
        scheme: scheme.id,
        algorithm: scheme.keyPair.algorithm,
        public_key: pair.public_key,
        private_key: pair.private_key,
        public_key_format: scheme.keyPair.publicKeyFormat,
        private_key_format: scheme.keyPair.privateKeyFormat,
      };
      return { data };
    },
  });
}
