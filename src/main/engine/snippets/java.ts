import type { SnippetRecipe } from './recipes';

export const JAVA_CONTROLLER_MARKER = '// ---- WebhookController.java (Spring) ----';

function parseSignatures(recipe: SnippetRecipe): string {
  const header = recipe.signatureHeader;
  const read = `        String header = headers.apply("${header}");`;
  switch (recipe.signature.kind) {
    case 'plain': {
      const prefix = recipe.signature.prefix;
      return prefix
        ? `${read}\n        if (header == null || !header.startsWith("${prefix}")) return "missing or malformed ${header} header";\n        List<String> signatures = List.of(header.substring(${prefix.length}));`
        : `${read}\n        if (header == null || header.isEmpty()) return "missing ${header} header";\n        List<String> signatures = List.of(header);`;
    }
    case 'versioned-list': {
      const tag = `${recipe.signature.version},`;
      return `${read}\n        if (header == null) return "missing ${header} header";\n        // Space-separated "${tag}<signature>" entries; any one may match (secret rotation).\n        List<String> signatures = new ArrayList<>();\n        for (String entry : header.split(" ")) {\n            if (entry.startsWith("${tag}")) signatures.add(entry.substring(${tag.length}));\n        }`;
    }
    case 'keyed': {
      const { separator, timestampKey, signatureKey } = recipe.signature;
      return [
        read,
        `        if (header == null) return "missing ${header} header";`,
        '        String timestamp = null;',
        `        List<String> signatures = new ArrayList<>(); // several ${signatureKey}= entries appear while a secret rolls`,
        `        for (String item : header.split("${separator}")) {`,
        "            int eq = item.indexOf('=');",
        '            if (eq < 0) continue;',
        '            String key = item.substring(0, eq).trim();',
        '            String value = item.substring(eq + 1).trim();',
        `            if (key.equals("${timestampKey}")) timestamp = value;`,
        `            else if (key.equals("${signatureKey}")) signatures.add(value);`,
        '        }',
      ].join('\n');
    }
  }
}

function checkTimestamp(recipe: SnippetRecipe): string {
  if (!recipe.tolerance) return '';
  const lines: string[] = [];
  if (recipe.timestampHeader) lines.push(`        String timestamp = headers.apply("${recipe.timestampHeader}");`);
  lines.push(
    '        if (timestamp == null || !timestamp.matches("\\\\d{1,15}")) return "missing or malformed timestamp";',
    '        long age = nowSeconds - Long.parseLong(timestamp);',
    '        if (age > TOLERANCE_SECONDS) return "timestamp too old";',
  );
  if (recipe.tolerance.direction === 'both') lines.push('        if (-age > TOLERANCE_SECONDS) return "timestamp too far in the future";');
  return lines.join('\n');
}

export function javaSnippet(recipe: SnippetRecipe): string {
  const macName = recipe.algorithm === 'sha1' ? 'HmacSHA1' : 'HmacSHA256';
  const key =
    recipe.key === 'whsec'
      ? 'Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret)'
      : 'secret.getBytes(StandardCharsets.UTF_8)';
  const prefix = recipe.prefix
    .map((part) => (part === 'id' ? 'id' : part === 'timestamp' ? 'timestamp' : JSON.stringify(part.literal)))
    .join(' + ');
  const encode =
    recipe.encoding === 'hex' ? 'HexFormat.of().formatHex(mac.doFinal())' : 'Base64.getEncoder().encodeToString(mac.doFinal())';
  const id = recipe.idHeader
    ? `        String id = headers.apply("${recipe.idHeader}");\n        if (id == null) return "missing ${recipe.idHeader} header";\n`
    : '';
  const timestampCheck = checkTimestamp(recipe);
  return `// ---- WebhookVerifier.java ----
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies ${recipe.label} webhooks over the RAW body bytes, never over payload.toString(). */
public final class WebhookVerifier {
${recipe.tolerance ? `    static final long TOLERANCE_SECONDS = ${recipe.tolerance.seconds};\n\n` : ''}    private WebhookVerifier() {}

    /** Returns null when the request is authentic, else why not. headers looks a header up case-insensitively. */
    public static String verify(byte[] rawBody, Function<String, String> headers, String secret, long nowSeconds) throws Exception {
${parseSignatures(recipe)}
${id}${timestampCheck ? `${timestampCheck}\n` : ''}        Mac mac = Mac.getInstance("${macName}");
        mac.init(new SecretKeySpec(${key}, "${macName}"));
${prefix ? `        mac.update((${prefix}).getBytes(StandardCharsets.UTF_8));\n` : ''}        mac.update(rawBody);
        byte[] expected = ${encode}.getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatures) {
            // MessageDigest.isEqual compares in constant time.
            if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), expected)) return null;
        }
        return "signature mismatch";
    }
}

${JAVA_CONTROLLER_MARKER}
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class WebhookController {
    // byte[] keeps the exact bytes that were signed; binding to a payload class would not.
    @PostMapping(path = "/webhooks", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Map<String, Object>> handle(@RequestBody byte[] rawBody, @RequestHeader HttpHeaders headers) throws Exception {
        String error = WebhookVerifier.verify(rawBody, headers::getFirst, System.getenv("WEBHOOK_SECRET"), Instant.now().getEpochSecond());
        if (error != null) return ResponseEntity.status(401).body(Map.of("error", error));
        // Parse the JSON only now, from the verified bytes (e.g. objectMapper.readTree(rawBody)).
        return ResponseEntity.ok(Map.of("received", true));
    }
}
`;
}
