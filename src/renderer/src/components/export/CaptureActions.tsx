import { useState } from 'react';
import type { RequestDetail } from '../../../../shared/api';
import { exportUrl, sendApi } from '../../api/send-api';
import { copyText } from '../../lib/clipboard';
import { downloadFrom } from '../../lib/download';
import { useStore } from '../../store';
import { CompareButton } from '../diff/CompareButton';
import { ReplayDialog } from '../replay/ReplayDialog';

/** The capture's outbound actions: replay, compare, copy as cURL, export. */
export function CaptureActions({ detail }: { detail: RequestDetail }) {
  const notify = useStore((s) => s.notify);
  const notifyError = useStore((s) => s.notifyError);
  const [replaying, setReplaying] = useState(false);

  const copyCurl = async () => {
    try {
      const { command } = await sendApi.curl(detail.id);
      if (await copyText(command)) notify('info', `Copied capture #${detail.id} as a cURL command (exact bytes, --data-binary).`);
      else notify('error', 'Could not write to the clipboard.');
    } catch (error) {
      notifyError('Could not build the cURL command', error);
    }
  };

  const download = (format: 'har' | 'json') => {
    downloadFrom(exportUrl([detail.id], format), `capture-${detail.id}.${format}`).catch((error: unknown) =>
      notifyError(`Could not export as ${format.toUpperCase()}`, error),
    );
  };

  return (
    <>
      <button type="button" className="button button-small button-primary" data-testid="replay-open" onClick={() => setReplaying(true)}>
        Replay
      </button>
      <CompareButton target={{ kind: 'capture', id: detail.id }} />
      <button type="button" className="button button-small" data-testid="copy-curl" onClick={() => void copyCurl()}>
        Copy as cURL
      </button>
      <button type="button" className="button button-small" data-testid="export-har" title="Export this capture as a HAR file" onClick={() => download('har')}>
        HAR
      </button>
      <button type="button" className="button button-small" data-testid="export-json" title="Export this capture as Hookscope JSON (exact bytes, verification)" onClick={() => download('json')}>
        JSON
      </button>
      {replaying && <ReplayDialog detail={detail} onClose={() => setReplaying(false)} />}
    </>
  );
}
