/**
 * `hookscope replay <capture-id>`: a running instance replays one of its captures through its
 * control API (POST /api/requests/:id/replay, stored in its Sent history); `replay --har` sends
 * a HAR file's requests offline (replay-har.ts).
 */
import { STATUS_CODES } from 'node:http';
import type { ReplayInput, SentRequest } from '../../shared/api';
import { checkHttpUrl } from '../engine/outbound/send-input';
import { CUSTOM_SCHEME_ID } from '../engine/signatures/schemes/custom';
import { parseArgs, parseWhole, UsageError } from './args';
import { apiErrorMessage, callApi, INSTANCE_FLAGS, InstanceFailure, instanceTarget } from './instance-target';
import { EXIT, type Output } from './output';
import { replayHar } from './replay-har';
import { SCHEME_FLAGS, schemeChoice, schemeFlag, type SchemeChoice } from './scheme-flags';

export const FLAGS = {
  ...INSTANCE_FLAGS,
  ...SCHEME_FLAGS,
  '--to': 'value',
  '--mode': 'value',
  '--secret': 'value',
  '--har': 'value',
  '--expect': 'value',
  '--timeout-ms': 'value',
  '--json': 'switch',
} as const;

const SHOWN_BODY_CHARS = 2000;

function toFlag(value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required)
      throw new UsageError(
        'replay --har needs --to URL, the handler to replay the requests to (e.g. --to http://localhost:3000/webhooks).',
      );
    return undefined;
  }
  try {
    checkHttpUrl(value, '--to');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return value;
}

/** The flags that belong to only one of the two forms, named when given to the other. */
function onlyFor(values: ReadonlyMap<string, string>, flags: string[], form: string): void {
  const given = flags.filter((flag) => values.has(flag));
  if (given.length > 0)
    throw new UsageError(
      `${given.join(', ')} ${given.length > 1 ? 'belong' : 'belongs'} to ${form}; leave ${given.length > 1 ? 'them' : 'it'} out here.`,
    );
}

export async function runReplay(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs('replay', argv, FLAGS, 1);
  const timeoutMs = args.values.has('--timeout-ms')
    ? parseWhole('--timeout-ms', args.values.get('--timeout-ms') as string, 1, 600_000)
    : undefined;
  const har = args.values.get('--har');
  if (har !== undefined) {
    if (args.positionals.length > 0)
      throw new UsageError(`replay takes a capture id or --har FILE, not both; got "${args.positionals[0]}" and --har.`);
    onlyFor(args.values, ['--data-dir', '--url', '--token'], 'replaying a capture of a running instance (hookscope replay <capture-id>)');
    const to = toFlag(args.values.get('--to'), true) as string;
    const resign = harResign(args.values);
    return replayHar({ har, to, expect: args.values.get('--expect') ?? '2xx', timeoutMs, ...(resign ? { resign } : {}) }, output);
  }
  onlyFor(args.values, ['--expect'], 'replay --har');
  const idText = args.positionals[0];
  if (idText === undefined)
    throw new UsageError('replay needs a capture id (e.g. hookscope replay 42 --to URL; tail and the app show ids) or --har FILE.');
  const id = parseWhole('capture id', idText, 1, Number.MAX_SAFE_INTEGER);
  const input = replayInput(args.values, timeoutMs);
  try {
    return await replayCapture(id, input, args.values, output);
  } catch (error) {
    if (!(error instanceof InstanceFailure)) throw error;
    output.error(error.message, EXIT.failed);
    return EXIT.failed;
  }
}

/** --har --mode resign: the scheme (custom flags included) and secret every entry is signed with. */
function harResign(values: ReadonlyMap<string, string>): { choice: SchemeChoice; secret: string } | undefined {
  const mode = values.get('--mode') ?? 'as-is';
  if (mode !== 'as-is' && mode !== 'resign')
    throw new UsageError(`--mode must be as-is (the recorded bytes and signatures) or resign (fresh signatures); got "${mode}".`);
  const choice = schemeChoice(values);
  const secret = values.get('--secret');
  if (mode === 'as-is') {
    if (values.has('--scheme') || secret !== undefined)
      throw new UsageError(
        '--scheme and --secret sign the requests anew: add --mode resign, or leave them out to send the recorded signatures.',
      );
    return undefined;
  }
  if (secret === undefined || secret === '')
    throw new UsageError(
      '--mode resign with --har needs --secret X (and --scheme S unless it is dcisionai): there is no endpoint to take them from.',
    );
  return { choice, secret };
}

