/**
 * Every /api route is a contract operation: one registered by hand (without routeOf) would be
 * missing from /api/openapi.json and README's tables, and would answer without a response schema.
 * The control app refuses to build with one, so no test has to remember to look.
 */
import type { RouteOptions } from 'fastify';
import { OPERATIONS } from '../../../shared/contract';

const KNOWN = new Set(OPERATIONS.map((op) => `${op.method} ${op.url} ${op.operationId}`));

export function assertInContract(route: Pick<RouteOptions, 'method' | 'url' | 'schema'>): void {
  if (!route.url.startsWith('/api/')) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  // Fastify adds HEAD for every GET itself; it follows the GET's contract.
  if (methods.every((method) => method === 'HEAD')) return;
  const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
  for (const method of methods) {
    if (method === 'HEAD') continue;
    if (operationId === undefined || !KNOWN.has(`${method} ${route.url} ${operationId}`)) {
      throw new Error(
        `${method} ${route.url} is not an operation of the API contract: define it in src/shared/contract, add it to OPERATIONS and register it with routeOf().`,
      );
    }
  }
}
