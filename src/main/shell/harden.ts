import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { decideNavigation, decideWindowOpen, isSameOrigin } from './navigation';
import { isPermissionAllowed } from './permissions';

/**
 * Applies the pure policies (navigation.ts, csp.ts, permissions.ts) to Electron objects. Kept
 * free of decisions on purpose: everything that decides is unit-tested without Electron; this
 * file only connects events to those decisions.
 */

export type OpenExternal = (url: string) => void;

export function hardenSession(session: Session, uiOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, uiOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, uiOrigin),
  );
  // No URL filter: match patterns with ports are not reliably supported, so filter by origin
  // in the listener instead. Responses from other origins pass through untouched (and the
  // window cannot load them anyway).
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isSameOrigin(details.url, uiOrigin)) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

export function hardenContents(contents: WebContents, uiOrigin: string, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, uiOrigin);
    if (decision.action === 'allow') return;
    event.preventDefault();
    // A plain link to the web (no target=_blank) is still a user's wish to read it: send it
    // to the system browser instead of silently doing nothing.
    if (decision.action === 'open-external') openExternal(decision.url);
  });
  // A server redirect away from the UI origin is never something the user asked to open.
  contents.on('will-redirect', (event) => {
    if (!isSameOrigin(event.url, uiOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, uiOrigin);
    if (decision.action === 'open-external') openExternal(decision.url);
    return { action: 'deny' };
  });
  // webviewTag is off in the window options; this also covers any future webContents.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
