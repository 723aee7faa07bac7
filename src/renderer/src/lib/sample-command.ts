import { shellQuote } from '../../../shared/curl';

export const SAMPLE_PATH = '/webhooks/dcisionai';

/** A sample `project.created` event as the DcisionAI guide shows it (compact, as senders send). */
export const SAMPLE_BODY = JSON.stringify({
  event: 'project.created',
  data: {
    id: 'proj_1234567890',
    name: 'My Project',
    description: 'Project description',
    created_at: '2023-01-01T00:00:00Z',
    updated_at: '2023-01-01T00:00:00Z',
  },
});

/**
 * A shell snippet that signs and sends the sample event. The HMAC is computed in the shell over
 * `${timestamp}.${body}` with printf (no trailing newline, unlike echo), and the body is sent with
 * --data-binary because curl's -d strips newlines and would break the signature.
 * `awk '{print $NF}'` takes the digest from both OpenSSL 1.1 ("(stdin)= …") and 3.x
 * ("SHA2-256(stdin)= …") output.
 */
export function buildSampleCommand(receiverUrl: string, secret: string): string {
  const url = `${receiverUrl.replace(/\/+$/, '')}${SAMPLE_PATH}`;
  return [
    `SECRET=${shellQuote(secret)}`,
    `BODY=${shellQuote(SAMPLE_BODY)}`,
    `TS=$(date +%s)`,
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')`,
    `curl -sS -X POST ${shellQuote(url)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "X-DcisionAI-Timestamp: $TS" \\`,
    `  -H "X-DcisionAI-Signature: $SIG" \\`,
    `  --data-binary "$BODY"`,
  ].join('\n');
}
