import { BRIDGE_CHANNELS, type BridgeChannel, type BridgeConnection } from '../../shared/bridge';
import { checkExternalUrl } from './external-url';
import { isSameOrigin } from './navigation';

/** What the handlers need from the outside world; Electron's `shell`/`app` in the app, fakes in tests. */
export interface ShellServices {
  openExternal(url: string): Promise<void>;
  connection(): BridgeConnection;
  appVersion(): string;
}

export type IpcHandler = (...args: unknown[]) => Promise<unknown>;

/** Thrown for bad arguments; its message crosses IPC and reaches the page's rejected promise. */
export class BridgeArgumentError extends Error {
  override name = 'BridgeArgumentError';
}

/**
 * One handler per bridge channel. Arguments arrive from the page and are untrusted: each
 * handler checks them itself rather than relying on the preload's TypeScript types.
 */
export function createIpcHandlers(services: ShellServices): Record<BridgeChannel, IpcHandler> {
  return {
    [BRIDGE_CHANNELS.getConnection]: async () => {
      const { receiverUrl, uiUrl } = services.connection();
      return { receiverUrl, uiUrl } satisfies BridgeConnection;
    },
    [BRIDGE_CHANNELS.openExternal]: async (...args: unknown[]) => {
      if (args.length !== 1) throw new BridgeArgumentError(`openExternal takes exactly one URL, got ${args.length} arguments`);
      const check = checkExternalUrl(args[0]);
      if (!check.ok) throw new BridgeArgumentError(check.reason);
      await services.openExternal(check.url);
    },
    [BRIDGE_CHANNELS.appVersion]: async () => services.appVersion(),
  };
}

/**
 * Wraps a handler so it only runs for messages from a frame on the UI origin. The window can
 * only be on that origin (navigation is denied elsewhere), but a redirect race, an iframe or a
 * future second window must still not reach native capabilities.
 */
export function guardSender(
  handler: IpcHandler,
  uiOrigin: string,
): (senderFrameUrl: string | undefined, ...args: unknown[]) => Promise<unknown> {
  return async (senderFrameUrl, ...args) => {
    if (!isSameOrigin(senderFrameUrl, uiOrigin)) {
      throw new Error(`Refused IPC from ${senderFrameUrl ?? 'an unknown frame'}: only ${uiOrigin} may use the bridge`);
    }
    return handler(...args);
  };
}
