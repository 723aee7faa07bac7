import type { RequestDetail } from '../../../../shared/api';
import { exportUrl } from '../../api/export-api';
import { downloadFrom } from '../../lib/download';
import { useStore } from '../../store';
import { CompareButton } from '../diff/CompareButton';
import { ReplayDialog } from '../replay/ReplayDialog';
import { copyCaptureAsCurl } from './copy-curl';

/** The capture's outbound actions: replay, compare, copy as cURL, export. */
export function CaptureActions({ detail }: { detail: RequestDetail }) {
  const notifyError = useStore((s) => s.notifyError);
  // In the store, so the `r` key opens the same dialog as the button.
  const replaying = useStore((s) => s.replayOpen);
  const setReplaying = useStore((s) => s.setReplayOpen);

  const download = (format: 'har' | 'json') => {
    downloadFrom(exportUrl([detail.id], format), `capture-${detail.id}.${format}`).catch((error: unknown) =>
      notifyError(`Could not export as ${format.toUpperCase()}`, error),
    );
  };

  return (
    <>
      <button
        type="button"
        className="button button-small button-primary"
        data-testid="replay-open"
        title="Replay this capture (R)"
        onClick={() => setReplaying(true)}
      >
        Replay
      </button>
      <CompareButton target={{ kind: 'capture', id: detail.id }} />
      <button
        type="button"
        className="button button-small"
        data-testid="copy-curl"
        title="Copy as a cURL command with the exact bytes (C)"
        onClick={() => void copyCaptureAsCurl(detail.id)}
      >
        Copy as cURL
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid="export-har"
        title="Export this capture as a HAR file"
        onClick={() => download('har')}
      >
        HAR
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid="export-json"
        title="Export this capture as Hookscope JSON (exact bytes, verification)"
        onClick={() => download('json')}
      >
        JSON
      </button>
      {replaying && <ReplayDialog detail={detail} onClose={() => setReplaying(false)} />}
    </>
  );
}
