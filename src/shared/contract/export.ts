/** Copy as cURL, export as HAR or JSON, import HAR. */
import { CapturedRequest } from './captures';
import { Data, NumericIdParams, StringEnum, Type, type Static, type TSchema } from './schema';
import { defineOperation } from './operation';

/** The HTTP method token (RFC 9110), as sends and HAR entries name it. */
const Method = Type.String({ minLength: 1, maxLength: 32, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" });

/** Data of GET /api/requests/:id/curl. */
export const CurlCommand = Type.Object({ command: Type.String({ description: 'A bash + curl command that resends the exact bytes.' }) });
export type CurlCommand = Static<typeof CurlCommand>;

/** Data of POST /api/requests/import. */
export const ImportResult = Type.Object({
  imported: Type.Integer(),
  ids: Type.Array(Type.Integer(), { description: 'The new captures, in the order of the entries.' }),
});
export type ImportResult = Static<typeof ImportResult>;

/** The document of GET /api/requests/export.json. */
export const CaptureExport = Type.Object({
  hookscope_export: Type.Literal(1),
  exported_at: Type.String(),
  requests: Type.Array(CapturedRequest),
});
export type CaptureExport = Static<typeof CaptureExport>;

export const EXPORT_FORMATS = ['har', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** At most this many captures per export. */
export const MAX_EXPORT_IDS = 1000;

const ExportQuery = Type.Object(
  {
    ids: Type.String({
      pattern: `^[0-9]{1,15}(,[0-9]{1,15}){0,${MAX_EXPORT_IDS - 1}}$`,
      description: `Capture ids, comma-separated (at most ${MAX_EXPORT_IDS}).`,
    }),
  },
  { additionalProperties: false },
);

const ExportBody = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: MAX_EXPORT_IDS }),
    format: Type.Optional(StringEnum(EXPORT_FORMATS, { description: 'Default `har`.' })),
  },
  { additionalProperties: false },
);

const HarNameValue = Type.Object({ name: Type.String(), value: Type.String() });

/** Enough of HAR 1.2 to rebuild a capture; everything else in the document is ignored (and allowed). */
export const HarImportDocument = Type.Object({
  log: Type.Object({
    entries: Type.Array(
      Type.Object({
        startedDateTime: Type.Optional(Type.String()),
        time: Type.Optional(Type.Number()),
        request: Type.Object({
          method: Method,
          url: Type.String({ minLength: 1 }),
          httpVersion: Type.Optional(Type.String()),
          headers: Type.Optional(Type.Array(HarNameValue)),
          postData: Type.Optional(
            Type.Object({
              mimeType: Type.Optional(Type.String()),
              text: Type.Optional(Type.String()),
              encoding: Type.Optional(Type.String()),
            }),
          ),
        }),
        response: Type.Optional(
          Type.Object({
            status: Type.Optional(Type.Integer()),
            headers: Type.Optional(Type.Array(HarNameValue)),
            content: Type.Optional(
              Type.Object({
                text: Type.Optional(Type.String()),
                encoding: Type.Optional(Type.String()),
                mimeType: Type.Optional(Type.String()),
              }),
            ),
          }),
        ),
      }),
      { maxItems: 10000 },
    ),
  }),
});
export type HarImportDocument = Static<typeof HarImportDocument>;

/** A HAR 1.2 document, as far as the OpenAPI document describes it. */
const HarDocument = Type.Object({ log: Type.Object({}, { additionalProperties: true }) }, { additionalProperties: true });

const exportFile = (format: string, documents: TSchema) => ({
  raw: ['application/json'],
  documents,
  description: `${format}, as an attachment (\`Content-Disposition: attachment; filename="hookscope-<time>.<ext>"\`).`,
});

const tags = ['outbound'];

export const getCurl = defineOperation({
  method: 'GET',
  url: '/api/requests/:id/curl',
  operationId: 'getCurl',
  summary: '`{"data": {"command"}}`: a bash + curl command that resends the exact bytes (to `?url=` when given)',
  tags,
  params: NumericIdParams,
  querystring: Type.Object(
    { url: Type.Optional(Type.String({ minLength: 1, maxLength: 8192, description: "An http(s) URL instead of the capture's own." })) },
    { additionalProperties: false },
  ),
  responses: { 200: Data(CurlCommand) },
});

export const exportHar = defineOperation({
  method: 'GET',
  url: '/api/requests/export.har',
  operationId: 'exportHar',
  summary: 'a HAR 1.2 file of the captures `?ids=1,2`',
  tags,
  querystring: ExportQuery,
  responses: { 200: exportFile('A HAR 1.2 document', HarDocument) },
});

export const exportJson = defineOperation({
  method: 'GET',
  url: '/api/requests/export.json',
  operationId: 'exportJson',
  summary:
    'the captures `?ids=1,2` as Hookscope JSON: `{hookscope_export: 1, exported_at, requests: [...]}`, each capture with its whole `body_base64`',
  tags,
  querystring: ExportQuery,
  responses: { 200: exportFile('A Hookscope JSON export `{hookscope_export, exported_at, requests}`', CaptureExport) },
});

export const exportRequests = defineOperation({
  method: 'POST',
  url: '/api/requests/export',
  operationId: 'exportRequests',
  summary: '`{ids, format?: "har" | "json"}`: the same files, for lists too long for a URL',
  tags,
  body: ExportBody,
  responses: { 200: exportFile('A HAR 1.2 document or a Hookscope JSON export', Type.Union([HarDocument, CaptureExport])) },
});

export const importHar = defineOperation({
  method: 'POST',
  url: '/api/requests/import',
  operationId: 'importHar',
  summary: 'a HAR document → captures marked `imported` (201 `{"data": {imported, ids}}`)',
  tags,
  body: HarImportDocument,
  responses: { 201: Data(ImportResult) },
});
