import type { ControlApp } from '../control-app';
import type { PlatformService } from '../../platform/platform-service';
import { registerPlatformDeliveryRoutes } from './platform-deliveries';
import { registerPlatformEventRoutes } from './platform-events';
import { registerPlatformWebhookRoutes } from './platform-webhooks';

/** Every route of the platform simulator. */
export function registerPlatformRoutes(app: ControlApp, platform: PlatformService): void {
  registerPlatformWebhookRoutes(app, platform);
  registerPlatformEventRoutes(app, platform);
  registerPlatformDeliveryRoutes(app, platform);
}
