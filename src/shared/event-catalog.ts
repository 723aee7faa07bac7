/**
 * The DcisionAI event catalog: for each of the guide's 16 event types, a payload template (fresh
 * ids and timestamps on every call) and a JSON Schema of its `data`. The engine serves it on
 * GET /api/event-types and checks captures against it; the renderer attaches the same schemas
 * to Monaco. The guide shows payloads for project.created, model.trained and
 * prediction.completed only; the others are extrapolated from those in the same style
 * (`<kind>_<id>` ids, ISO 8601 `created_at`/`updated_at`, `project_id` links).
 */
import { checkSchema, type JsonSchema, type SchemaIssue } from './json-schema-check';
import { EVENT_TYPES, isEventType, type EventCategory, type EventType } from './event-types';
import type { EventConformance } from './contract/captures';

export type { JsonSchema, SchemaIssue } from './json-schema-check';

export interface EventPayload {
  event: string;
  data: Record<string, unknown>;
}

export interface EventCatalogEntry {
  type: EventType;
  category: EventCategory;
  description: string;
  /** A fresh example payload `{event, data}`: new ids and timestamps on every call. */
  template(): EventPayload;
  /** JSON Schema (draft-07) of the payload's `data`. */
  schema: JsonSchema;
}

/** Result of checking a body that claims to be a DcisionAI event: a capture detail's `conformance` (schema in the contract). */
export type { EventConformance };

// ---- fresh values ----

function randomDigits(count: number): string {
  const bytes = new Uint8Array(count);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => String(byte % 10)).join('');
}

/** An id in the guide's style, e.g. `proj_4820193746`. */
export const freshId = (prefix: 'proj' | 'model' | 'pred' | 'ds'): string => `${prefix}_${randomDigits(10)}`;

/** Now as the guide writes timestamps: ISO 8601 in UTC, whole seconds. */
const isoNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---- schema building blocks ----

const idOf = (prefix: string): JsonSchema => ({ type: 'string', pattern: `^${prefix}_[A-Za-z0-9]+$`, examples: [`${prefix}_1234567890`] });
const text: JsonSchema = { type: 'string' };
const optionalText: JsonSchema = { type: ['string', 'null'] };
const dateTime: JsonSchema = { type: 'string', format: 'date-time', examples: ['2023-01-01T00:00:00Z'] };
const ratio: JsonSchema = { type: 'number', minimum: 0, maximum: 1 };
const freeObject: JsonSchema = { type: 'object', additionalProperties: true };

function dataSchema(title: string, properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  // additionalProperties stays open: a platform that adds a field must not make every capture
  // "non-conforming"; what matters is that the documented fields are present and well typed.
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'object', properties, required, additionalProperties: true };
}

const TIMES = { created_at: dateTime, updated_at: dateTime };
const TIME_FIELDS = ['created_at', 'updated_at'];

const projectSchema = (title: string) =>
  dataSchema(title, { id: idOf('proj'), name: text, description: optionalText, ...TIMES }, ['id', 'name', ...TIME_FIELDS]);

const modelStatus: JsonSchema = { type: 'string', enum: ['created', 'training', 'trained', 'deploying', 'deployed', 'failed'] };
const modelProperties = {
  id: idOf('model'),
  project_id: idOf('proj'),
  name: text,
  description: optionalText,
  status: modelStatus,
  ...TIMES,
};
const modelRequired = ['id', 'project_id', 'name', 'status', ...TIME_FIELDS];
const metrics: JsonSchema = {
  type: 'object',
  properties: { accuracy: ratio, precision: ratio, recall: ratio, f1: ratio },
  required: ['accuracy', 'precision', 'recall', 'f1'],
  additionalProperties: { type: 'number' },
};

const predictionStatus: JsonSchema = { type: 'string', enum: ['pending', 'processing', 'completed', 'failed'] };
const predictionOutput: JsonSchema = {
  type: 'object',
  properties: { prediction: { type: ['number', 'string', 'boolean', 'array', 'object'] }, confidence: ratio },
  required: ['prediction', 'confidence'],
  additionalProperties: true,
};
const predictionProperties = {
  id: idOf('pred'),
  project_id: idOf('proj'),
  model_id: idOf('model'),
  input: freeObject,
  status: predictionStatus,
  ...TIMES,
};
const predictionRequired = ['id', 'project_id', 'model_id', 'input', ...TIME_FIELDS];

