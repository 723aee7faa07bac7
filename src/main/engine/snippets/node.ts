import type { SnippetRecipe } from './recipes';

/** Marks where the framework wiring starts; everything above runs with node:crypto alone. */
export const NODE_ROUTE_MARKER = '// ---- Express route ----';

const lower = (name: string) => name.toLowerCase();

function parseSignatures(recipe: SnippetRecipe): string {
  const header = recipe.signatureHeader;
  const read = `  const header = headers['${lower(header)}'];`;
  switch (recipe.signature.kind) {
    case 'plain': {
      const prefix = recipe.signature.prefix;
      return prefix
        ? `${read}\n  if (typeof header !== 'string' || !header.startsWith('${prefix}')) return { ok: false, error: 'missing or malformed ${header} header' };\n  const signatures = [header.slice(${prefix.length})];`
        : `${read}\n  if (typeof header !== 'string' || header === '') return { ok: false, error: 'missing ${header} header' };\n  const signatures = [header];`;
    }
    case 'versioned-list': {
      const tag = `${recipe.signature.version},`;
      return `${read}\n  if (typeof header !== 'string') return { ok: false, error: 'missing ${header} header' };\n  // Space-separated "${tag}<signature>" entries; any one may match (secret rotation).\n  const signatures = header.split(' ').filter((entry) => entry.startsWith('${tag}')).map((entry) => entry.slice(${tag.length}));`;
    }
    case 'keyed': {
      const { separator, timestampKey, signatureKey } = recipe.signature;
      return [
        read,
        `  if (typeof header !== 'string') return { ok: false, error: 'missing ${header} header' };`,
        '  let timestamp = null;',
        `  const signatures = []; // several ${signatureKey}= entries appear while a secret rolls`,
        `  for (const item of header.split('${separator}')) {`,
        "    const eq = item.indexOf('=');",
        '    const key = item.slice(0, eq).trim();',
        '    const value = item.slice(eq + 1).trim();',
        `    if (key === '${timestampKey}') timestamp = value;`,
        `    else if (key === '${signatureKey}') signatures.push(value);`,
        '  }',
      ].join('\n');
    }
  }
}

function checkTimestamp(recipe: SnippetRecipe): string {
  if (!recipe.tolerance) return '';
  const lines: string[] = [];
  if (recipe.timestampHeader) lines.push(`  const timestamp = headers['${lower(recipe.timestampHeader)}'];`);
  lines.push(
    "  if (typeof timestamp !== 'string' || !/^\\d{1,15}$/.test(timestamp)) return { ok: false, error: 'missing or malformed timestamp' };",
    '  const age = nowSeconds - Number(timestamp);',
    "  if (age > TOLERANCE_SECONDS) return { ok: false, error: 'timestamp too old' };",
  );
  if (recipe.tolerance.direction === 'both')
    lines.push("  if (-age > TOLERANCE_SECONDS) return { ok: false, error: 'timestamp too far in the future' };");
  return lines.join('\n');
}

const prefixTemplate = (recipe: SnippetRecipe) =>
  recipe.prefix.map((part) => (part === 'id' ? '${id}' : part === 'timestamp' ? '${timestamp}' : part.literal)).join('');

export function nodeSnippet(recipe: SnippetRecipe): string {
  const key = recipe.key === 'whsec' ? "Buffer.from(secret.replace(/^whsec_/, ''), 'base64')" : 'secret';
  const content = recipe.prefix.length > 0 ? `Buffer.concat([Buffer.from(\`${prefixTemplate(recipe)}\`, 'utf8'), rawBody])` : 'rawBody';
  const tolerance = recipe.tolerance ? `const TOLERANCE_SECONDS = ${recipe.tolerance.seconds};\n\n` : '';
  const id = recipe.idHeader
    ? `  const id = headers['${lower(recipe.idHeader)}'];\n  if (typeof id !== 'string') return { ok: false, error: 'missing ${recipe.idHeader} header' };\n`
    : '';
  const timestampCheck = checkTimestamp(recipe);
  return `// Verifies ${recipe.label} webhooks over the RAW body bytes: never JSON.stringify(req.body),
// which re-serializes the JSON and breaks the signature.
const crypto = require('node:crypto');

${tolerance}/**
 * rawBody: a Buffer of the exact bytes received; headers: Node's lowercase header object.
 * Returns { ok: true } or { ok: false, error }.
 */
function verifyWebhook(rawBody, headers, secret, nowSeconds = Math.floor(Date.now() / 1000)) {
${parseSignatures(recipe)}
${id}${timestampCheck ? `${timestampCheck}\n` : ''}  const key = ${key};
  const signedContent = ${content};
  const expected = Buffer.from(crypto.createHmac('${recipe.algorithm}', key).update(signedContent).digest('${recipe.encoding}'));
  // Constant-time comparison; a length difference leaks nothing but the length.
  const match = signatures.some((candidate) => {
    const received = Buffer.from(candidate);
    return received.length === expected.length && crypto.timingSafeEqual(received, expected);
  });
  return match ? { ok: true } : { ok: false, error: 'signature mismatch' };
}

${NODE_ROUTE_MARKER}
const express = require('express');

const app = express();
// express.raw() hands over the exact bytes that were signed; express.json() would not.
app.post('/webhooks', express.raw({ type: '*/*' }), (req, res) => {
  const result = verifyWebhook(req.body, req.headers, process.env.WEBHOOK_SECRET);
  if (!result.ok) return res.status(401).json({ error: result.error });
  const event = JSON.parse(req.body.toString('utf8')); // parse only after verifying
  console.log('verified event', event);
  res.json({ received: true });
});

app.listen(3000);
`;
}
