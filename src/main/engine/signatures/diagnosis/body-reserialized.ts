import type { DiagnosisItem } from '../../../../shared/api';
import { firstMatchingBody, type SearchContext } from './context';
import { escapeNonAscii, jsonStyles } from './json-styles';

const FIX = 'Sign and verify the exact bytes sent (Express: express.raw() on this route, never JSON.stringify(req.body); Flask: request.get_data()), and make sure no relay re-serializes the body.';

function parseJson(body: Buffer): { value: unknown; text: string } | null {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    return null;
  }
}

function* variants(body: Buffer) {
  const parsed = parseJson(body);
  if (!parsed) return;
  // Styles often coincide (an ASCII body has nothing to escape): hash each distinct text once.
  const seen = new Set<string>([parsed.text]);
  for (const [name, text] of jsonStyles(parsed.value)) {
    if (seen.has(text)) continue;
    seen.add(text);
    yield {
      body: Buffer.from(text, 'utf8'),
      message: `The signature matches ${name} of this body, not the bytes that arrived: the sender signed a re-serialized copy of its payload, or something on the way re-serialized the body after signing. ${FIX}`,
    };
  }
  // The same text with only the escaping changed keeps every space, so it matches when the
  // sender's serializer escaped (or unescaped) non-ASCII characters and nothing else.
  const unescaped = parsed.text.replace(/\\u([0-9a-fA-F]{4})/g, (escape, code: string) => {
    const char = String.fromCharCode(parseInt(code, 16));
    return char.charCodeAt(0) >= 0x80 ? char : escape;
  });
  if (!seen.has(unescaped)) {
    yield { body: Buffer.from(unescaped, 'utf8'), message: `The signature matches this body with its \\uXXXX escapes written as plain UTF-8: the sender signed unescaped text but sent escaped JSON (or a relay escaped it). ${FIX}` };
  }
  const escaped = escapeNonAscii(parsed.text);
  if (!seen.has(escaped) && escaped !== unescaped) {
    yield { body: Buffer.from(escaped, 'utf8'), message: `The signature matches this body with its non-ASCII characters escaped as \\uXXXX: the sender signed ASCII-escaped JSON (Python's json.dumps default) but sent UTF-8. ${FIX}` };
  }
}

/** body_reserialized: the signature covers a re-serialization of the JSON body. */
export function explainBodyReserialized(ctx: SearchContext): DiagnosisItem[] {
  return firstMatchingBody(ctx, 'body_reserialized', variants(ctx.probe.fields.body));
}
