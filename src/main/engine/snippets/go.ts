import type { SnippetRecipe } from './recipes';

export const GO_HANDLER_MARKER = '// ---- net/http handler ----';

function parseSignatures(recipe: SnippetRecipe): string {
  const header = recipe.signatureHeader;
  const read = `\theader := strings.TrimSpace(r.Get("${header}"))`;
  switch (recipe.signature.kind) {
    case 'plain': {
      const prefix = recipe.signature.prefix;
      return prefix
        ? `${read}\n\tif !strings.HasPrefix(header, "${prefix}") {\n\t\treturn errors.New("missing or malformed ${header} header")\n\t}\n\tsignatures := []string{strings.TrimPrefix(header, "${prefix}")}`
        : `${read}\n\tif header == "" {\n\t\treturn errors.New("missing ${header} header")\n\t}\n\tsignatures := []string{header}`;
    }
    case 'versioned-list': {
      const tag = `${recipe.signature.version},`;
      return `${read}\n\tif header == "" {\n\t\treturn errors.New("missing ${header} header")\n\t}\n\t// Space-separated "${tag}<signature>" entries; any one may match (secret rotation).\n\tvar signatures []string\n\tfor _, entry := range strings.Split(header, " ") {\n\t\tif strings.HasPrefix(entry, "${tag}") {\n\t\t\tsignatures = append(signatures, strings.TrimPrefix(entry, "${tag}"))\n\t\t}\n\t}`;
    }
    case 'keyed': {
      const { separator, timestampKey, signatureKey } = recipe.signature;
      return [
        read,
        '\tif header == "" {',
        `\t\treturn errors.New("missing ${header} header")`,
        '\t}',
        '\ttimestamp := ""',
        `\tvar signatures []string // several ${signatureKey}= entries appear while a secret rolls`,
        `\tfor _, item := range strings.Split(header, "${separator}") {`,
        '\t\tkey, value, _ := strings.Cut(item, "=")',
        '\t\tswitch strings.TrimSpace(key) {',
        `\t\tcase "${timestampKey}":`,
        '\t\t\ttimestamp = strings.TrimSpace(value)',
        `\t\tcase "${signatureKey}":`,
        '\t\t\tsignatures = append(signatures, strings.TrimSpace(value))',
        '\t\t}',
        '\t}',
      ].join('\n');
    }
  }
}

function checkTimestamp(recipe: SnippetRecipe): string {
  if (!recipe.tolerance) return '';
  const lines: string[] = [];
  if (recipe.timestampHeader) lines.push(`\ttimestamp := r.Get("${recipe.timestampHeader}")`);
  lines.push(
    '\tsent, err := strconv.ParseInt(timestamp, 10, 64)',
    '\tif err != nil {',
    '\t\treturn errors.New("missing or malformed timestamp")',
    '\t}',
    '\tage := now.Unix() - sent',
    '\tif age > toleranceSeconds {',
    '\t\treturn errors.New("timestamp too old")',
    '\t}',
  );
  if (recipe.tolerance.direction === 'both')
    lines.push('\tif -age > toleranceSeconds {', '\t\treturn errors.New("timestamp too far in the future")', '\t}');
  return lines.join('\n');
}

export function goSnippet(recipe: SnippetRecipe): string {
  const hashPackage = recipe.algorithm === 'sha1' ? 'crypto/sha1' : 'crypto/sha256';
  const needsBase64 = recipe.encoding === 'base64' || recipe.key === 'whsec';
  const imports = [
    'crypto/hmac',
    hashPackage,
    needsBase64 ? 'encoding/base64' : null,
    recipe.encoding === 'hex' ? 'encoding/hex' : null,
    'errors',
    'io',
    'net/http',
    'os',
    recipe.tolerance ? 'strconv' : null,
    'strings',
    'time',
  ].filter((name): name is string => name !== null);
  const key =
    recipe.key === 'whsec'
      ? '\tkey, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))\n\tif err != nil {\n\t\treturn errors.New("the secret is not whsec_ + base64")\n\t}'
      : '\tkey := []byte(secret)';
  const keyAssign =
    recipe.key === 'whsec' && recipe.tolerance
      ? key.replace('key, err :=', 'key, err2 :=').replace('if err != nil', 'if err2 != nil')
      : key;
  const prefix = recipe.prefix
    .map((part) => (part === 'id' ? 'id' : part === 'timestamp' ? 'timestamp' : JSON.stringify(part.literal)))
    .join(' + ');
  const id = recipe.idHeader
    ? `\tid := r.Get("${recipe.idHeader}")\n\tif id == "" {\n\t\treturn errors.New("missing ${recipe.idHeader} header")\n\t}\n`
    : '';
  const timestampCheck = checkTimestamp(recipe);
  const encode = recipe.encoding === 'hex' ? 'hex.EncodeToString(mac.Sum(nil))' : 'base64.StdEncoding.EncodeToString(mac.Sum(nil))';
  const hashNew = recipe.algorithm === 'sha1' ? 'sha1.New' : 'sha256.New';
  return `// Package webhooks verifies ${recipe.label} webhooks over the RAW body bytes: never over a
// decoded struct formatted back into text.
package webhooks

import (
${imports.map((name) => `\t"${name}"`).join('\n')}
)
${recipe.tolerance ? `\nconst toleranceSeconds = ${recipe.tolerance.seconds}\n` : ''}
// VerifyWebhook returns nil when the request is authentic, else why not.
func VerifyWebhook(rawBody []byte, r http.Header, secret string, now time.Time) error {
${parseSignatures(recipe)}
${id}${timestampCheck ? `${timestampCheck}\n` : ''}${keyAssign}
\tmac := hmac.New(${hashNew}, key)
${prefix ? `\tmac.Write([]byte(${prefix}))\n` : ''}\tmac.Write(rawBody)
\texpected := []byte(${encode})
\tfor _, candidate := range signatures {
\t\t// hmac.Equal compares in constant time.
\t\tif hmac.Equal([]byte(candidate), expected) {
\t\t\treturn nil
\t\t}
\t}
${recipe.tolerance ? '' : '\t_ = now // this scheme signs no timestamp\n'}\treturn errors.New("signature mismatch")
}

${GO_HANDLER_MARKER}
func WebhookHandler(w http.ResponseWriter, req *http.Request) {
\t// Read the exact bytes first; decode JSON only after they verify.
\tbody, err := io.ReadAll(http.MaxBytesReader(w, req.Body, 1<<20))
\tif err != nil {
\t\thttp.Error(w, "cannot read body", http.StatusBadRequest)
\t\treturn
\t}
\tif err := VerifyWebhook(body, req.Header, os.Getenv("WEBHOOK_SECRET"), time.Now()); err != nil {
\t\thttp.Error(w, err.Error(), http.StatusUnauthorized)
\t\treturn
\t}
\tw.Header().Set("Content-Type", "application/json")
\tw.Write([]byte(\`{"received":true}\`))
}
`;
}
