import { checkExternalUrl } from './external-url';

/** The origin of a URL, or null when it has none worth comparing (file:, data:, garbage). */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // Opaque origins serialize as the string "null"; they never equal the UI origin.
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/** True only for URLs on exactly the UI origin (scheme, host and port). */
export function isSameOrigin(url: string | undefined | null, uiOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(uiOrigin);
}

export type NavigationDecision =
  | { action: 'allow' }
  | { action: 'deny' }
  /** Denied in the app, but an ordinary web link: hand it to the system browser. */
  | { action: 'open-external'; url: string };

/**
 * Policy for in-window navigation (will-navigate / will-redirect) and for window.open /
 * target=_blank (setWindowOpenHandler, where 'allow' is never honoured: no child windows).
 * Anything leaving the UI origin must not load inside a window that has the preload bridge.
 */
export function decideNavigation(url: string, uiOrigin: string): NavigationDecision {
  if (isSameOrigin(url, uiOrigin)) return { action: 'allow' };
  const external = checkExternalUrl(url);
  return external.ok ? { action: 'open-external', url: external.url } : { action: 'deny' };
}

/** Policy for new windows: never create one; web links go to the system browser. */
export function decideWindowOpen(url: string, uiOrigin: string): NavigationDecision {
  const decision = decideNavigation(url, uiOrigin);
  if (decision.action !== 'allow') return decision;
  // A same-origin window.open would get a second window with the bridge; the UI has no use for
  // one, so refuse rather than reason about it.
  return { action: 'deny' };
}
