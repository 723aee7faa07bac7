import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, parseTime, UsageError } from '../../../src/main/cli/args';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import { renderSchemeIdList, replaceUsageSchemes } from '../../../src/main/engine/signatures/scheme-table';
import { FLAGS as LISTEN_FLAGS } from '../../../src/main/cli/listen';
import { FLAGS as REPLAY_FLAGS } from '../../../src/main/cli/replay';
import { FLAGS as TAIL_FLAGS } from '../../../src/main/cli/tail';
import { FLAGS as TRIGGER_FLAGS } from '../../../src/main/cli/trigger';
import { FLAGS as VERIFY_FLAGS } from '../../../src/main/cli/verify';
import { PROVIDER_SAMPLES, sampleName } from '../../../src/shared/provider-samples';

const usage = (name: string): string => readFileSync(join(__dirname, '../../../src/main/cli', name), 'utf8');

describe('hookscope usage texts', () => {
  // The launcher prints them before any build, so they cannot ask the registry: check them here.
  it('verify --help lists every built-in scheme, as `npm run scheme-table` writes it', () => {
    const text = usage('verify-usage.txt');
    const flat = text.replace(/\s+/g, ' ');
    for (const scheme of listSchemes()) expect(flat).toMatch(new RegExp(`[ :,]${scheme.id}[,\\s]`));
    const current = replaceUsageSchemes(text, renderSchemeIdList());
    expect(current.ok && current.text === text, 'verify-usage.txt lists other schemes than the registry: run `npm run scheme-table`.').toBe(
      true,
    );
  });

  it('every usage text names exactly the flags its command reads', () => {
    const flagsOf = (text: string) => [...new Set([...text.matchAll(/--[a-z-]+/g)].map((match) => match[0]))].sort();
    const commands = { verify: VERIFY_FLAGS, trigger: TRIGGER_FLAGS, tail: TAIL_FLAGS, listen: LISTEN_FLAGS, replay: REPLAY_FLAGS };
    for (const [command, flags] of Object.entries(commands)) {
      expect(flagsOf(usage(`${command}-usage.txt`)), command).toEqual(Object.keys(flags).sort());
    }
  });

  it('the top usage lists every command, and trigger --help every provider sample', () => {
    const top = usage('usage.txt');
    for (const command of ['serve', 'listen', 'verify', 'trigger', 'tail', 'replay']) expect(top).toContain(`  ${command}  `);
    expect(top).not.toContain('Coming later');
    const trigger = usage('trigger-usage.txt').replace(/\s+/g, ' ');
    for (const sample of PROVIDER_SAMPLES) expect(trigger).toContain(` ${sampleName(sample)}`);
  });
});

describe('parseArgs', () => {
  const flags = { '--to': 'value', '--header': 'repeat', '--json': 'switch' } as const;

  it('reads values, repeated flags, switches and positionals, with or without =', () => {
    const parsed = parseArgs('trigger', ['a.b', '--to=http://x', '--header', 'A: 1', '--header', 'B: 2', '--json'], flags, 1);
    expect(parsed.positionals).toEqual(['a.b']);
    expect(parsed.values.get('--to')).toBe('http://x');
    expect(parsed.repeated.get('--header')).toEqual(['A: 1', 'B: 2']);
    expect(parsed.switches.has('--json')).toBe(true);
  });

  it('names the flag in every mistake', () => {
    expect(() => parseArgs('trigger', ['--nope'], flags, 0)).toThrow(
      new UsageError('hookscope trigger has no option --nope; see hookscope trigger --help.'),
    );
    expect(() => parseArgs('trigger', ['--to'], flags, 0)).toThrow('--to needs a value.');
    expect(() => parseArgs('trigger', ['--to', 'a', '--to', 'b'], flags, 0)).toThrow('--to is given twice; give it once.');
    expect(() => parseArgs('trigger', ['--json=yes'], flags, 0)).toThrow('--json takes no value.');
    expect(() => parseArgs('trigger', ['a', 'b'], flags, 1)).toThrow(/does not take "b" here/);
  });

  it('parseTime takes Unix seconds and ISO 8601, nothing else', () => {
    expect(parseTime('--now', '1700000000')).toBe(1700000000);
    expect(parseTime('--now', '2023-11-14T22:13:20Z')).toBe(1700000000);
    expect(() => parseTime('--now', 'tomorrow')).toThrow(UsageError);
    expect(() => parseTime('--now', '1700000000.5')).toThrow(UsageError);
  });
});
