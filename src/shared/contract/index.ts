/**
 * Every operation of the control API. The engine refuses to start with an /api route that is not
 * one of these (control-app.ts), and the contract test checks the OpenAPI document lists each.
 */
import type { Operation } from './operation';
import * as endpoints from './endpoints';
import * as eventTypes from './event-types';
import * as exportOps from './export';
import * as health from './health';
import * as history from './history';
import * as meta from './meta';
import * as outbound from './outbound';
import * as platformDeliveries from './platform-deliveries';
import * as platformEvents from './platform-events';
import * as platformSettings from './platform-settings';
import * as platformStats from './platform-stats';
import * as platformSubscriptions from './platform-subscriptions';
import * as retention from './retention';
import * as schemes from './schemes';
import * as signatures from './signatures';
import * as tunnels from './tunnels';

function operationsOf(module: Record<string, unknown>): Operation[] {
  return Object.values(module).filter(
    (value): value is Operation =>
      typeof value === 'object' && value !== null && 'operationId' in value && 'url' in value && 'method' in value,
  );
}

export const OPERATIONS: readonly Operation[] = [
  health,
  schemes,
  endpoints,
  history,
  retention,
  signatures,
  eventTypes,
  outbound,
  exportOps,
  tunnels,
  platformSubscriptions,
  platformStats,
  platformEvents,
  platformDeliveries,
  platformSettings,
  meta,
].flatMap(operationsOf);
