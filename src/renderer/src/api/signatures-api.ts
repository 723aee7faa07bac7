import type { RequestVerifyInput, SignatureSignInput, SignatureVerifyInput } from '../../../shared/api';
import { listSchemes } from '../../../shared/contract/schemes';
import { generateKeyPair, listSnippets, signPayload, verifyCapture, verifySignature } from '../../../shared/contract/signatures';
import { api } from './http';

/** The Signature Lab's operations, one typed wrapper each. */
export const signaturesApi = {
  listSchemes: () => api.data(listSchemes),
  verify: (input: SignatureVerifyInput) => api.data(verifySignature, { body: input }),
  sign: (input: SignatureSignInput) => api.data(signPayload, { body: input }),
  /** Re-verifies a stored capture with other settings; nothing stored changes. */
  verifyCapture: (id: number, input: RequestVerifyInput) => api.data(verifyCapture, { params: { id: String(id) }, body: input }),
  /** A fresh key pair for a key-pair scheme (nothing stored). */
  keyPair: (scheme: string) => api.data(generateKeyPair, { query: { scheme } }),
  snippets: (scheme: string) => api.data(listSnippets, { query: { scheme } }),
};
