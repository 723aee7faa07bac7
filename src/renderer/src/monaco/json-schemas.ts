/**
 * Which JSON Schema validates which editor model. Monaco's JSON service takes one global list
 * of schemas (matched to models by URI), so every editor that attaches a schema goes through
 * here, and detaching one never drops another editor's.
 */
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';

interface Attachment {
  schemaUri: string;
  schema: unknown;
}

const attachments = new Map<string, Attachment>();

function apply(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    // A webhook body with comments or trailing commas is not JSON: say so.
    allowComments: false,
    trailingCommas: 'error',
    comments: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [...attachments.entries()].map(([modelUri, { schemaUri, schema }]) => ({
      uri: schemaUri,
      fileMatch: [modelUri],
      schema: schema as Record<string, never>,
    })),
  });
}

/** Validates the model at `modelUri` against `schema` (with completion and hovers from it). Returns a detach function. */
export function attachSchema(modelUri: string, schemaUri: string, schema: unknown): () => void {
  attachments.set(modelUri, { schemaUri, schema });
  apply();
  return () => {
    if (attachments.get(modelUri)?.schema !== schema) return;
    attachments.delete(modelUri);
    apply();
  };
}
