/**
 * `hookscope listen`: the engine's own receiver, with one endpoint at `/` made from the flags,
 * forwarding each request (exact bytes, path and query) to --forward-to through the engine's
 * forward code, and one line per request. Captures go to the data directory's store, as the app's.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FORWARD_TIMEOUT_MS, DEFAULT_TOLERANCE_SECONDS, type Endpoint } from '../../shared/api';
import { ApiError } from '../engine/control/errors';
import { DataDirError } from '../engine/data-dir-check';
import { defaultDataDir } from '../engine/data-dir';
import { startEngine, type RunningEngine } from '../engine/engine';
import { LISTEN_ENDPOINT_ID } from '../engine/listen-session';
import { checkForwardTarget } from '../engine/services/forward-target';
import { getScheme } from '../engine/signatures/registry';
import type { NewCapture } from '../engine/store/capture';
import { DEFAULT_RESPONSE } from '../engine/store/endpoints-repo';
import { summaryOfCapture } from '../engine/store/capture-summary';
import { describeStartupError } from '../startup-errors';
import { APP_VERSION } from '../version';
import { parseArgs, parseWhole, UsageError } from './args';
import { eventsMatcher, generatedSecret, listenLine, type ForwardFate, type SecretKind } from './listen-format';
import { EXIT, type Output } from './output';
import { SCHEME_FLAGS, schemeChoice, type SchemeChoice } from './scheme-flags';

export const FLAGS = {
  ...SCHEME_FLAGS,
  '--port': 'value',
  '--host': 'value',
  '--forward-to': 'value',
  '--secret': 'value',
  '--events': 'value',
  '--data-dir': 'value',
  '--json': 'switch',
} as const;

/** Beside the app's receiver (4700) and UI (4701), so both can run at once. */
export const DEFAULT_LISTEN_PORT = 4710;

/** The engine's forward_to rules, in the command line's words. */
function forwardTarget(value: string, receiverUrl: string): void {
  try {
    checkForwardTarget(value, receiverUrl);
  } catch (error) {
    if (error instanceof ApiError) throw new UsageError(error.message.replace(/forward_to/g, '--forward-to'));
    throw error;
  }
}

function secretKind(choice: SchemeChoice): SecretKind {
  if (choice.custom) {
    const encoding = choice.custom.secret_encoding;
    return encoding === 'whsec' ? 'whsec_base64' : encoding === 'base64' || encoding === 'hex' ? encoding : 'text';
  }
  const format = getScheme(choice.scheme)?.descriptor.secret_format;
  return format === 'whsec_base64' || format === 'base64' ? format : 'text';
}

function listenEndpoint(choice: SchemeChoice, secret: string, forwardTo: string | null): Endpoint {
  const now = new Date().toISOString();
  return {
    id: LISTEN_ENDPOINT_ID,
    name: 'hookscope listen',
    path: '/',
    scheme: choice.scheme,
    secret,
    tolerance_seconds: DEFAULT_TOLERANCE_SECONDS,
    enforce: false,
    response: DEFAULT_RESPONSE,
    forward_to: forwardTo,
    forward_timeout_ms: DEFAULT_FORWARD_TIMEOUT_MS,
    custom: choice.custom ?? null,
    // Providers check a URL before sending to it (Slack, Zoom, Meta...): listen answers as the app does.
    answer_handshakes: true,
    verify_token: null,
    created_at: now,
    updated_at: now,
  };
}

