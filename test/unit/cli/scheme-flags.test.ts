import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/main/cli/args';
import { SCHEME_FLAGS, schemeChoice } from '../../../src/main/cli/scheme-flags';

const flags = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('--scheme and the custom scheme flags', () => {
  it('each custom flag sets its CustomSchemeConfig field', () => {
    const choice = schemeChoice(
      flags({
        '--scheme': 'custom',
        '--signature-header': 'X-Sig',
        '--signature-prefix': 'v1=',
        '--signed-content': '{id}.{timestamp}.{url}.{body}',
        '--timestamp-header': 'X-Time',
        '--timestamp-unit': 'ms',
        '--id-header': 'X-Id',
        '--algorithm': 'sha1',
        '--encoding': 'base64',
        '--secret-encoding': 'hex',
      }),
    );
    expect(choice).toEqual({
      scheme: 'custom',
      custom: {
        signature_header: 'X-Sig',
        signature_prefix: 'v1=',
        signed_content: '{id}.{timestamp}.{url}.{body}',
        timestamp_header: 'X-Time',
        timestamp_unit: 'ms',
        id_header: 'X-Id',
        algorithm: 'sha1',
        encoding: 'base64',
        secret_encoding: 'hex',
      },
    });
    expect(Object.keys(SCHEME_FLAGS)).toHaveLength(10);
  });

  it('a built-in scheme has no config; the fallback applies without --scheme', () => {
    expect(schemeChoice(flags({}))).toEqual({ scheme: 'dcisionai' });
    expect(schemeChoice(flags({}), 'github')).toEqual({ scheme: 'github' });
    expect(schemeChoice(flags({ '--scheme': 'stripe' }), 'github')).toEqual({ scheme: 'stripe' });
  });

  it("the engine's validation comes back naming flags, not API fields", () => {
    expect(() => schemeChoice(flags({ '--scheme': 'custom', '--signature-header': 'X-Sig', '--signed-content': '{id}.{body}' }))).toThrow(
      new UsageError('--signed-content uses {id}: set --id-header to the header that carries it.'),
    );
    expect(() => schemeChoice(flags({ '--scheme': 'stripe', '--algorithm': 'sha1', '--encoding': 'hex' }))).toThrow(
      new UsageError('--algorithm, --encoding describe a custom scheme: add --scheme custom, or leave them out.'),
    );
    expect(() => schemeChoice(flags({ '--scheme': 'md5' }))).toThrow(/--scheme "md5" is not a built-in scheme; use one of dcisionai, /);
  });
});
