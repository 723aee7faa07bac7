import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Health } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { fakeBin, NO_AGENTS } from '../tunnels/fake-tunnels';

const engines: TestEngine[] = [];
afterEach(async () => {
  for (const t of engines.splice(0)) await t.stop();
});

async function start(options: Parameters<typeof startTestEngine>[0] = {}): Promise<TestEngine> {
  const t = await startTestEngine(options);
  engines.push(t);
  return t;
}

interface LogLine {
  level: string;
  time: string;
  msg: string;
  component?: string;
  [field: string]: unknown;
}

/** Closes the engine (which flushes the log) and returns the file's text and its parsed lines. */
async function closeAndRead(t: TestEngine): Promise<{ text: string; lines: LogLine[] }> {
  await t.engine.close();
  const text = readFileSync(join(t.dataDir, 'logs', 'hookscope.log'), 'utf8');
  return {
    text,
    lines:
      text === ''
        ? []
        : text
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as LogLine),
  };
}

describe('the log file', () => {
  it('is <data-dir>/logs/hookscope.log, named in /api/health, with the lifecycle at info and no line per request', async () => {
    const t = await start();
    const health = (await t.api<{ data: Health }>('GET', '/health')).body.data;
    expect(health.log_file).toBe(join(t.dataDir, 'logs', 'hookscope.log'));
    for (let index = 0; index < 5; index += 1) expect((await t.send(`/hooks/${index}`, { body: '{}' })).status).toBe(200);
    expect((await t.api('GET', '/requests?limit=5')).status).toBe(200);

    const { lines } = await closeAndRead(t);
    const started = lines.find((line) => line.msg === 'Hookscope started');
    expect(started).toMatchObject({
      level: 'info',
      component: 'engine',
      receiver_url: t.engine.receiverUrl,
      ui_url: t.engine.uiUrl,
      data_dir: t.dataDir,
      log_level: 'info',
    });
    expect(Number.isNaN(Date.parse(started?.time ?? ''))).toBe(false);
    // Fastify's own line for the control API's address.
    expect(lines.some((line) => line.component === 'control' && line.msg.startsWith('Server listening at http://127.0.0.1:'))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ msg: 'Hookscope stopped' });
    // Receiver traffic is logged at warn and up by default; API calls only at debug.
    expect(lines.filter((line) => line.component === 'receiver')).toEqual([]);
    expect(lines.filter((line) => /request/.test(line.msg))).toEqual([]);
  });

  it('has a line for each tunnel Hookscope starts and stops, and for captures retention deletes', async () => {
    const bin = fakeBin(['cloudflared']);
    try {
      const t = await start({ tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, pollMs: 200, selfCheckMs: 60_000 } });
      const started = await t.api<{ data: { public_url: string } }>('POST', '/tunnels', { provider: 'cloudflared' });
      expect(started.status).toBe(201);
      expect((await t.api('DELETE', '/tunnels/cloudflared')).status).toBe(200);
      for (let index = 0; index < 5; index += 1) expect((await t.send(`/hooks/${index}`, { body: '{}' })).status).toBe(200);
      expect((await t.api('PUT', '/settings/retention', { max_captures: 2 })).status).toBe(200);

      const { lines } = await closeAndRead(t);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'info',
          component: 'engine',
          provider: 'cloudflared',
          public_url: started.body.data.public_url,
          msg: 'cloudflared tunnel started',
        }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ level: 'info', provider: 'cloudflared', msg: 'cloudflared tunnel stopped' }));
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 'info', component: 'engine', deleted: 3, msg: 'retention deleted 3 captures' }),
      );
    } finally {
      bin.remove();
    }
  });

  it('keeps the lines of earlier runs (appends)', async () => {
    const first = await start();
    await first.engine.close();
    const second = await start({ dataDir: first.dataDir });
    const { lines } = await closeAndRead(second);
    expect(lines.filter((line) => line.msg === 'Hookscope started')).toHaveLength(2);
  });

  it('never holds secrets, tokens or bodies, even at trace where every request is logged', async () => {
    const token = 'tok_LOGTEST_control_9f8e7d';
    const secret = 'whsec_LOGTEST_endpoint_secret_42';
    const t = await start({ token, logLevel: 'trace' });
    expect((await t.api('PUT', '/endpoints/ep_default', { secret })).status).toBe(200);
    const received = await t.send('/webhooks/logtest?token=QUERYTOKEN_LOGTEST&signature=QUERYSIG_LOGTEST', {
      headers: {
        authorization: 'Bearer RECEIVER_AUTH_LOGTEST',
        'x-hookscope-token': token,
        cookie: 'session=COOKIE_LOGTEST',
        'content-type': 'application/json',
        // The secret itself, as a careless sender might put it in a header of its own.
        'x-webhook-secret': secret,
      },
      body: '{"event":"BODY_LOGTEST","data":{"password":"BODYSECRET_LOGTEST"}}',
    });
    expect(received.status).toBe(200);
    // The live stream takes the token in its query (EventSource cannot send headers).
    const abort = new AbortController();
    const stream = await fetch(`${t.engine.uiUrl}/api/stream?token=${token}`, { signal: abort.signal });
    expect(stream.status).toBe(200);
    abort.abort();
    // A script may put it in any query (this route refuses it with a 400); the URL is logged, the value is not.
    await (await fetch(`${t.engine.uiUrl}/api/requests?limit=1&token=${token}`, { headers: { authorization: `Bearer ${token}` } })).text();
    // A search for body text, and a malformed body carrying a secret (a 400 whose parser message quotes it).
    expect((await t.api('GET', '/requests?q=BODY_LOGTEST')).status).toBe(200);
    const malformed = await fetch(`${t.engine.uiUrl}/api/endpoints/ep_default`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"secret": "MALFORMED_LOGTEST ${secret}`,
    });
    expect(malformed.status).toBe(400);

    const { text, lines } = await closeAndRead(t);
    // The requests were logged (so the absence below means something)...
    expect(
      lines.some(
        (line) =>
          line.component === 'receiver' &&
          line.msg === 'incoming request' &&
          (line.req as { url: string }).url === '/webhooks/logtest?token=[redacted]&signature=[redacted]',
      ),
    ).toBe(true);
    expect(
      lines.some(
        (line) =>
          line.component === 'control' &&
          line.msg === 'request completed' &&
          (line.req as { url: string }).url === '/api/requests?limit=[redacted]&token=[redacted]',
      ),
    ).toBe(true);
    expect(lines.some((line) => line.component === 'control' && line.msg === 'request completed' && line.status === 400)).toBe(true);
    // ...without any of what they carried.
    for (const needle of [
      token,
      secret,
      'QUERYTOKEN_LOGTEST',
      'QUERYSIG_LOGTEST',
      'RECEIVER_AUTH_LOGTEST',
      'COOKIE_LOGTEST',
      'BODY_LOGTEST',
      'BODYSECRET_LOGTEST',
      'MALFORMED_LOGTEST',
    ]) {
      expect(text, needle).not.toContain(needle);
    }
  });

  it('records a 500 of the control API with its stack; the answer carries only the message', async () => {
    const t = await start();
    // A store broken under the running engine: the table the Sent history reads is gone.
    const db = new Database(join(t.dataDir, 'hookscope.db'));
    db.exec('ALTER TABLE sent_requests RENAME TO sent_requests_gone');
    db.close();
    const failed = await t.api<{ error: { code: string; message: string } }>('GET', '/sent');
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('internal_error');
    expect(JSON.stringify(failed.body)).not.toContain('    at ');

    const { lines } = await closeAndRead(t);
    const error = lines.find((line) => line.level === 'error');
    expect(error).toMatchObject({
      component: 'control',
      msg: expect.stringContaining('GET /api/sent failed: no such table: sent_requests'),
      req: { method: 'GET', url: '/api/sent' },
    });
    const err = error?.err as { type: string; message: string; stack: string };
    expect(err.message).toContain('no such table: sent_requests');
    expect(err.stack).toMatch(/\n\s+at .*sent-repo/);
  });

  it('records a capture the receiver could not store, at the default level, with its stack', async () => {
    const t = await start();
    const db = new Database(join(t.dataDir, 'hookscope.db'));
    db.exec('ALTER TABLE captures RENAME TO captures_gone');
    db.close();
    const refused = await t.send('/hooks/lost?token=QUERYTOKEN_LOGTEST', { body: '{"event":"BODY_LOGTEST"}' });
    expect(refused.status).toBe(500);

    const { text, lines } = await closeAndRead(t);
    const error = lines.find((line) => line.component === 'receiver' && line.level === 'error');
    expect(error).toMatchObject({ req: { method: 'POST', url: '/hooks/lost?token=[redacted]' }, status: 500 });
    expect((error?.err as { stack: string }).stack).toMatch(/captures[\s\S]*\n\s+at /);
    expect(text).not.toContain('QUERYTOKEN_LOGTEST');
    expect(text).not.toContain('BODY_LOGTEST');
  });

  it('writes nothing at silent, and only warnings and up at warn', async () => {
    const quiet = await start({ logLevel: 'silent' });
    expect((await quiet.send('/x', { body: '{}' })).status).toBe(200);
    expect((await closeAndRead(quiet)).text).toBe('');

    const warn = await start({ logLevel: 'warn' });
    expect((await warn.send('/x', { body: '{}' })).status).toBe(200);
    expect((await closeAndRead(warn)).text).toBe('');
  });
});
