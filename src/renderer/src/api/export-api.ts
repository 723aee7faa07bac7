import { exportHar, exportJson, getCurl, importHar, type ExportFormat, type HarImportDocument } from '../../../shared/contract/export';
import { api } from './http';

/** Copy as cURL, export, import: the control API's export operations. */
export const exportApi = {
  curl: (captureId: number) => api.data(getCurl, { params: { id: String(captureId) } }),
  /** A file's parsed JSON, whatever it holds: the engine checks it is HAR and names what is not. */
  importHar: (document: unknown) => api.data(importHar, { body: document as HarImportDocument }),
};

/** Where an export of these captures downloads from (same origin; lib/download.ts adds the token). */
export function exportUrl(ids: readonly number[], format: ExportFormat): string {
  return api.url(format === 'har' ? exportHar : exportJson, { query: { ids: ids.join(',') } });
}
