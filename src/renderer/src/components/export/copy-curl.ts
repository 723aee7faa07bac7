import { exportApi } from '../../api/export-api';
import { copyText } from '../../lib/clipboard';
import { useStore } from '../../store';

/** Copies the engine's cURL command for a capture (exact bytes) and says how it went; the button and the `c` key. */
export async function copyCaptureAsCurl(id: number): Promise<void> {
  const { notify, notifyError } = useStore.getState();
  try {
    const { command } = await exportApi.curl(id);
    if (await copyText(command)) notify('info', `Copied capture #${id} as a cURL command (exact bytes, --data-binary).`);
    else notify('error', 'Could not write to the clipboard.');
  } catch (error) {
    notifyError('Could not build the cURL command', error);
  }
}
