import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerify } from '../../../src/main/cli/verify';
import type { Output } from '../../../src/main/cli/output';
import { ed25519HexKeys } from '../../../src/main/engine/signatures/key-formats';
import { getScheme } from '../../../src/main/engine/signatures/registry';

/** `hookscope verify` of a Discord request: its lines speak of a public key, not a secret. */
function capture(): { output: Output; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    output: { json: false, result: (_record, text) => lines.push(...text), error: (message) => lines.push(`error: ${message}`) },
  };
}

describe('hookscope verify with a key pair', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-verify-'));
  const bodyFile = join(dir, 'body.json');
  const body = '{"type":2,"data":{"name":"ping"}}';
  writeFileSync(bodyFile, body);
  const signer = ed25519HexKeys.generate();
  const other = ed25519HexKeys.generate();
  const signed = getScheme('discord')!.sign({ secret: signer.private_key, body: Buffer.from(body), timestampSeconds: 1_700_000_000 });
  const headerFlags = Object.entries(signed.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]);
  const run = async (key: string) => {
    const { output, lines } = capture();
    const code = await runVerify(
      ['--scheme', 'discord', '--secret', key, ...headerFlags, '--body-file', bodyFile, '--now', '1700000000'],
      output,
    );
    return { code, lines };
  };

  it('a mismatch names the public key and why no signature is expected', async () => {
    const { code, lines } = await run(other.public_key);
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'invalid (discord): signature_mismatch — The signature does not verify with this public key over the body: it was not made by the matching private key, or the body changed.',
    );
    expect(lines).toContain('  expected signature: — (an Ed25519 signature can only be made with the private key)');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('a valid request says it was verified with this public key', async () => {
    const { code, lines } = await run(signer.public_key);
    expect(code).toBe(0);
    expect(lines[0]).toBe('valid (discord): ok — Signature and timestamp are valid: verified with this public key.');
  });
});
