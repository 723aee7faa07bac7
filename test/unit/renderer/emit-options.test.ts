import { describe, expect, it } from 'vitest';
import { buildEmitRequest, type EmitOptions } from '../../../src/renderer/src/lib/emit-options';

const base: EmitOptions = {
  event: 'project.created',
  dataJson: '{"id":"proj_1"}',
  duplicate: false,
  corruptSignature: false,
  timestampOffset: '',
  delayMs: '',
  outOfOrderCount: '',
};

describe('buildEmitRequest', () => {
  it('sends a plain event without an inject object', () => {
    expect(buildEmitRequest(base)).toEqual({ request: { kind: 'single', input: { event: 'project.created', data: { id: 'proj_1' } } } });
  });

  it('maps every injection option to the API field', () => {
    const built = buildEmitRequest({ ...base, duplicate: true, corruptSignature: true, timestampOffset: '-600', delayMs: '250' });
    expect(built).toEqual({
      request: {
        kind: 'single',
        input: {
          event: 'project.created',
          data: { id: 'proj_1' },
          inject: { duplicate: true, corrupt_signature: true, timestamp_offset_seconds: -600, delay_ms: 250 },
        },
      },
    });
  });

  it('turns an out-of-order count into a shuffled batch numbered 1..n', () => {
    const built = buildEmitRequest({ ...base, outOfOrderCount: '3', duplicate: true });
    expect(built).toEqual({
      request: {
        kind: 'batch',
        input: {
          events: [1, 2, 3].map((sequence) => ({ event: 'project.created', data: { id: 'proj_1', sequence } })),
          inject: { duplicate: true, shuffle: true },
        },
      },
    });
  });

  it('says what to fix instead of sending bad input', () => {
    expect(buildEmitRequest({ ...base, dataJson: '{bad' })).toHaveProperty('error', expect.stringContaining('not valid JSON'));
    expect(buildEmitRequest({ ...base, dataJson: '[1]' })).toHaveProperty('error', expect.stringContaining('JSON object'));
    expect(buildEmitRequest({ ...base, delayMs: '-5' })).toHaveProperty('error', expect.stringContaining('delay'));
    expect(buildEmitRequest({ ...base, outOfOrderCount: '0' })).toHaveProperty('error', expect.stringContaining('batch'));
    expect(buildEmitRequest({ ...base, outOfOrderCount: '51' })).toHaveProperty('error');
  });
});
