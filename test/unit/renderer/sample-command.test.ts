import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sinksClosedAfterEach } from '../../helpers/one-request-sink';
import { shellQuote } from '../../../src/shared/curl';
import { buildSampleCommand, SAMPLE_BODY, SAMPLE_PATH } from '../../../src/renderer/src/lib/sample-command';

const run = promisify(execFile);

const startSink = sinksClosedAfterEach();

describe('shellQuote', () => {
  it('round-trips any text through bash unchanged', async () => {
    for (const value of [`it's`, `$HOME "x" \`id\` \\ !`, '', 'a\nb', `'''`]) {
      const { stdout } = await run('bash', ['-c', `printf '%s' ${shellQuote(value)}`]);
      expect(stdout).toBe(value);
    }
  });
});

describe('buildSampleCommand', () => {
  it('sends the sample body byte for byte with an HMAC that node:crypto agrees with', async () => {
    const sink = await startSink();
    const secret = `whsec_it's $ecret "quoted" \\ 🚀`;
    const command = buildSampleCommand(`${sink.url}/`, secret);
    await run('bash', ['-c', command], { timeout: 10_000 });
    const { url, headers, body } = await sink.received;

    expect(url).toBe(SAMPLE_PATH);
    expect(body.toString('utf8')).toBe(SAMPLE_BODY);
    expect(headers['content-type']).toBe('application/json');
    const timestamp = String(headers['x-dcisionai-timestamp']);
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
    expect(headers['x-dcisionai-signature']).toBe(expected);
  });

  it('uses the guide sample event, compact, without a trailing newline', () => {
    expect(JSON.parse(SAMPLE_BODY)).toMatchObject({ event: 'project.created', data: { id: 'proj_1234567890' } });
    expect(SAMPLE_BODY).not.toMatch(/\s$/);
    expect(SAMPLE_BODY).not.toContain('\n');
  });
});
