import type { SnippetRecipe } from './recipes';

/** Marks where the Flask wiring starts; everything above runs with the standard library alone. */
export const PYTHON_ROUTE_MARKER = '# ---- Flask route ----';

function parseSignatures(recipe: SnippetRecipe): string {
  const header = recipe.signatureHeader;
  const read = `    header = _header(headers, "${header}")`;
  switch (recipe.signature.kind) {
    case 'plain': {
      const prefix = recipe.signature.prefix;
      return prefix
        ? `${read}\n    if not header or not header.startswith("${prefix}"):\n        return False, "missing or malformed ${header} header"\n    signatures = [header[${prefix.length}:]]`
        : `${read}\n    if not header:\n        return False, "missing ${header} header"\n    signatures = [header]`;
    }
    case 'versioned-list': {
      const tag = `${recipe.signature.version},`;
      return `${read}\n    if not header:\n        return False, "missing ${header} header"\n    # Space-separated "${tag}<signature>" entries; any one may match (secret rotation).\n    signatures = [entry[${tag.length}:] for entry in header.split(" ") if entry.startswith("${tag}")]`;
    }
    case 'keyed': {
      const { separator, timestampKey, signatureKey } = recipe.signature;
      return [
        read,
        '    if not header:',
        `        return False, "missing ${header} header"`,
        '    timestamp = None',
        `    signatures = []  # several ${signatureKey}= entries appear while a secret rolls`,
        `    for item in header.split("${separator}"):`,
        '        key, _, value = item.partition("=")',
        `        if key.strip() == "${timestampKey}":`,
        '            timestamp = value.strip()',
        `        elif key.strip() == "${signatureKey}":`,
        '            signatures.append(value.strip())',
      ].join('\n');
    }
  }
}

function checkTimestamp(recipe: SnippetRecipe): string {
  if (!recipe.tolerance) return '';
  const lines: string[] = [];
  if (recipe.timestampHeader) lines.push(`    timestamp = _header(headers, "${recipe.timestampHeader}")`);
  lines.push(
    '    if not timestamp or not (timestamp.isascii() and timestamp.isdigit()):',
    '        return False, "missing or malformed timestamp"',
    '    age = now - int(timestamp)',
    '    if age > TOLERANCE_SECONDS:',
    '        return False, "timestamp too old"',
  );
  if (recipe.tolerance.direction === 'both')
    lines.push('    if -age > TOLERANCE_SECONDS:', '        return False, "timestamp too far in the future"');
  return lines.join('\n');
}

const prefixExpression = (recipe: SnippetRecipe) =>
  `f"${recipe.prefix.map((part) => (part === 'id' ? '{message_id}' : part === 'timestamp' ? '{timestamp}' : part.literal)).join('')}".encode("utf-8")`;

export function pythonSnippet(recipe: SnippetRecipe): string {
  const key = recipe.key === 'whsec' ? 'base64.b64decode(secret.removeprefix("whsec_"))' : 'secret.encode("utf-8")';
  const content = recipe.prefix.length > 0 ? `${prefixExpression(recipe)} + raw_body` : 'raw_body';
  const expected = recipe.encoding === 'hex' ? 'digest.hex()' : 'base64.b64encode(digest).decode("ascii")';
  const id = recipe.idHeader
    ? `    message_id = _header(headers, "${recipe.idHeader}")\n    if not message_id:\n        return False, "missing ${recipe.idHeader} header"\n`
    : '';
  const timestampCheck = checkTimestamp(recipe);
  return `# Verifies ${recipe.label} webhooks over the RAW body bytes (request.get_data()), never over
# request.json re-serialized or over a decoded string.
import base64
import hashlib
import hmac
import time
${recipe.tolerance ? `\nTOLERANCE_SECONDS = ${recipe.tolerance.seconds}\n` : ''}

def _header(headers, name):
    """Case-insensitive lookup that works for Flask's request.headers and for a plain dict."""
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def verify_webhook(raw_body: bytes, headers, secret: str, now=None):
    """Returns (True, None) when the request is authentic, else (False, reason)."""
    now = int(time.time()) if now is None else now
${parseSignatures(recipe)}
${id}${timestampCheck ? `${timestampCheck}\n` : ''}    key = ${key}
    signed_content = ${content}
    digest = hmac.new(key, signed_content, hashlib.${recipe.algorithm}).digest()
    expected = ${expected}
    # compare_digest runs in constant time.
    if any(hmac.compare_digest(candidate.encode("utf-8"), expected.encode("utf-8")) for candidate in signatures):
        return True, None
    return False, "signature mismatch"


${PYTHON_ROUTE_MARKER}
import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/webhooks")
def webhook():
    ok, error = verify_webhook(request.get_data(), request.headers, os.environ["WEBHOOK_SECRET"])
    if not ok:
        return jsonify({"error": error}), 401
    event = request.get_json(force=True)  # parse only after verifying the raw bytes
    print("verified event", event)
    return jsonify({"received": True})
`;
}
