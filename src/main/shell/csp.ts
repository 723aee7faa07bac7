/**
 * The Content-Security-Policy the shell adds to every response from the UI origin. The control
 * API sends its own policy too; browsers enforce every policy they receive, so ours is a floor
 * that holds even if a server change loosens its header.
 *
 * - style-src 'unsafe-inline': Monaco and React inline styles set element styles at runtime.
 * - worker-src blob: Monaco may start its language workers from blob: URLs.
 * - img-src/font-src data: Monaco's codicon font and small inline images.
 * - connect-src 'self': the control API and its event stream live on the same origin.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['worker-src', "'self' blob:"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  // Not in the server's list but cheap and strictly tighter: no plugins, no <base> hijack,
  // no framing of the UI by another page, forms only to ourselves.
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'self'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

export type ResponseHeaders = Record<string, string[] | string>;

/**
 * Returns a copy of `headers` that also carries our policy. An existing CSP header (any case)
 * is kept and ours is appended as a second policy, never replacing a possibly stricter one.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let cspKey: string | undefined;
  for (const [key, value] of Object.entries(headers ?? {})) {
    out[key] = Array.isArray(value) ? [...value] : [value];
    if (key.toLowerCase() === 'content-security-policy') cspKey = key;
  }
  const key = cspKey ?? 'Content-Security-Policy';
  out[key] = [...(out[key] ?? []), CONTENT_SECURITY_POLICY];
  return out;
}