function replayInput(values: ReadonlyMap<string, string>, timeoutMs: number | undefined): ReplayInput {
  const mode = values.get('--mode') ?? 'as-is';
  if (mode !== 'as-is' && mode !== 'resign')
    throw new UsageError(`--mode must be as-is (the original bytes and signature) or resign (a fresh signature); got "${mode}".`);
  const scheme = values.get('--scheme');
  const secret = values.get('--secret');
  const customGiven = Object.keys(SCHEME_FLAGS).filter((flag) => flag !== '--scheme' && values.has(flag));
  if (customGiven.length > 0)
    throw new UsageError(
      `${customGiven.join(', ')} ${customGiven.length > 1 ? 'describe' : 'describes'} a custom scheme, which a capture's replay takes from its endpoint; leave ${customGiven.length > 1 ? 'them' : 'it'} out (they work with --har).`,
    );
  if (mode === 'as-is' && (scheme !== undefined || secret !== undefined)) {
    throw new UsageError(
      '--scheme and --secret sign the replay anew: add --mode resign, or leave them out to keep the original signature.',
    );
  }
  if (scheme === CUSTOM_SCHEME_ID)
    throw new UsageError(
      "--scheme custom cannot be given here: a resign uses the custom configuration of the capture's endpoint when you leave --scheme out.",
    );
  if (secret === '')
    throw new UsageError("--secret is empty; give the secret to sign with, or leave it out to use the capture's endpoint's.");
  const to = toFlag(values.get('--to'), false);
  return {
    mode,
    ...(to !== undefined ? { url: to } : {}),
    ...(scheme !== undefined ? { scheme: schemeFlag(scheme) } : {}),
    ...(secret !== undefined ? { secret } : {}),
    ...(timeoutMs !== undefined ? { timeout_ms: timeoutMs } : {}),
  };
}

async function replayCapture(id: number, input: ReplayInput, values: ReadonlyMap<string, string>, output: Output): Promise<number> {
  const target = instanceTarget(values);
  const response = await callApi(target, `/api/requests/${id}/replay`, { method: 'POST', body: input });
  if (!response.ok) {
    const message = await apiErrorMessage(response);
    // The engine's 400s are about what was asked (a secret missing for resign...): usage.
    if (response.status === 400)
      throw new UsageError(
        message.replace(/body\.(url|secret|scheme|mode)/g, (_match, field: string) => `--${field === 'url' ? 'to' : field}`),
      );
    if (response.status === 401) throw new InstanceFailure(`the engine at ${target.url} refused the token: ${message}`);
    throw new InstanceFailure(
      response.status === 404
        ? `the engine at ${target.url} has no capture ${id}: ${message}`
        : `the engine at ${target.url} answered ${response.status}: ${message}`,
    );
  }
  const sent = ((await response.json()) as { data: SentRequest }).data;
  const status = sent.response?.status ?? null;
  const ok = status !== null && status >= 200 && status < 300;
  const answer =
    status !== null
      ? `${status} ${STATUS_CODES[status] ?? ''}`.trim()
      : `no answer (${sent.error?.code ?? 'network'}: ${sent.error?.message ?? ''})`;
  const body = sent.response ? Buffer.from(sent.response.body_base64, 'base64').toString('utf8') : '';
  const lines = [
    `replayed capture ${id} (${input.mode}${sent.signature ? `, signed ${sent.signature.scheme} t=${sent.signature.timestamp}` : ''}) as sent #${sent.id}: ${sent.request.method} ${sent.request.url} → ${answer} in ${sent.duration_ms.toFixed(1)} ms`,
  ];
  if (body !== '')
    lines.push(body.length > SHOWN_BODY_CHARS ? `${body.slice(0, SHOWN_BODY_CHARS)}… (${Buffer.byteLength(body)} bytes)` : body);
  output.result({ type: 'replay', ok, capture_id: id, mode: input.mode, sent }, lines);
  if (!ok && !output.json)
    process.stderr.write(
      `hookscope: ${sent.error ? `the replay failed (${sent.error.code}): ${sent.error.message}` : `${sent.request.url} answered ${answer}, not a 2xx status.`}\n`,
    );
  return ok ? EXIT.ok : EXIT.failed;
}
