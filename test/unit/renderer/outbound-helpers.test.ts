import { describe, expect, it } from 'vitest';
import type { EventTypeInfo } from '../../../src/shared/api';
import { bodyText, diffDocument } from '../../../src/renderer/src/lib/diff-document';
import { composeModelUri, groupByCategory, payloadSchemaFor, schemaUri, templateText } from '../../../src/renderer/src/lib/event-schema';
import { formatHeaderLines, hasHeader, parseHeaderLines } from '../../../src/renderer/src/lib/header-lines';
import { buildReplayInput, type ReplayDraft } from '../../../src/renderer/src/lib/replay-request';
import { outcomeLabel, signingLabel, sourceLabel } from '../../../src/renderer/src/lib/sent-outcome';
import type { HeaderPair } from '../../../src/shared/http-headers';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('event-schema', () => {
  const info: EventTypeInfo = {
    type: 'model.trained',
    category: 'model',
    description: 'A model has completed training',
    template: { event: 'model.trained', data: { id: 'model_1' } },
    schema: { type: 'object', required: ['id'] },
  };

  it('wraps the data schema into a payload schema pinned to the event type', () => {
    const schema = payloadSchemaFor(info) as { properties: { event: { enum: string[] }; data: unknown }; required: string[] };
    expect(schema.properties.event.enum).toEqual(['model.trained']);
    expect(schema.properties.data).toBe(info.schema);
    expect(schema.required).toEqual(['event', 'data']);
  });

  it('names models and schemas by URI', () => {
    expect(composeModelUri('payload')).toBe('inmemory://hookscope/compose/payload.json');
    expect(schemaUri('model.trained')).toBe('hookscope://schemas/events/model.trained.json');
    expect(JSON.parse(templateText(info))).toEqual(info.template);
  });

  it('groups by category in catalog order', () => {
    const groups = groupByCategory([
      { category: 'a', n: 1 },
      { category: 'b', n: 2 },
      { category: 'a', n: 3 },
    ]);
    expect(groups.map(([category, items]) => [category, items.map((item) => item.n)])).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });
});

describe('header-lines', () => {
  it('round-trips pairs and finds names case-insensitively', () => {
    const pairs: HeaderPair[] = [
      ['X-A', '1'],
      ['x-a', '2'],
    ];
    expect(parseHeaderLines(formatHeaderLines(pairs)).headers).toEqual(pairs);
    expect(hasHeader(pairs, 'X-a')).toBe(true);
    expect(hasHeader(pairs, 'X-B')).toBe(false);
  });
  it('keeps a value with colons', () => {
    expect(parseHeaderLines('Link: <http://x>; rel=next').headers).toEqual([['Link', '<http://x>; rel=next']]);
  });
});

describe('diff-document', () => {
  const side = {
    label: 'Capture #1',
    method: 'POST',
    url: 'http://h/p',
    headers: [
      ['B', '2'],
      ['a', '1'],
    ] as HeaderPair[],
    bodyBase64: b64('{"n":12345678901234567890}'),
  };

  it('puts request line, headers in order and the body in one document', () => {
    expect(diffDocument(side, 'raw')).toBe('POST http://h/p\nB: 2\na: 1\n\n{"n":12345678901234567890}');
  });
  it('pretty view indents without rounding numbers', () => {
    expect(bodyText(side.bodyBase64, 'pretty')).toBe('{\n  "n": 12345678901234567890\n}');
  });
  it('non-UTF-8 bodies become a hex dump', () => {
    expect(bodyText(Buffer.from([0xff, 0xfe, 0x00]).toString('base64'), 'raw')).toContain('ff fe 00');
  });
});

describe('replay-request', () => {
  const base: ReplayDraft = { mode: 'resign', target: 'own', url: '', scheme: '', secret: '', body: '' };
  const encode = (text: string) => `b64(${text})`;

  it('own receiver: no url; endpoint secret: no secret', () => {
    expect(buildReplayInput(base, encode)).toEqual({ input: { mode: 'resign' }, error: null });
  });
  it('as-is never sends signing overrides', () => {
    expect(buildReplayInput({ ...base, mode: 'as-is', secret: 'x', scheme: 'stripe' }, encode).input).toEqual({ mode: 'as-is' });
  });
  it('edited sends the body and the chosen signing', () => {
    expect(
      buildReplayInput(
        { ...base, mode: 'edited', body: '{}', secret: 'k', scheme: 'github', target: 'url', url: ' http://localhost:3000/x ' },
        encode,
      ).input,
    ).toEqual({
      mode: 'edited',
      url: 'http://localhost:3000/x',
      scheme: 'github',
      secret: 'k',
      body_base64: 'b64({})',
    });
  });
  it('rejects a target that is not http(s)', () => {
    expect(buildReplayInput({ ...base, target: 'url', url: 'localhost:3000' }, encode).error).toMatch(/http/);
  });
});

describe('sent-outcome', () => {
  it('labels statuses and failures', () => {
    expect(outcomeLabel(204, null)).toEqual({ text: '204', tone: 'good' });
    expect(outcomeLabel(404, null)).toEqual({ text: '404', tone: 'warn' });
    expect(outcomeLabel(503, null)).toEqual({ text: '503', tone: 'bad' });
    expect(outcomeLabel(null, 'connection_refused')).toEqual({ text: 'refused', tone: 'bad' });
    expect(outcomeLabel(null, null).tone).toBe('bad');
  });
  it('describes where a send came from', () => {
    expect(sourceLabel('send', null, null, null)).toBe('composed');
    expect(sourceLabel('replay', 'as-is', 7, null)).toBe('replay as-is of #7');
    expect(sourceLabel('resend', null, null, 3)).toBe('again: sent #3');
  });
  it('says an as-is replay kept the original signature', () => {
    expect(signingLabel({ signature: null, replay_mode: 'as-is' })).toBe('original signature kept');
    expect(signingLabel({ signature: null, replay_mode: null })).toBe('unsigned');
    expect(signingLabel({ signature: { scheme: 'stripe', timestamp: 5 }, replay_mode: 'resign' })).toBe('signed stripe, t=5');
  });
});
