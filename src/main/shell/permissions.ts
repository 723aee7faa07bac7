import { isSameOrigin } from './navigation';

/**
 * The only permission the UI needs: writing text to the clipboard from a click on a copy
 * button (receiver URL, sample curl command). Chromium routes navigator.clipboard.writeText
 * through the permission handler in Electron, so denying it would break those buttons.
 * Everything else (camera, notifications, geolocation, reading the clipboard, ...) is denied.
 */
const ALLOWED_FROM_UI = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, uiOrigin: string): boolean {
  return ALLOWED_FROM_UI.has(permission) && isSameOrigin(requestingUrl, uiOrigin);
}
