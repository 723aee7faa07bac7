/**
 * `hookscope trigger`: one signed event sent with the engine's outbound sender: a DcisionAI
 * catalog event, or a provider's sample (`stripe:payment_intent.succeeded`) signed with its scheme.
 */
import { STATUS_CODES } from 'node:http';
import type { SendInput } from '../../shared/api';
import { EVENT_CATALOG, eventTemplate } from '../../shared/event-catalog';
import { findProviderSample, PROVIDER_SAMPLES, sampleHeaders, sampleName } from '../../shared/provider-samples';
import type { ProviderSample } from '../../shared/provider-samples/sample';
import { ApiError } from '../engine/control/errors';
import { checkHttpUrl, recipeFromSendInput } from '../engine/outbound/send-input';
import { sendRecipe } from '../engine/outbound/send-service';
import { KeyFormatError } from '../engine/signatures/key-formats';
import { APP_VERSION } from '../version';
import { parseArgs, parseTime, parseWhole, UsageError } from './args';
import { EXIT, type Output } from './output';
import { readInputFile } from './request-input';
import { SCHEME_FLAGS, schemeChoice, type SchemeChoice } from './scheme-flags';

export const FLAGS = {
  ...SCHEME_FLAGS,
  '--to': 'value',
  '--secret': 'value',
  '--data': 'value',
  '--timestamp': 'value',
  '--timeout-ms': 'value',
  '--json': 'switch',
} as const;

const catalogTypes = () => EVENT_CATALOG.map((entry) => entry.type).join(', ');
const sampleNames = (samples: readonly ProviderSample[]) => samples.map(sampleName).join(', ');

/** `provider:event` names a provider sample; anything else is a DcisionAI event type. */
function providerSample(name: string): ProviderSample | null {
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const provider = name.slice(0, colon);
  const found = findProviderSample(provider, name.slice(colon + 1));
  if (found) return found;
  const ofProvider = PROVIDER_SAMPLES.filter((sample) => sample.provider === provider);
  throw new UsageError(
    ofProvider.length > 0
      ? `"${name}" is not a ${ofProvider[0]?.label} sample; use one of ${sampleNames(ofProvider)}.`
      : `"${provider}" is not a provider with samples; use one of ${sampleNames(PROVIDER_SAMPLES)}.`,
  );
}

/** A sample is signed with its provider's scheme unless --scheme says otherwise. */
function sampleScheme(sample: ProviderSample, values: ReadonlyMap<string, string>, signing: boolean): SchemeChoice {
  // Unsigned, the scheme only names the sample in the output.
  if (!signing && !values.has('--scheme')) return { scheme: sample.scheme };
  return schemeChoice(values, sample.scheme);
}

/** How much of an answer's body the human output shows; --json carries all that was kept. */
const SHOWN_BODY_CHARS = 2000;

function targetUrl(value: string | undefined): string {
  if (value === undefined)
    throw new UsageError('trigger needs --to URL, the address to send the event to (e.g. --to http://localhost:3000/webhooks).');
  try {
    checkHttpUrl(value, '--to');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return value;
}

/** --data's text: the value itself, or the file after @. */
const dataText = (value: string): string => (value.startsWith('@') ? readInputFile('--data', value.slice(1)).toString('utf8') : value);

function dataFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  const [source, text] = [value.startsWith('@') ? `--data ${value}` : '--data', dataText(value)];
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${source} is not JSON (${(error as Error).message}); give the event's data object, e.g. --data '{"project_id":"proj_1"}' or --data @data.json.`,
    );
  }
}

/** What goes out: a catalog event ({event, data}) or a sample's body and headers, as POST /api/send takes them. */
function sendInput(event: string, sample: ProviderSample | null, values: ReadonlyMap<string, string>): SendInput {
  const url = targetUrl(values.get('--to'));
  const data = values.get('--data');
  // A sample's --data is its whole body, sent as given (a Twilio sample is a form, not JSON).
  if (sample)
    return { url, method: sample.method, headers: sampleHeaders(sample), body: data === undefined ? sample.body : dataText(data) };
  const parsed = dataFlag(data);
  if (parsed === undefined && eventTemplate(event) === undefined) {
    throw new UsageError(
      `"${event}" is not in the event catalog, so give its payload with --data; known types: ${catalogTypes()}; provider samples: ${sampleNames(PROVIDER_SAMPLES)}.`,
    );
  }
  return { url, event, ...(parsed !== undefined ? { data: parsed } : {}) };
}

