/** Long enough for any real link (docs, dashboards with query strings); short enough to refuse junk. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Decides whether a URL may be handed to the operating system's URL opener. Only http(s):
 * shell.openExternal with file:, smb:, javascript:, custom app schemes etc. can launch local
 * programs or leak credentials, which a page must never be able to trigger.
 * Returns the normalized href, which is what should be opened (not the raw input).
 */
export function checkExternalUrl(input: unknown): ExternalUrlCheck {
  if (typeof input !== 'string') {
    return { ok: false, reason: `openExternal expects a URL string, got ${input === null ? 'null' : typeof input}` };
  }
  if (input.length === 0) return { ok: false, reason: 'openExternal got an empty URL' };
  if (input.length > MAX_EXTERNAL_URL_LENGTH) {
    return { ok: false, reason: `openExternal URL is ${input.length} characters; the limit is ${MAX_EXTERNAL_URL_LENGTH}` };
  }
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return { ok: false, reason: `openExternal got a string that is not an absolute URL: ${preview(input)}` };
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) {
    return { ok: false, reason: `openExternal only opens http: and https: URLs, not ${parsed.protocol}` };
  }
  if (parsed.username || parsed.password) {
    // user:pass@host is a classic way to disguise the real host in a link.
    return { ok: false, reason: 'openExternal refuses URLs with embedded credentials' };
  }
  return { ok: true, url: parsed.href };
}

function preview(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
