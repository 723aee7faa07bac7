import type { FastifyInstance } from 'fastify';
import type { SignatureKeyPair } from '../../../../shared/api';
import { listSchemes } from '../../signatures/registry';
import { resolveScheme } from '../../signatures/verify';
import { invalid } from '../errors';

const keypairQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['scheme'],
  properties: { scheme: { type: 'string', minLength: 1, maxLength: 50 } },
} as const;

/**
 * POST /api/signatures/keypair?scheme=: a fresh key pair in the scheme's own formats, to test a
 * key-pair scheme without the provider (sign with the private key, verify with the public one).
 * Nothing is stored: the pair exists only in the answer.
 */
export function registerKeyPairRoute(app: FastifyInstance): void {
  app.post<{ Querystring: { scheme: string } }>('/api/signatures/keypair', { schema: { querystring: keypairQuery } }, async (request) => {
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
    const data: SignatureKeyPair = {
      scheme: scheme.id,
      algorithm: scheme.keyPair.algorithm,
      public_key: pair.public_key,
      private_key: pair.private_key,
      public_key_format: scheme.keyPair.publicKeyFormat,
      private_key_format: scheme.keyPair.privateKeyFormat,
    };
    return { data };
  });
}
