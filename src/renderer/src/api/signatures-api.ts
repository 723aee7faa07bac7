import type {
  RequestVerifyInput,
  SchemeDescriptor,
  SignatureKeyPair,
  SignatureSignInput,
  SignatureSignResult,
  SignatureVerifyInput,
  Verification,
  VerificationSnippet,
} from '../../../shared/api';
import { requestJson } from './http';

interface DataEnvelope<T> {
  data: T;
}

async function data<T>(promise: Promise<DataEnvelope<T>>): Promise<T> {
  return (await promise).data;
}

/** The Signature Lab's operations, one typed wrapper each. */
export const signaturesApi = {
  listSchemes: () => data(requestJson<DataEnvelope<SchemeDescriptor[]>>('GET', '/schemes')),
  verify: (input: SignatureVerifyInput) => data(requestJson<DataEnvelope<Verification>>('POST', '/signatures/verify', input)),
  sign: (input: SignatureSignInput) => data(requestJson<DataEnvelope<SignatureSignResult>>('POST', '/signatures/sign', input)),
  /** Re-verifies a stored capture with other settings; nothing stored changes. */
  verifyCapture: (id: number, input: RequestVerifyInput) =>
    data(requestJson<DataEnvelope<Verification>>('POST', `/requests/${id}/verify`, input)),
  /** A fresh key pair for a key-pair scheme (nothing stored). */
  keyPair: (scheme: string) =>
    data(requestJson<DataEnvelope<SignatureKeyPair>>('POST', `/signatures/keypair?scheme=${encodeURIComponent(scheme)}`)),
  snippets: (scheme: string) =>
    data(requestJson<DataEnvelope<VerificationSnippet[]>>('GET', `/snippets?scheme=${encodeURIComponent(scheme)}`)),
};
