/** `hookscope verify`: one request's signature checked offline with the engine's verifyMessage. */
import { DEFAULT_TOLERANCE_SECONDS, type Verification } from '../../shared/api';
import { describeTimestampAge, missingExpectedText, reasonText } from '../../shared/verification-text';
import { verifyMessage } from '../engine/signatures/verify';
import { parseArgs, parseTime, parseWhole, UsageError } from './args';
import { EXIT, type Output } from './output';
import { requestInput } from './request-input';
import { SCHEME_FLAGS, schemeChoice } from './scheme-flags';

export const FLAGS = {
  ...SCHEME_FLAGS,
  '--secret': 'value',
  '--header': 'repeat',
  '--body-file': 'value',
  '--raw-file': 'value',
  '--har': 'value',
  '--entry': 'value',
  '--url': 'value',
  '--method': 'value',
  '--now': 'value',
  '--tolerance': 'value',
  '--json': 'switch',
} as const;

function lines(result: Verification): string[] {
  const keyAlgorithm = result.key_algorithm ?? null;
  const out = [`${result.verdict} (${result.scheme}): ${result.reason} — ${reasonText(result.reason, keyAlgorithm)}`];
  if (result.signature.received !== null) out.push(`  received signature: ${result.signature.received}`);
  if (result.signature.expected !== null) out.push(`  expected signature: ${result.signature.expected}`);
  // A public key cannot make a signature: say why there is none to compare, once one was received.
  else if (keyAlgorithm && result.signature.received !== null) out.push(`  expected signature: ${missingExpectedText(keyAlgorithm)}`);
  if (result.timestamp.value !== null && result.timestamp.age_seconds !== null) {
    out.push(
      `  timestamp:          ${result.timestamp.value} (${describeTimestampAge(result.timestamp.age_seconds, result.tolerance_seconds)})`,
    );
  }
  for (const item of result.diagnosis) out.push(`  diagnosis: ${item.message} [${item.code}]`);
  return out;
}

export async function runVerify(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs('verify', argv, FLAGS, 0);
  const { scheme, custom } = schemeChoice(args.values);
  const secret = args.values.get('--secret');
  if (secret === undefined || secret === '')
    throw new UsageError('verify needs --secret X, the signing secret to check the request against.');
  const tolerance = args.values.has('--tolerance')
    ? parseWhole('--tolerance', args.values.get('--tolerance') as string, 0, 10 * 365 * 86400)
    : DEFAULT_TOLERANCE_SECONDS;
  const { message, recordedAt } = await requestInput(args);
  const nowFlag = args.values.get('--now');
  const nowSeconds = nowFlag !== undefined ? parseTime('--now', nowFlag) : (recordedAt ?? undefined);
  const result = verifyMessage(message, {
    scheme,
    ...(custom ? { custom } : {}),
    secret,
    toleranceSeconds: tolerance,
    ...(nowSeconds !== undefined ? { nowSeconds } : {}),
  });
  // The signed content can be as large as the body: --json carries its size, not a copy.
  const { signed_content_base64: content, ...rest } = result;
  const signedBytes = result.signed_content_size ?? (content ? Buffer.from(content, 'base64').length : null);
  output.result({ type: 'verification', ...rest, signed_content_size: signedBytes }, lines(result));
  return result.verdict === 'valid' ? EXIT.ok : EXIT.failed;
}
