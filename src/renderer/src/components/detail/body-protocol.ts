import type { BodyRow } from './body-rows';
import type { BodySummary, BodyTab, CopyPayload, RowsInfo } from './body-views';

/** Where the worker gets a body's bytes: base64 already at hand, or the engine's body route. */
export type BodySource = { kind: 'inline'; base64: string } | { kind: 'url'; url: string; headers: Record<string, string> };

/** Messages to body.worker.ts; each gets one BodyReply with the same id. */
export type BodyRequest =
  | { id: number; type: 'open'; source: BodySource }
  | { id: number; type: 'rows-info'; tab: BodyTab; columns: number }
  | { id: number; type: 'rows'; tab: BodyTab; columns: number; from: number; count: number }
  | { id: number; type: 'full'; tab: BodyTab }
  | { id: number; type: 'copy' };

export interface BodyResults {
  open: BodySummary;
  'rows-info': RowsInfo;
  rows: BodyRow[];
  full: string;
  copy: CopyPayload;
}

export type BodyReply = { id: number; ok: true; result: BodyResults[keyof BodyResults] } | { id: number; ok: false; error: string };
