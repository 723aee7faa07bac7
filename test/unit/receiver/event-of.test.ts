import { describe, expect, it } from 'vitest';
import { eventOf } from '../../../src/main/engine/receiver/capture-metadata';

describe('eventOf', () => {
  it('reads the event of a JSON object, with or without a BOM or content type', () => {
    expect(eventOf(Buffer.from('{"data":{},"event":"model.trained"}'), null)).toBe('model.trained');
    expect(eventOf(Buffer.from('\ufeff{"event":"project.created"}'), 'application/json')).toBe('project.created');
    expect(eventOf(Buffer.from('[{"event":"x"}]'), 'application/json')).toBeNull();
    expect(eventOf(Buffer.from('event=x'), 'application/x-www-form-urlencoded')).toBeNull();
    expect(eventOf(Buffer.from('{"event":'), 'application/json')).toBeNull();
  });

  it("reads a large body's event only when it leads, without parsing the whole body", () => {
    const filler = 'x'.repeat(400 * 1024);
    expect(eventOf(Buffer.from(`{"event":"dataset.processed","data":{"blob":"${filler}"}}`), 'application/json')).toBe('dataset.processed');
    expect(eventOf(Buffer.from(`{"event":"a\\"b","data":"${filler}"}`), null)).toBe('a"b');
    expect(eventOf(Buffer.from(`{"data":{"blob":"${filler}"},"event":"late"}`), 'application/json')).toBeNull();
  });

  it('reads a leading event from the first bytes, whitespace, escapes and non-ASCII included', () => {
    expect(eventOf(Buffer.from(' {\n  "event" : "caf\u00e9.\\u00e9vent\\"x", "data": {}}'), 'application/json')).toBe('café.évent"x');
    expect(eventOf(Buffer.from('{"event":"model.trained","data":{"event":"inner"}}'), null)).toBe('model.trained');
    expect(eventOf(Buffer.from('{"event":42,"data":{}}'), 'application/json')).toBeNull();
  });
});
