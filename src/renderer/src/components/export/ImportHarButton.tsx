import { useRef } from 'react';
import { exportApi } from '../../api/export-api';
import { useStore } from '../../store';

/** Imports a HAR file's requests as captures (they arrive through the live stream). */
export function ImportHarButton() {
  const input = useRef<HTMLInputElement | null>(null);
  const notify = useStore((s) => s.notify);
  const notifyError = useStore((s) => s.notifyError);

  const importFile = async (file: File) => {
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch (error) {
      notify('error', `“${file.name}” is not a HAR file: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    try {
      const result = await exportApi.importHar(document);
      notify('info', `Imported ${result.imported} ${result.imported === 1 ? 'request' : 'requests'} from “${file.name}”.`);
    } catch (error) {
      notifyError(`Could not import “${file.name}”`, error);
    }
  };

  return (
    <>
      <button type="button" className="button button-small" data-testid="import-har" onClick={() => input.current?.click()}>
        Import HAR
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,application/json"
        hidden
        data-testid="import-har-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
