/**
 * `hookscope replay --har FILE --to URL`: every request of a HAR file sent again, offline (no
 * running instance), to the user's handler: a contract test that fails (exit 1) when an answer
 * misses --expect. Each entry keeps its method, headers and exact body bytes; its path and query
 * are appended to --to's base path (as a forward_to does), Host and framing are recomputed, and
 * with --mode resign the signature is made anew over the same bytes.
 */
import { STATUS_CODES } from 'node:http';
import { forwardUrl } from '../engine/outbound/forward';
import { withoutHeaders, withoutHopByHop, type HeaderPair, type HeaderPairs } from '../../shared/http-headers';
import { withTargetHost } from '../engine/outbound/framing';
import { harContentBytes, targetOf } from '../engine/outbound/har';
import { DEFAULT_SEND_TIMEOUT_MS, messageIdFor, sendRecipe, signingScheme } from '../engine/outbound/send-service';
import { findHeader } from '../engine/signatures/headers';
import type { StoredSign } from '../engine/store/sent-repo';
import { UsageError } from './args';
import { EXIT, type Output } from './output';
import { readHarEntries } from './request-input';
import type { SchemeChoice } from './scheme-flags';

/** `2xx,404`: classes (`2xx`) or exact statuses. */
export function parseExpect(value: string): (status: number) => boolean {
  const parts = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  const bad = parts.find((part) => !/^[1-5](xx|\d\d)$/.test(part));
  if (parts.length === 0 || bad !== undefined) {
    throw new UsageError(`--expect takes status classes or statuses separated by commas, e.g. 2xx, 200 or 2xx,3xx; got "${bad ?? value}".`);
  }
  return (status) => parts.some((part) => (part.endsWith('xx') ? Math.floor(status / 100) === Number(part[0]) : status === Number(part)));
}

/** Where an entry goes: --to's origin and base path, then the entry's own path and raw query. */
export function harTargetUrl(to: string, entryUrl: string): string {
  const { path, query } = targetOf(entryUrl);
  return forwardUrl(to, '/', path, query);
}

export interface HarReplayOptions {
  har: string;
  to: string;
  expect: string;
  timeoutMs: number | undefined;
  /** --mode resign: each entry signed anew, now (a recorded signature is stale once past its tolerance). */
  resign?: { choice: SchemeChoice; secret: string };
}

/** Fresh signing settings for one entry; a message id the entry carries is kept (it is the same message). */
function resignSettings(resign: NonNullable<HarReplayOptions['resign']>, headers: HeaderPairs): StoredSign {
  const scheme = signingScheme(resign.choice, 'sign');
  const idHeader = scheme.descriptor.id_header;
  return {
    scheme: scheme.id,
    secret: resign.secret,
    timestamp: { offset: 0 },
    id: messageIdFor(scheme, idHeader ? (findHeader(headers, idHeader) ?? undefined) : undefined),
    ...(resign.choice.custom ? { custom: resign.choice.custom } : {}),
    replaceHeaders: scheme.headerNames,
  };
}

export async function replayHar(options: HarReplayOptions, output: Output): Promise<number> {
  const meets = parseExpect(options.expect);
  const entries = readHarEntries(options.har);
  let passed = 0;
  for (const [index, entry] of entries.entries()) {
    const url = harTargetUrl(options.to, entry.request.url);
    const host = new URL(url).host;
    // HTTP/2 pseudo-headers (`:authority`, in browsers' HAR files) are not HTTP/1.1 headers.
    const headers = (entry.request.headers ?? [])
      .filter(({ name }) => !name.startsWith(':'))
      .map(({ name, value }): HeaderPair => [name, value]);
    const sign = options.resign ? resignSettings(options.resign, headers) : null;
    const base = withTargetHost(withoutHeaders(withoutHopByHop(headers), ['content-length']), host);
    const recipe = {
      url,
      method: entry.request.method,
      // The old signature headers go: a request never carries an old and a new one side by side.
      headers: sign ? withoutHeaders(base, sign.replaceHeaders) : base,
      sign,
      timeoutMs: options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
    };
    const { result } = await sendRecipe(recipe, harContentBytes(entry.request.postData));
    const status = result.response?.status ?? null;
    const ok = status !== null && meets(status);
    if (ok) passed += 1;
    const answer =
      status !== null
        ? `${status} ${STATUS_CODES[status] ?? ''}`.trim()
        : `no answer (${result.error?.code ?? 'network'}: ${result.error?.message ?? ''})`;
    output.result(
      { type: 'replay', entry: index + 1, method: recipe.method, url, status, duration_ms: result.durationMs, error: result.error, ok },
      [
        `${index + 1}/${entries.length}  ${recipe.method} ${url} → ${answer} in ${result.durationMs.toFixed(1)} ms  ${ok ? 'ok' : `MISS (expected ${options.expect})`}`,
      ],
    );
  }
  const failed = entries.length - passed;
  output.result({ type: 'summary', total: entries.length, passed, failed, expect: options.expect, ok: failed === 0 }, [
    `${entries.length} replayed to ${options.to}: ${passed} answered ${options.expect}${failed > 0 ? `, ${failed} did not` : ''}.`,
  ]);
  return failed === 0 ? EXIT.ok : EXIT.failed;
}