export async function runTrigger(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs('trigger', argv, FLAGS, 1);
  const event = args.positionals[0];
  if (event === undefined) {
    throw new UsageError(
      `trigger needs an event type, e.g. hookscope trigger project.created --to URL; known types: ${catalogTypes()}; provider samples: ${sampleNames(PROVIDER_SAMPLES)}.`,
    );
  }
  const sample = providerSample(event);
  const input = sendInput(event, sample, args.values);
  const url = input.url;
  const secret = args.values.get('--secret');
  if (secret === '') throw new UsageError('--secret is empty; give the signing secret, or leave --secret out to send unsigned.');
  if (secret === undefined && (args.values.has('--scheme') || args.values.has('--timestamp'))) {
    throw new UsageError('--scheme and --timestamp sign the event, so they need --secret X too.');
  }
  const { scheme, custom } = sample ? sampleScheme(sample, args.values, secret !== undefined) : schemeChoice(args.values);
  const timestamp = args.values.has('--timestamp') ? parseTime('--timestamp', args.values.get('--timestamp') as string) : undefined;
  const timeoutMs = args.values.has('--timeout-ms')
    ? parseWhole('--timeout-ms', args.values.get('--timeout-ms') as string, 1, 600_000)
    : undefined;

  let prepared: ReturnType<typeof recipeFromSendInput>;
  try {
    prepared = recipeFromSendInput(
      {
        ...input,
        ...(secret !== undefined
          ? { sign: { scheme, secret, ...(custom ? { custom } : {}), ...(timestamp !== undefined ? { timestamp } : {}) } }
          : {}),
        ...(timeoutMs !== undefined ? { timeout_ms: timeoutMs } : {}),
      },
      APP_VERSION,
    );
  } catch (error) {
    if (error instanceof ApiError) throw new UsageError(error.message);
    throw error;
  }
  if (secret === undefined && !output.json) process.stderr.write('hookscope: sending unsigned (give --secret X to sign).\n');
  let outcome: Awaited<ReturnType<typeof sendRecipe>>;
  try {
    outcome = await sendRecipe(prepared.recipe, prepared.body);
  } catch (error) {
    // A key-pair scheme's key in the wrong form (a public key where signing needs the private one).
    if (error instanceof KeyFormatError) throw new UsageError(`--secret: ${error.message}`);
    throw error;
  }
  const { headers, timestamp: signedAt, result } = outcome;
  const response = result.response;
  const ok = response !== null && response.status >= 200 && response.status < 300;
  const answer = response
    ? `${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim()
    : `no answer (${result.error?.code ?? 'network'})`;
  const bodyText = response ? response.body.toString('utf8') : '';
  const lines = [
    `${prepared.recipe.method} ${url} ${event}${signedAt !== null ? ` (signed ${scheme}, t=${signedAt})` : ' (unsigned)'} → ${answer} in ${result.durationMs.toFixed(1)} ms`,
  ];
  if (bodyText !== '')
    lines.push(bodyText.length > SHOWN_BODY_CHARS ? `${bodyText.slice(0, SHOWN_BODY_CHARS)}… (${response?.body.length} bytes)` : bodyText);
  output.result(
    {
      type: 'delivery',
      ok,
      event,
      url,
      method: prepared.recipe.method,
      signature: signedAt !== null ? { scheme, timestamp: signedAt } : null,
      request_headers: headers,
      status: response?.status ?? null,
      duration_ms: result.durationMs,
      response: response ? { headers: response.headers, body: bodyText, truncated: response.truncated } : null,
      error: result.error,
    },
    lines,
  );
  if (!ok && !output.json)
    process.stderr.write(
      `hookscope: ${result.error ? `the request failed (${result.error.code}): ${result.error.message}` : `${url} answered ${answer}, not a 2xx status.`}\n`,
    );
  return ok ? EXIT.ok : EXIT.failed;
}