const datasetStatus: JsonSchema = { type: 'string', enum: ['uploaded', 'processing', 'processed', 'failed'] };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const datasetProperties = {
  id: idOf('ds'),
  project_id: idOf('proj'),
  name: text,
  description: optionalText,
  status: datasetStatus,
  ...TIMES,
};
const datasetRequired = ['id', 'project_id', 'name', 'status', ...TIME_FIELDS];

const deletedSchema = (title: string, prefix: string, parents: Record<string, JsonSchema>) =>
  dataSchema(title, { id: idOf(prefix), ...parents, deleted_at: dateTime }, ['id', ...Object.keys(parents), 'deleted_at']);

// ---- templates ----

function project(overrides: Record<string, unknown> = {}) {
  const now = isoNow();
  return { id: freshId('proj'), name: 'My Project', description: 'Project description', created_at: now, updated_at: now, ...overrides };
}

function model(status: string, overrides: Record<string, unknown> = {}) {
  const now = isoNow();
  return {
    id: freshId('model'),
    project_id: freshId('proj'),
    name: 'My Model',
    description: 'Model description',
    status,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

function prediction(status: string, overrides: Record<string, unknown> = {}) {
  const now = isoNow();
  return {
    id: freshId('pred'),
    project_id: freshId('proj'),
    model_id: freshId('model'),
    input: { feature1: 0.5, feature2: 0.7 },
    status,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

function dataset(status: string, overrides: Record<string, unknown> = {}) {
  const now = isoNow();
  return {
    id: freshId('ds'),
    project_id: freshId('proj'),
    name: 'My Dataset',
    description: 'Dataset description',
    status,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

interface Definition {
  schema: JsonSchema;
  data(): Record<string, unknown>;
}

const DEFINITIONS: Record<EventType, Definition> = {
  'project.created': { schema: projectSchema('project.created data'), data: () => project() },
  'project.updated': { schema: projectSchema('project.updated data'), data: () => project({ name: 'My Renamed Project' }) },
  'project.deleted': {
    schema: deletedSchema('project.deleted data', 'proj', {}),
    data: () => ({ id: freshId('proj'), deleted_at: isoNow() }),
  },
  'model.created': { schema: dataSchema('model.created data', modelProperties, modelRequired), data: () => model('created') },
  'model.updated': {
    schema: dataSchema('model.updated data', modelProperties, modelRequired),
    data: () => model('created', { description: 'Updated description' }),
  },
  'model.deleted': {
    schema: deletedSchema('model.deleted data', 'model', { project_id: idOf('proj') }),
    data: () => ({ id: freshId('model'), project_id: freshId('proj'), deleted_at: isoNow() }),
  },
  'model.trained': {
    schema: dataSchema('model.trained data', { ...modelProperties, metrics }, [...modelRequired, 'metrics']),
    data: () => model('trained', { metrics: { accuracy: 0.95, precision: 0.94, recall: 0.96, f1: 0.95 } }),
  },
  'model.deployed': {
    schema: dataSchema(
      'model.deployed data',
      { ...modelProperties, version: text, endpoint_url: { type: 'string', pattern: '^https?://' }, deployed_at: dateTime },
      [...modelRequired, 'deployed_at'],
    ),
    data: () => {
      const id = freshId('model');
      return model('deployed', { id, version: '1', endpoint_url: `https://api.dcisionai.com/models/${id}/predict`, deployed_at: isoNow() });
    },
  },
  'prediction.created': {
    schema: dataSchema('prediction.created data', predictionProperties, predictionRequired),
    data: () => prediction('pending'),
  },
  'prediction.updated': {
    schema: dataSchema('prediction.updated data', { ...predictionProperties, output: predictionOutput }, predictionRequired),
    data: () => prediction('processing'),
  },
  'prediction.deleted': {
    schema: deletedSchema('prediction.deleted data', 'pred', { project_id: idOf('proj'), model_id: idOf('model') }),
    data: () => ({ id: freshId('pred'), project_id: freshId('proj'), model_id: freshId('model'), deleted_at: isoNow() }),
  },
  'prediction.completed': {
    schema: dataSchema('prediction.completed data', { ...predictionProperties, output: predictionOutput }, [
      ...predictionRequired,
      'output',
    ]),
    // The guide's example carries no status; keep the template to the guide's fields.
    data: () => {
      const { status: _status, ...fields } = prediction('completed', { output: { prediction: 0.8, confidence: 0.95 } });
      return fields;
    },
  },
  'dataset.created': { schema: dataSchema('dataset.created data', datasetProperties, datasetRequired), data: () => dataset('uploaded') },
  'dataset.updated': {
    schema: dataSchema('dataset.updated data', datasetProperties, datasetRequired),
    data: () => dataset('uploaded', { name: 'My Renamed Dataset' }),
  },
  'dataset.deleted': {
    schema: deletedSchema('dataset.deleted data', 'ds', { project_id: idOf('proj') }),
    data: () => ({ id: freshId('ds'), project_id: freshId('proj'), deleted_at: isoNow() }),
  },
  'dataset.processed': {
    schema: dataSchema(
      'dataset.processed data',
      { ...datasetProperties, row_count: count, column_count: count, size_bytes: count, processed_at: dateTime },
      [...datasetRequired, 'row_count', 'processed_at'],
    ),
    data: () => dataset('processed', { row_count: 10000, column_count: 12, size_bytes: 2048576, processed_at: isoNow() }),
  },
};

export const EVENT_CATALOG: readonly EventCatalogEntry[] = EVENT_TYPES.map((entry) => {
  const definition = DEFINITIONS[entry.type];
  return {
    type: entry.type,
    category: entry.category,
    description: entry.description,
    schema: definition.schema,
    template: () => ({ event: entry.type, data: definition.data() }),
  };
});

export function catalogEntry(type: string): EventCatalogEntry | undefined {
  return EVENT_CATALOG.find((entry) => entry.type === type);
}

/** A fresh `{event, data}` payload for a known event type; undefined for an unknown one. */
export function eventTemplate(type: string): EventPayload | undefined {
  return catalogEntry(type)?.template();
}

/** JSON Schema of a whole payload `{event, data}` of one type (what Monaco validates a compose body with). */
export function payloadSchema(type: EventType): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${type} payload`,
    type: 'object',
    properties: { event: { type: 'string', enum: [type] }, data: DEFINITIONS[type].schema },
    required: ['event', 'data'],
    additionalProperties: true,
  };
}

/**
 * Checks a parsed body against the catalog: is it `{event, data}`, is the event type one of
 * the guide's 16, and does `data` have the documented fields with the documented types.
 */
export function checkEventPayload(payload: unknown): EventConformance {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { event_type_known: false, issues: [{ path: '', message: 'The body must be a JSON object {"event": ..., "data": {...}}.' }] };
  }
  const record = payload as Record<string, unknown>;
  const issues: SchemaIssue[] = [];
  const event = record.event;
  if (typeof event !== 'string') {
    issues.push({
      path: 'event',
      message: event === undefined ? 'The body is missing the required field "event".' : 'event must be a string.',
    });
  }
  const known = typeof event === 'string' && isEventType(event);
  if (typeof event === 'string' && !known) {
    issues.push({
      path: 'event',
      message: `Unknown event type "${event}"; the guide defines ${EVENT_TYPES.length} types such as "project.created" and "model.trained".`,
    });
  }
  if (!('data' in record)) {
    issues.push({ path: 'data', message: 'The body is missing the required field "data".' });
  } else if (known) {
    issues.push(...checkSchema(record.data, DEFINITIONS[event].schema, 'data'));
  } else if (record.data === null || typeof record.data !== 'object' || Array.isArray(record.data)) {
    issues.push({ path: 'data', message: 'data must be an object.' });
  }
  return { event_type_known: known, issues };
}
