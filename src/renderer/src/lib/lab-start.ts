import type { Endpoint, RequestDetail } from '../../../shared/api';
import { utf8ToBase64 } from './bytes';
import { toHeaderRows } from './header-list';
import { customFormFromConfig, DEFAULT_CUSTOM_FORM } from './lab-scheme';
import type { LabInputs } from './lab-payload';
import { SAMPLE_BODY, SAMPLE_PATH } from './sample-command';
import type { HeaderPairs } from '../../../shared/http-headers';

/** Where the Lab's inputs came from. A capture can also be re-verified as stored ("what if"). */
export type LabSource =
  | { kind: 'scratch' }
  | {
      kind: 'capture';
      id: number;
      receivedAt: string;
      method: string;
      /** Path and query as received, for the curl target. */
      target: string;
      url: string;
      endpointLabel: string | null;
      /** The stored headers and bytes: what-if mode always verifies (and shows) exactly these. */
      headers: HeaderPairs;
      bodyBase64: string;
    };

/** A fresh start: the guide's sample event with DcisionAI headers and no signature yet. */
export function scratchInputs(nowSeconds: number, newId: () => number): LabInputs {
  return {
    scheme: 'dcisionai',
    custom: DEFAULT_CUSTOM_FORM,
    secret: '',
    headers: toHeaderRows(
      [
        ['Content-Type', 'application/json'],
        ['X-DcisionAI-Timestamp', String(nowSeconds)],
        ['X-DcisionAI-Signature', ''],
      ],
      newId,
    ),
    bodyBase64: utf8ToBase64(SAMPLE_BODY),
    url: `http://127.0.0.1${SAMPLE_PATH}`,
    clock: '',
    tolerance: '',
  };
}

/**
 * A capture's exact headers and bytes, its endpoint's scheme, secret and tolerance, and the time
 * it was received as the clock, so an old capture is judged as it was when it arrived.
 */
/** `bodyBase64`: the capture's whole body (api/body-api's captureBodyBase64: a large one is not inline). */
export function captureInputs(detail: RequestDetail, bodyBase64: string, endpoint: Endpoint | undefined, newId: () => number): LabInputs {
  const receivedSeconds = Math.floor(Date.parse(detail.received_at) / 1000);
  return {
    scheme: endpoint?.scheme ?? detail.verification.scheme,
    custom: customFormFromConfig(endpoint?.custom),
    secret: endpoint?.secret ?? '',
    headers: toHeaderRows(detail.headers, newId),
    bodyBase64,
    // The URL the sender called (a tunnel's public one), which URL-signing schemes sign.
    url: detail.public_url ?? detail.url,
    clock: Number.isNaN(receivedSeconds) ? '' : String(receivedSeconds),
    // The tolerance the capture was judged with (a custom scheme may carry its own).
    tolerance: String(endpoint?.custom?.tolerance_seconds ?? endpoint?.tolerance_seconds ?? detail.verification.tolerance_seconds),
  };
}

export function captureSource(detail: RequestDetail, bodyBase64: string, endpoint: Endpoint | undefined): LabSource {
  return {
    kind: 'capture',
    id: detail.id,
    receivedAt: detail.received_at,
    method: detail.method,
    target: detail.query ? `${detail.path}?${detail.query}` : detail.path,
    url: detail.url,
    endpointLabel: endpoint ? `${endpoint.name} (${endpoint.path})` : null,
    headers: detail.headers,
    bodyBase64,
  };
}
