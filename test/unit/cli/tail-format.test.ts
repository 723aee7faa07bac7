import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newerThan, sseMessages, tailLine } from '../../../src/main/cli/tail-format';
import { readInstanceFile } from '../../../src/main/engine/instance-file';

const capture = {
  received_at: '2026-01-02T03:04:05.678Z',
  method: 'POST',
  path: '/hooks/orders',
  query: '',
  event: 'order.paid',
  verification: { verdict: 'invalid', reason: 'signature_mismatch', scheme: 'dcisionai', diagnosis: null },
  public_url: null,
} as const;

describe('tail lines', () => {
  it('give time, method, path, event, verdict and reason', () => {
    expect(tailLine(capture)).toBe('2026-01-02 03:04:05Z  POST  /hooks/orders  order.paid  invalid signature_mismatch');
  });
  it('keep the query, show a missing event as -, and end with the public URL when there is one', () => {
    expect(tailLine({ ...capture, query: 'a=1', event: null, public_url: 'https://x.ngrok.app/hooks/orders?a=1' })).toBe(
      '2026-01-02 03:04:05Z  POST  /hooks/orders?a=1  -  invalid signature_mismatch  https://x.ngrok.app/hooks/orders?a=1',
    );
  });
  it('newerThan keeps later ids, oldest first', () => {
    expect(newerThan([{ id: 9 }, { id: 7 }, { id: 5 }], 5).map((c) => c.id)).toEqual([7, 9]);
  });
});

describe('server-sent events', () => {
  it('split into data payloads, keeping an unfinished message for the next read', () => {
    const { data, rest } = sseMessages(': connected\n\nretry: 1000\n\ndata: {"type":"captures"}\n\ndata: {"ty');
    expect(data).toEqual(['{"type":"captures"}']);
    expect(rest).toBe('data: {"ty');
    expect(sseMessages(`${rest}pe":"x"}\r\n\r\n`).data).toEqual(['{"type":"x"}']);
  });
});

describe('the instance state file', () => {
  it('is ignored when missing, malformed, or its process is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookscope-instance-'));
    try {
      expect(readInstanceFile(dir)).toBeNull();
      writeFileSync(join(dir, 'instance.json'), '{not json');
      expect(readInstanceFile(dir)).toBeNull();
      const info = { ui_url: 'http://127.0.0.1:1', receiver_url: 'http://127.0.0.1:2', token: 't'.repeat(20), pid: 4242 };
      writeFileSync(join(dir, 'instance.json'), JSON.stringify(info));
      expect(readInstanceFile(dir, () => false)).toBeNull();
      expect(readInstanceFile(dir, (pid) => pid === 4242)).toEqual(info);
      expect(readInstanceFile(dir, () => true)).toEqual(info);
      writeFileSync(join(dir, 'instance.json'), JSON.stringify({ ...info, pid: process.pid }));
      expect(readInstanceFile(dir)).toEqual({ ...info, pid: process.pid });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
