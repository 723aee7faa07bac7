import type { DiagnosisItem } from '../../../../shared/api';
import { firstMatchingBody, type SearchContext } from './context';
import { formStyles } from './form-styles';
import { escapeNonAscii, jsonStyles } from './json-styles';

const AFTER =
  'not the bytes that arrived: the sender signed a re-serialized copy of its payload, or something on the way re-serialized the body after signing.';
const FIX =
  'Sign and verify the exact bytes sent (Express: express.raw() on this route, never JSON.stringify(req.body); Flask: request.get_data()), and make sure no relay re-serializes the body.';
const FORM_FIX =
  "Sign and verify the exact bytes sent: read the raw body before any form parser (Express: express.raw({ type: 'application/x-www-form-urlencoded' }); Flask: request.get_data()), never a form rebuilt from its fields.";

function jsonText(body: Buffer): string | null {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return null;
  }
}

function* jsonVariants(text: string) {
  // Writers often coincide (an ASCII body has nothing to escape): hash each distinct text once.
  const seen = new Set<string>([text]);
  for (const [how, written] of jsonStyles(text)) {
    if (seen.has(written)) continue;
    seen.add(written);
    yield { body: Buffer.from(written, 'utf8'), message: `The signature matches this body re-serialized by ${how}, ${AFTER} ${FIX}` };
  }
  // The same text with only the escaping changed keeps every space, so it matches when the
  // sender's serializer escaped (or unescaped) non-ASCII characters and nothing else.
  const unescaped = text.replace(/\\u([0-9a-fA-F]{4})/g, (escape, code: string) => {
    const char = String.fromCharCode(parseInt(code, 16));
    return char.charCodeAt(0) >= 0x80 ? char : escape;
  });
  if (!seen.has(unescaped)) {
    yield {
      body: Buffer.from(unescaped, 'utf8'),
      message: `The signature matches this body with its \\uXXXX escapes written as plain UTF-8: the sender signed unescaped text but sent escaped JSON (or a relay escaped it). ${FIX}`,
    };
  }
  const escaped = escapeNonAscii(text);
  if (!seen.has(escaped) && escaped !== unescaped) {
    yield {
      body: Buffer.from(escaped, 'utf8'),
      message: `The signature matches this body with its non-ASCII characters escaped as \\uXXXX: the sender signed ASCII-escaped JSON (Python's json.dumps default) but sent UTF-8. ${FIX}`,
    };
  }
}

function* formVariants(body: Buffer) {
  const text = body.toString('latin1');
  const seen = new Set<string>([text]);
  for (const [how, written] of formStyles(text)) {
    if (seen.has(written)) continue;
    seen.add(written);
    yield {
      body: Buffer.from(written, 'utf8'),
      message: `The signature matches ${how}, ${AFTER.replace('its payload', 'its form')} ${FORM_FIX}`,
    };
  }
}

function* variants(body: Buffer) {
  const json = jsonText(body);
  if (json !== null) yield* jsonVariants(json);
  else yield* formVariants(body);
}

/** body_reserialized: the signature covers a re-serialization of the JSON or form body, named by who writes it so. */
export function explainBodyReserialized(ctx: SearchContext): DiagnosisItem[] {
  return firstMatchingBody(ctx, 'body_reserialized', variants(ctx.probe.fields.body));
}