export async function runListen(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs('listen', argv, FLAGS, 0);
  const port = args.values.has('--port') ? parseWhole('--port', args.values.get('--port') as string, 0, 65535) : DEFAULT_LISTEN_PORT;
  const host = args.values.get('--host') ?? '127.0.0.1';
  const forwardTo = args.values.get('--forward-to') ?? null;
  if (forwardTo !== null) forwardTarget(forwardTo, port === 0 ? '' : `http://${host}:${port}`);
  const eventsFlag = args.values.get('--events');
  if (eventsFlag !== undefined && forwardTo === null)
    throw new UsageError('--events chooses what is forwarded: give --forward-to URL too.');
  const forwards = eventsFlag === undefined ? undefined : eventsMatcher(eventsFlag);
  const choice = schemeChoice(args.values);
  const given = args.values.get('--secret');
  if (given === '') throw new UsageError('--secret is empty; give the signing secret, or leave --secret out to have one generated.');
  // A key-pair scheme (discord, sendgrid) verifies with a public key: generate a pair and print
  // the private half, which signs test requests (hookscope trigger, Compose, the Lab).
  const keyPair = given === undefined && !choice.custom ? (getScheme(choice.scheme)?.keyPair?.generate() ?? null) : null;
  const secret = given ?? keyPair?.public_key ?? generatedSecret(secretKind(choice));
  const dataDir = args.values.get('--data-dir') ?? defaultDataDir();

  const report = (id: number, capture: NewCapture) => {
    const summary = summaryOfCapture(id, capture);
    const fate: ForwardFate = capture.forward
      ? { kind: 'forwarded', outcome: capture.forward }
      : forwardTo === null
        ? { kind: 'none' }
        : forwards && !forwards(capture.event)
          ? { kind: 'skipped' }
          : {
              kind: 'kept',
              why: capture.aborted
                ? 'the sender cut the upload short'
                : capture.truncated
                  ? 'the body exceeded the limit'
                  : capture.method === 'CONNECT'
                    ? 'CONNECT'
                    : 'the receiver answered it',
            };
    output.result({ type: 'request', ...summary, forward: capture.forward ?? null, skipped: fate.kind === 'skipped' }, [
      listenLine(summary, fate),
    ]);
  };

  let engine: RunningEngine;
  try {
    engine = await startEngine({
      dataDir,
      receiverPort: port,
      receiverHost: host,
      uiPort: 0,
      rendererDir: join(dirname(fileURLToPath(import.meta.url)), '../renderer'),
      version: APP_VERSION,
      listen: { endpoint: listenEndpoint(choice, secret, forwardTo), forwards, captured: report },
    });
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      throw new UsageError(`port ${port} on ${host} is already in use; choose another with --port (0 picks a free one).`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      throw new UsageError(`--host ${host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own addresses.`);
    if (error instanceof DataDirError) throw new UsageError(error.message);
    output.error(describeStartupError(error), EXIT.failed);
    return EXIT.failed;
  }
  if (forwardTo !== null && port === 0) {
    // The port was free to choose: only now is it known whether --forward-to names it.
    try {
      forwardTarget(forwardTo, engine.receiverUrl);
    } catch (error) {
      await engine.close();
      throw error;
    }
  }
  // The handlers come before the `listening` line: a script may signal as soon as it reads it.
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`hookscope: ${signal} received, stopping the receiver and closing the database.\n`);
      engine.close().then(
        () => resolve(EXIT.ok),
        (error: unknown) => {
          output.error(`error while closing: ${(error as Error).message}`, EXIT.failed);
          resolve(EXIT.failed);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

  const sendTo = `${engine.receiverUrl}/`;
  const events =
    eventsFlag
      ?.split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '') ?? null;
  output.result(
    {
      type: 'listening',
      url: sendTo,
      scheme: choice.scheme,
      ...(choice.custom ? { custom: choice.custom } : {}),
      secret,
      secret_generated: given === undefined,
      ...(keyPair ? { private_key: keyPair.private_key } : {}),
      forward_to: forwardTo,
      events,
      ui_url: engine.launchUrl,
      data_dir: engine.dataDir,
    },
    [
      `Hookscope listen: point your webhooks at ${sendTo} (any path below it)`,
      `  Scheme:     ${choice.scheme}`,
      ...(keyPair
        ? [
            `  Public key: ${secret}   (generated; give --secret KEY to verify with your app's public key)`,
            `  Private key (signs test requests, not stored): ${keyPair.private_key}`,
          ]
        : [`  Secret:     ${secret}${given === undefined ? '   (generated; give --secret X to use your own)' : ''}`]),
      `  Forward to: ${forwardTo === null ? '(nothing: requests get the default 200 answer; give --forward-to URL)' : forwardTo}${events ? `   (only ${events.join(', ')}; others skipped)` : ''}`,
      `  Inspect:    ${engine.launchUrl}`,
      `  History:    ${engine.dataDir}`,
      'Ctrl-C stops.',
    ],
  );

  return stopped;
}
