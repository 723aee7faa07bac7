/**
 * The request `hookscope verify` checks, from one of three sources: --header flags with a body
 * (file or stdin), a raw HTTP request file, or an entry of a HAR file.
 */
import { readFileSync } from 'node:fs';
import { harContentBytes, type HarImportEntry } from '../engine/outbound/har';
import { findHeader } from '../engine/signatures/headers';
import type { SignedMessage } from '../engine/signatures/types';
import { parseRawRequest } from '../../shared/raw-request';
import { parseWhole, UsageError, type ParsedArgs } from './args';
import type { HeaderPair } from '../../shared/http-headers';

export interface RequestInput {
  message: SignedMessage;
  /** The clock the request's own record suggests (a HAR entry's startedDateTime), in Unix seconds. */
  recordedAt: number | null;
}

export function readInputFile(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${flag} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}; give the path of a readable file.`,
    );
  }
}

function headerFlag(value: string): HeaderPair {
  const colon = value.indexOf(':');
  const name = colon > 0 ? value.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`--header must look like 'Name: value'; got ${JSON.stringify(value)}.`);
  }
  return [name, value.slice(colon + 1).trim()];
}

async function readStdin(): Promise<Buffer> {
  // A terminal has no body to give: reading it would wait for Ctrl-D.
  if (process.stdin.isTTY) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A raw request file. Its bytes are read as latin1, one character per byte, so the body after
 * the blank line comes back byte for byte; header values are UTF-8 again.
 */
function fromRawFile(path: string, url: string | undefined): SignedMessage {
  const parsed = parseRawRequest(readInputFile('--raw-file', path).toString('latin1'));
  if (!parsed.ok) throw new UsageError(`--raw-file ${path}: ${parsed.message}`);
  const { method, headers, target, body } = parsed.request;
  const utf8Headers = headers.map(([name, value]): HeaderPair => [name, Buffer.from(value, 'latin1').toString('utf8')]);
  const host = findHeader(utf8Headers, 'host');
  const derived = target && /^https?:\/\//.test(target) ? target : target && host ? `http://${host}${target}` : undefined;
  return {
    headers: utf8Headers,
    body: body === null ? Buffer.alloc(0) : Buffer.from(body, 'latin1'),
    ...((url ?? derived) ? { url: url ?? derived } : {}),
    ...(url ? { exactUrl: true } : {}),
    ...(method ? { method } : {}),
  };
}

/** The entries of a HAR file, or a UsageError (exit 2) naming what is wrong with it. */
export function readHarEntries(path: string): HarImportEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(readInputFile('--har', path).toString('utf8'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `--har ${path} is not JSON (${(error as Error).message}); give a HAR file, e.g. one exported from Hookscope or a browser.`,
    );
  }
  const entries = (document as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries) || entries.length === 0)
    throw new UsageError(`--har ${path} has no log.entries; give a HAR file with at least one request.`);
  entries.forEach((entry: unknown, index) => {
    const request = (entry as HarImportEntry | null)?.request;
    if (typeof request?.url !== 'string' || typeof request.method !== 'string') {
      throw new UsageError(`--har ${path}: entry ${index + 1} has no request.method and request.url; is it a HAR 1.2 file?`);
    }
  });
  return entries as HarImportEntry[];
}

function fromHar(path: string, entryFlag: string | undefined, url: string | undefined): RequestInput {
  const entries = readHarEntries(path);
  const number = entryFlag === undefined ? 1 : parseWhole('--entry', entryFlag, 1, entries.length);
  const entry = entries[number - 1] as HarImportEntry;
  const headers = (entry.request.headers ?? []).map(({ name, value }): HeaderPair => [name, value]);
  const started = entry.startedDateTime === undefined ? Number.NaN : Date.parse(entry.startedDateTime);
  return {
    message: {
      headers,
      body: harContentBytes(entry.request.postData),
      url: url ?? entry.request.url,
      ...(url ? { exactUrl: true } : {}),
      ...(entry.request.method ? { method: entry.request.method } : {}),
    },
    recordedAt: Number.isFinite(started) ? Math.floor(started / 1000) : null,
  };
}

/** The request the flags describe, with --method over the method it records; a UsageError when they describe none, or more than one. */
export async function requestInput(args: ParsedArgs): Promise<RequestInput> {
  const input = await describedRequest(args);
  const method = args.values.get('--method');
  if (method === undefined) return input;
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method))
    throw new UsageError(`--method must be an HTTP method such as POST; got ${JSON.stringify(method)}.`);
  return { ...input, message: { ...input.message, method } };
}

async function describedRequest(args: ParsedArgs): Promise<RequestInput> {
  const url = args.values.get('--url');
  const raw = args.values.get('--raw-file');
  const har = args.values.get('--har');
  const bodyFile = args.values.get('--body-file');
  const headerFlags = args.repeated.get('--header') ?? [];
  const sources = [
    raw !== undefined && '--raw-file',
    har !== undefined && '--har',
    (bodyFile !== undefined || headerFlags.length > 0) && '--header/--body-file',
  ].filter(Boolean);
  if (sources.length > 1) throw new UsageError(`${sources.join(' and ')} each describe the whole request; give only one of them.`);
  if (args.values.has('--entry') && har === undefined) throw new UsageError('--entry picks a request of a --har file; give --har too.');
  if (raw !== undefined) return { message: fromRawFile(raw, url), recordedAt: null };
  if (har !== undefined) return fromHar(har, args.values.get('--entry'), url);
  const body = bodyFile !== undefined ? readInputFile('--body-file', bodyFile) : await readStdin();
  return { message: { headers: headerFlags.map(headerFlag), body, ...(url ? { url, exactUrl: true } : {}) }, recordedAt: null };
}
