/**
 * Every operation of the control API. The engine refuses to start with an /api route that is not
 * one of these (control-app.ts), and the contract test checks the OpenAPI document lists each.
 */
import type { Operation } from './operation';
import * as endpoints from './endpoints';
import * as eventTypes from './event-types';
import * as health from './health';
import * as meta from './meta';
import * as outbound from './outbound';
import * as retention from './retention';
import * as schemes from './schemes';
import * as signatures from './signatures';

function operationsOf(module: Record<string, unknown>): Operation[] {
  return Object.values(module).filter(
    (value): value is Operation =>
      typeof value === 'object' && value !== null && 'operationId' in value && 'url' in value && 'method' in value,
  );
}

export const OPERATIONS: readonly Operation[] = [health, schemes, endpoints, retention, meta, signatures, eventTypes, outbound].flatMap(
  operationsOf,
);
