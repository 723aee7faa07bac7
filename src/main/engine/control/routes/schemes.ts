import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';
import { listSchemes as listSchemesOp } from '../../../../shared/contract/schemes';
import { listSchemes } from '../../signatures/registry';

export function registerSchemeRoutes(app: ControlApp): void {
  app.route({ ...routeOf(listSchemesOp), handler: async () => ({ data: listSchemes().map((scheme) => scheme.descriptor) }) });
}
