import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingFile } from '../../../src/main/engine/logging/rotating-file';
import { redactQuery, scrubSecrets } from '../../../src/main/engine/logging/engine-log';
import { receiverLogLevel } from '../../../src/main/engine/logging/levels';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function logFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-log-'));
  dirs.push(dir);
  return join(dir, 'logs', 'hookscope.log');
}
const line = (index: number) => `${JSON.stringify({ n: index, pad: 'x'.repeat(80) })}\n`;
const numbers = (path: string) =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((text) => (JSON.parse(text) as { n: number }).n)
    : [];

describe('RotatingFile', () => {
  it('queues a write without touching the disk, and writes it on a later turn', async () => {
    const file = logFile();
    const log = new RotatingFile({ file });
    expect(log.write(line(1))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('');
    await log.flush();
    expect(numbers(file)).toEqual([1]);
    await log.close();
    // Paths and addresses are the user's business alone.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it('writes what is queued synchronously when the process exits, and stops listening once closed', async () => {
    const file = logFile();
    const log = new RotatingFile({ file });
    expect(process.listeners('exit')).toContain(log.flushSync);
    log.write(line(7));
    // What process.exit() runs: no later turn comes.
    log.flushSync();
    expect(numbers(file)).toEqual([7]);
    await log.close();
    expect(process.listeners('exit')).not.toContain(log.flushSync);
  });

  it('rotates by size into .1 and .2 and drops what is older, never splitting a line', async () => {
    const file = logFile();
    // About 10 lines per file; written in several batches (one per turn of the event loop).
    const log = new RotatingFile({ file, maxBytes: 1000, keep: 2 });
    for (let index = 0; index < 60; index += 1) {
      log.write(line(index));
      if (index % 3 === 2) await log.flush();
    }
    await log.close();
    const [current, first, second] = [numbers(file), numbers(`${file}.1`), numbers(`${file}.2`)];
    expect(existsSync(`${file}.3`)).toBe(false);
    for (const path of [file, `${file}.1`, `${file}.2`]) expect(statSync(path).size).toBeLessThanOrEqual(1000);
    // Oldest to newest, with nothing missing in between, ending with the last line written.
    const kept = [...second, ...first, ...current];
    expect(kept.at(-1)).toBe(59);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, index) => (kept[0] as number) + index));
    expect(kept.length).toBeGreaterThan(20);
  });

  it('counts the size of a file left by an earlier run', async () => {
    const file = logFile();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, line(0).repeat(11));
    const log = new RotatingFile({ file, maxBytes: 1000 });
    log.write(line(1));
    await log.close();
    expect(numbers(file)).toEqual([1]);
    expect(numbers(`${file}.1`)).toHaveLength(11);
  });

  it('drops lines the disk cannot take in time, and says how many', async () => {
    const file = logFile();
    const log = new RotatingFile({ file, maxPendingBytes: 500 });
    for (let index = 0; index < 20; index += 1) log.write(line(index));
    await log.close();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as { n?: number; msg?: string; level?: string });
    const kept = lines.filter((entry) => entry.n !== undefined).length;
    expect(kept).toBe(5); // 5 lines of 97 bytes fit in 500
    expect(lines.at(-1)).toMatchObject({ level: 'warn', msg: `${20 - kept} log lines were dropped: the log file could not keep up` });
  });

  it('passes each batch through scrub, and ignores lines after close', async () => {
    const file = logFile();
    const log = new RotatingFile({ file, scrub: (text) => scrubSecrets(text, ['s3cr3t-value', 'ab']) });
    log.write('{"msg":"leaked s3cr3t-value here, ab stays"}\n');
    await log.close();
    log.write('{"msg":"after"}\n');
    await log.flush();
    expect(readFileSync(file, 'utf8')).toBe('{"msg":"leaked [redacted] here, ab stays"}\n');
  });
});

describe('what the log keeps out', () => {
  it('replaces every query value, keeping the names', () => {
    expect(redactQuery('/api/stream?token=abc')).toBe('/api/stream?token=[redacted]');
    expect(redactQuery('/hooks/x?a=1&flag&b=two=three')).toBe('/hooks/x?a=[redacted]&flag&b=[redacted]');
    expect(redactQuery('/hooks/x')).toBe('/hooks/x');
  });

  it('scrubs secrets as they appear in JSON (escaped)', () => {
    expect(scrubSecrets(JSON.stringify({ m: 'has "quote\\" inside' }), ['"quote\\"'])).toBe('{"m":"has [redacted] inside"}');
  });

  it('keeps the receiver at warn when the engine logs at info, and follows any other level', () => {
    expect(receiverLogLevel('info')).toBe('warn');
    expect(receiverLogLevel('debug')).toBe('debug');
    expect(receiverLogLevel('error')).toBe('error');
    expect(receiverLogLevel('silent')).toBe('silent');
  });
});
