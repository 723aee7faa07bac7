import { describe, expect, it } from 'vitest';
import { checkEventPayload, EVENT_CATALOG, eventTemplate, payloadSchema } from '../../../src/shared/event-catalog';
import { EVENT_TYPE_NAMES } from '../../../src/shared/event-types';
import { checkSchema } from '../../../src/shared/json-schema-check';

describe('event catalog', () => {
  it('covers the 16 types of the guide, each template conforming to its own schema', () => {
    expect(EVENT_CATALOG.map((entry) => entry.type)).toEqual(EVENT_TYPE_NAMES);
    for (const entry of EVENT_CATALOG) {
      const payload = entry.template();
      expect(payload.event).toBe(entry.type);
      expect(checkEventPayload(payload), entry.type).toEqual({ event_type_known: true, issues: [] });
      expect(checkSchema(payload, payloadSchema(entry.type)), entry.type).toEqual([]);
      expect(entry.schema.required, entry.type).toContain('id');
    }
  });

  it("keeps the guide's example shapes and makes fresh ids and timestamps on every call", () => {
    const project = eventTemplate('project.created');
    expect(Object.keys(project?.data ?? {})).toEqual(['id', 'name', 'description', 'created_at', 'updated_at']);
    const prediction = eventTemplate('prediction.completed');
    expect(prediction?.data).toMatchObject({ input: { feature1: 0.5, feature2: 0.7 }, output: { prediction: 0.8, confidence: 0.95 } });
    expect(prediction?.data.id).toMatch(/^pred_\d{10}$/);
    expect(eventTemplate('dataset.processed')?.data.id).toMatch(/^ds_\d{10}$/);
    const ids = new Set(Array.from({ length: 20 }, () => eventTemplate('model.trained')?.data.id));
    expect(ids.size).toBe(20);
    expect(String(eventTemplate('model.trained')?.data.created_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(eventTemplate('no.such')).toBeUndefined();
  });

  it('reports unknown types, missing fields and wrong types with their paths', () => {
    const template = eventTemplate('model.trained') as { event: string; data: Record<string, unknown> };
    const { name: _name, ...withoutName } = template.data;
    const broken = {
      ...template,
      data: { ...withoutName, metrics: { accuracy: '0.9', precision: 2, recall: 0.5, f1: 0.5 }, created_at: 'yesterday' },
    };
    const result = checkEventPayload(broken);
    expect(result.event_type_known).toBe(true);
    expect(result.issues).toEqual([
      { path: 'data.name', message: 'data is missing the required field "name".' },
      { path: 'data.created_at', message: expect.stringMatching(/ISO 8601 date-time/) as unknown as string },
      { path: 'data.metrics.accuracy', message: 'data.metrics.accuracy must be a number, not a string.' },
      { path: 'data.metrics.precision', message: 'data.metrics.precision must be at most 1; got 2.' },
    ]);
    expect(checkEventPayload({ event: 'model.exploded', data: {} })).toMatchObject({
      event_type_known: false,
      issues: [{ path: 'event' }],
    });
    expect(checkEventPayload({ data: {} }).issues[0]).toMatchObject({
      path: 'event',
      message: expect.stringMatching(/missing the required field "event"/) as unknown as string,
    });
    expect(checkEventPayload({ event: 'project.created' }).issues).toEqual([
      { path: 'data', message: 'The body is missing the required field "data".' },
    ]);
    expect(checkEventPayload([1, 2]).issues[0]?.path).toBe('');
    expect(checkEventPayload({ event: 'project.created', data: [] }).issues[0]).toMatchObject({
      path: 'data',
      message: 'data must be an object, not an array.',
    });
  });

  it('the checker handles unions, enums, nested arrays and closed objects', () => {
    const schema = {
      type: 'object' as const,
      additionalProperties: false,
      properties: {
        tags: { type: 'array' as const, items: { type: 'string' as const, enum: ['a', 'b'] } },
        note: { type: ['string' as const, 'null' as const] },
      },
    };
    expect(checkSchema({ tags: ['a', 'c'], note: null, extra: 1 }, schema)).toEqual([
      { path: 'tags[1]', message: 'tags[1] must be one of "a", "b"; got "c".' },
      { path: 'extra', message: 'the value has an unknown field "extra".' },
    ]);
    expect(checkSchema({ note: 3 }, schema)).toEqual([{ path: 'note', message: 'note must be a string or a null, not an integer.' }]);
  });
});
