import { formatDateTime } from '../../lib/format';
import { useStore } from '../../store';
import type { LabMode } from '../../store/lab-slice';
import styles from './Lab.module.css';

const MODES: Array<{ mode: LabMode; label: string; title: string }> = [
  {
    mode: 'what-if',
    label: 'What if (stored request)',
    title: 'Re-verify the stored headers and bytes with other settings; nothing stored changes',
  },
  { mode: 'edit', label: 'Edit request', title: 'Edit headers and body freely and verify what you typed' },
];

/** Where the inputs came from, and for a capture, whether to verify it as stored or as edited. */
export function LabToolbar() {
  const source = useStore((s) => s.labSource);
  const mode = useStore((s) => s.labMode);
  const setMode = useStore((s) => s.setLabMode);
  const startFromScratch = useStore((s) => s.startLabFromScratch);

  return (
    <div className={styles.labToolbar} data-testid="lab-toolbar">
      <h2>Signature Lab</h2>
      <span className={styles.labSource} data-testid="lab-source" data-kind={source.kind}>
        {source.kind === 'capture' ? (
          <>
            Capture <strong>#{source.id}</strong> · {source.method} {source.target} · received {formatDateTime(source.receivedAt)}
            {source.endpointLabel && <> · {source.endpointLabel}</>}
          </>
        ) : (
          'From scratch'
        )}
      </span>
      <span className="spacer" />
      {source.kind === 'capture' && (
        <div className="tabs lab-modes" role="tablist" aria-label="Lab mode">
          {MODES.map((item) => (
            <button
              key={item.mode}
              type="button"
              role="tab"
              aria-selected={mode === item.mode}
              className={`tab${mode === item.mode ? ' tab-active' : ''}`}
              data-testid={`lab-mode-${item.mode}`}
              title={item.title}
              onClick={() => setMode(item.mode)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      <button type="button" className="button button-small" data-testid="lab-scratch" onClick={startFromScratch}>
        Start from scratch
      </button>
    </div>
  );
}
