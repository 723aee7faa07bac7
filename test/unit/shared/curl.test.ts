import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sinksClosedAfterEach, type ReceivedRequest } from '../../helpers/one-request-sink';
import { curlCommand, printfFormat, shellQuote } from '../../../src/shared/curl';
import type { HeaderPair, HeaderPairs } from '../../../src/shared/http-headers';

/** Runs a script the way a pasted command runs: bash reading it from stdin (no argument size limit). */
function runBash(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-s'], { stdio: ['pipe', 'ignore', 'pipe'], timeout: 10_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bash exited ${code}: ${stderr}`))));
    child.stdin.end(script);
  });
}
const hasCurl = spawnSync('bash', ['-c', 'command -v curl'], { stdio: 'ignore' }).status === 0;

const startSink = sinksClosedAfterEach();

/** Runs the command through bash against a local sink and returns what arrived. */
async function send(
  body: Uint8Array,
  headers: HeaderPairs = [['Content-Type', 'application/json']],
  method = 'POST',
  path = '/hook?x=[1]',
): Promise<{ command: string; received: ReceivedRequest }> {
  const sink = await startSink();
  const command = curlCommand({ url: `${sink.url}${path}`, method, headers, body });
  await runBash(command);
  return { command, received: await sink.received };
}

const header = (received: ReceivedRequest, name: string) => {
  const index = received.rawHeaders.findIndex((candidate, i) => i % 2 === 0 && candidate.toLowerCase() === name.toLowerCase());
  return index === -1 ? undefined : received.rawHeaders[index + 1];
};

describe('curl escaping', () => {
  it('quotes shell words and escapes printf formats byte-exactly', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    // Three-digit octal always: the NUL before '1' must not swallow it.
    expect(printfFormat(Buffer.from("a%b\\c'd\ne\r\u0000" + '1'))).toBe(`'a%%b\\\\c'\\''d\\ne\\015\\0001'`);
    expect(printfFormat(Buffer.from('é'))).toBe(`'\\303\\251'`);
    expect(printfFormat(Buffer.from([0xc3, 0x41, 0xff]))).toBe(`'\\303A\\377'`);
  });
});

describe('curlCommand', () => {
  it('sends HEAD with --head, an empty POST with -X, and leaves out hop-by-hop headers and the ones Connection names', () => {
    const headers: HeaderPair[] = [
      ['Connection', 'close, X-Hop'],
      ['X-Hop', '1'],
      ['Proxy-Authorization', 'x'],
      ['Keep-Alive', '5'],
      ['X-Kept', 'yes'],
    ];
    const head = curlCommand({ url: 'http://h/x', method: 'head', headers, body: new Uint8Array() });
    expect(head).toContain(' --head ');
    expect(head).not.toMatch(/X-Hop|Proxy-Authorization|Keep-Alive|Connection/);
    expect(head).toContain(`-H 'X-Kept: yes'`);
    expect(curlCommand({ url: 'http://h/x', method: 'POST', headers: [], body: new Uint8Array() })).toContain(` -X 'POST' `);
    expect(curlCommand({ url: 'http://h/x', method: 'POST', headers: [], body: new Uint8Array([0x61]) })).not.toContain(' -X ');
  });

  it('inlines plain text with --data-binary in single quotes, never -d', () => {
    const command = curlCommand({
      url: 'http://h/p',
      method: 'POST',
      headers: [['X-A', "it's"]],
      body: new TextEncoder().encode('{"a":"b c"}'),
    });
    expect(command).toContain(`--data-binary '{"a":"b c"}'`);
    expect(command).toContain(`-H 'X-A: it'\\''s'`);
    expect(command).not.toMatch(/\s-d\s/);
    expect(command.startsWith('curl ')).toBe(true);
  });

  it('leaves out headers curl sets itself and removes curl defaults the inputs lack', () => {
    const command = curlCommand({
      url: 'http://h/p',
      method: 'POST',
      headers: [
        ['Host', 'elsewhere'],
        ['Content-Length', '99'],
        ['Connection', 'keep-alive'],
        ['Content-Type', 'text/plain'],
        ['X-Empty', ''],
      ],
      body: new Uint8Array(),
    });
    expect(command).not.toMatch(/Host|Content-Length|Connection: /);
    expect(command).toContain(`-H 'X-Empty;'`);
    expect(command).toContain(`-H 'User-Agent:'`);
    expect(command).not.toContain(`-H 'Content-Type:'`);
  });

  it('pipes bytes a terminal could mangle through printf with escapes', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x09, 0x0d, 0x0a, 0x00, 0x25, 0x5c, 0x27, 0xff]);
    const command = curlCommand({ url: 'http://h/p', method: 'POST', headers: [], body });
    expect(command.startsWith("printf -- '")).toBe(true);
    expect(command).toContain('--data-binary @-');
    expect(printfFormat(body)).toBe(`'\\357\\273\\277{\\011\\015\\n\\000%%\\\\'\\''\\377'`);
  });

  it.skipIf(!hasCurl)('sends plain JSON byte for byte, headers in order and case', async () => {
    const body = Buffer.from('{"event":"project.created","data":{"name":"Ünïcødé $HOME `x` \\"q\\" it\'s"}}\n', 'utf8');
    const { received } = await send(body, [
      ['Content-Type', 'application/json'],
      ['X-DcisionAI-Signature', 'abc'],
      ['X-Dup', '1'],
      ['X-Dup', '2'],
    ]);
    expect(received.body.equals(body)).toBe(true);
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/hook?x=[1]');
    expect(header(received, 'X-DcisionAI-Signature')).toBe('abc');
    expect(received.rawHeaders.filter((_, i) => i % 2 === 0)).toContain('X-DcisionAI-Signature');
    expect(received.rawHeaders.filter((value, i) => i % 2 === 1 && received.rawHeaders[i - 1] === 'X-Dup')).toEqual(['1', '2']);
    expect(header(received, 'User-Agent')).toBeUndefined();
  });

  it.skipIf(!hasCurl)('sends binary bodies exactly: BOM, CRLF, tab, NUL, %, backslash, quote, invalid UTF-8', async () => {
    const body = Buffer.from([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('{"a":\t"b"}\r\n'),
      0x00,
      0x25,
      0x73,
      0x5c,
      0x6e,
      0x27,
      0xff,
      0xfe,
      0x2d,
      0x31,
    ]);
    const { received } = await send(body);
    expect(received.body.equals(body)).toBe(true);
  });

  it.skipIf(!hasCurl)('sends a body starting with @ as data, not as a file name', async () => {
    const body = Buffer.from('@/etc/passwd', 'utf8');
    const { received } = await send(body);
    expect(received.body.toString('utf8')).toBe('@/etc/passwd');
  });

  it.skipIf(!hasCurl)('sends bodies larger than one exec argument may be, through a pipe', async () => {
    const body = Buffer.from(JSON.stringify({ data: 'x'.repeat(200_000) }), 'utf8');
    const { command, received } = await send(body);
    expect(command.startsWith("printf '%s' ")).toBe(true);
    expect(received.body.equals(body)).toBe(true);
  });

  it.skipIf(!hasCurl)('keeps a method other than POST', async () => {
    const { received } = await send(Buffer.from('{}'), [], 'PUT');
    expect(received.method).toBe('PUT');
  });
});
