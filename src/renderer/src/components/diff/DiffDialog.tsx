import { useEffect, useState } from 'react';
import { captureBodyBase64 } from '../../api/body-api';
import { controlApi } from '../../api/control-api';
import { describeError } from '../../api/errors';
import { sendApi } from '../../api/send-api';
import { diffDocument, orderByTime, sideOfCapture, sideOfSent, type DiffBodyView, type DiffSide } from '../../lib/diff-document';
import { formatDateTime } from '../../lib/format';
import { DiffView } from '../../monaco/DiffView';
import { useStore } from '../../store';
import type { DiffRef } from '../../store/diff-slice';
import { Modal } from '../common/Modal';
import styles from './Diff.module.css';

async function loadSide(ref: DiffRef): Promise<DiffSide> {
  if (ref.kind === 'sent') return sideOfSent(await sendApi.getSent(ref.id));
  const detail = await controlApi.getRequest(ref.id);
  return sideOfCapture(detail, await captureBodyBase64(detail));
}

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'loaded'; left: DiffSide; right: DiffSide };

/** Two captures or sends side by side in Monaco's diff editor: request line, headers, body. */
export function DiffDialog() {
  const pair = useStore((s) => s.diffPair);
  const closeDiff = useStore((s) => s.closeDiff);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [view, setView] = useState<DiffBodyView>('pretty');
  const [sideBySide, setSideBySide] = useState(true);

  useEffect(() => {
    if (!pair) return;
    let current = true;
    setLoaded({ status: 'loading' });
    Promise.all([loadSide(pair[0]), loadSide(pair[1])]).then(
      (sides) => {
        if (!current) return;
        const [left, right] = orderByTime(...sides);
        setLoaded({ status: 'loaded', left, right });
      },
      (error: unknown) => current && setLoaded({ status: 'error', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [pair]);

  if (!pair) return null;
  const title = loaded.status === 'loaded' ? `${loaded.left.label} ↔ ${loaded.right.label}` : 'Compare';

  return (
    <Modal title={title} onClose={closeDiff} testId="diff-dialog" wide>
      <div className={styles.diffToolbar}>
        <span className="muted" data-testid="diff-sides">
          Request line, headers (in their order and case) and body.{' '}
          {loaded.status === 'loaded' && (
            <>
              Left (older): {loaded.left.label} · {formatDateTime(loaded.left.time)}; right (newer): {loaded.right.label} ·{' '}
              {formatDateTime(loaded.right.time)}.
            </>
          )}
        </span>
        <span className="spacer" />
        <label className="switch">
          <input
            type="checkbox"
            data-testid="diff-raw"
            checked={view === 'raw'}
            onChange={(e) => setView(e.target.checked ? 'raw' : 'pretty')}
          />
          <span>Raw body bytes</span>
        </label>
        <label className="switch">
          <input type="checkbox" checked={sideBySide} onChange={(e) => setSideBySide(e.target.checked)} />
          <span>Side by side</span>
        </label>
      </div>
      {loaded.status === 'loading' && <div className="page-message">Loading…</div>}
      {loaded.status === 'error' && (
        <div className="page-message text-bad" data-testid="diff-error">
          {loaded.message}
        </div>
      )}
      {loaded.status === 'loaded' && (
        <div className={styles.diffEditor} data-testid="diff-editor">
          <DiffView
            original={diffDocument(loaded.left, view)}
            modified={diffDocument(loaded.right, view)}
            language="plaintext"
            sideBySide={sideBySide}
          />
        </div>
      )}
    </Modal>
  );
}
