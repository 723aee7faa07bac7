import { useStore } from '../../store';
import { MethodTag } from '../common/MethodTag';
import { PinButton } from '../common/PinButton';
import { BodyViewer } from './BodyViewer';
import { HeadersTable } from './HeadersTable';
import { OverviewSection } from './OverviewSection';
import { VerificationPanel } from './VerificationPanel';
import { OpenInLabButton } from '../lab/OpenInLabButton';
import { ConformancePanel } from './ConformancePanel';
import { ForwardPanel } from './ForwardPanel';
import { CaptureActions } from '../export/CaptureActions';
import { DetailSummary } from './DetailSummary';
import { DETAIL_SCROLL_ID } from '../keyboard/targets';
import { HandshakePanel } from './HandshakePanel';
import { SnsConfirmPanel } from './SnsConfirmPanel';
import { snsConfirmationOf } from '../../../../shared/sns';
import { base64ToBytes, decodeUtf8Lossy } from '../../lib/bytes';
import styles from './CaptureDetail.module.css';

export function CaptureDetail() {
  const detail = useStore((s) => s.detail);
  const status = useStore((s) => s.detailStatus);
  const error = useStore((s) => s.detailError);
  const deleteCapture = useStore((s) => s.deleteCapture);
  const deleteWithUndo = useStore((s) => s.deleteWithUndo);
  const inList = useStore((s) => s.captures.some((row) => row.id === s.selectedId));
  // The list row is kept current by the live stream; a capture outside the (filtered) list has its detail's.
  const rowPinned = useStore((s) => s.captures.find((row) => row.id === s.selectedId)?.pinned);

  if (status === 'idle') return <div className="page-message">Select a capture to inspect it.</div>;
  if (status === 'loading' && !detail) return <div className="page-message">Loading…</div>;
  if (!detail) {
    return (
      <div className="page-message" data-testid="detail-error">
        {error ?? 'Could not load this capture.'}
      </div>
    );
  }

  const fullPath = detail.query ? `${detail.path}?${detail.query}` : detail.path;
  const bodyBase64 = detail.body_base64;
  const sns = bodyBase64 === null ? null : snsConfirmationOf(detail.headers, () => decodeUtf8Lossy(base64ToBytes(bodyBase64)));
  const pinned = rowPinned ?? detail.pinned ?? false;
  return (
    <div className={styles.detail} data-testid="capture-detail" data-capture-id={detail.id}>
      <div className={styles.header}>
        <PinButton id={detail.id} pinned={pinned} />
        <MethodTag method={detail.method} />
        <span className={styles.path} title={fullPath}>
          {fullPath}
        </span>
        <span className="muted">#{detail.id}</span>
        {detail.handshake && (
          <span className="tag" data-testid="detail-handshake-tag" title={`Answered by Hookscope: ${detail.handshake}`}>
            handshake
          </span>
        )}
        {detail.imported && (
          <span className="tag tag-imported" data-testid="detail-imported-tag">
            imported
          </span>
        )}
        <CaptureActions detail={detail} />
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="delete-capture"
          title="Delete this capture (Delete key); Undo in the notice for a few seconds"
          // As the key does; a capture the (filtered) list does not show has no row to hide and restore.
          onClick={() => (inList ? deleteWithUndo(detail.id) : void deleteCapture(detail.id))}
        >
          Delete
        </button>
      </div>
      <DetailSummary detail={detail} />
      {/* Body and headers first, so they are on screen as soon as a capture is selected; the rest folds. */}
      {/* Enter focuses it (keyboard), so arrows and Page Up/Down then scroll the detail. */}
      <div className={styles.scroll} id={DETAIL_SCROLL_ID} tabIndex={-1} data-testid="detail-scroll">
        {detail.handshake && (
          <HandshakePanel
            name={detail.handshake}
            response={detail.response}
            endpointId={detail.endpoint_id}
            unsigned={detail.verification.reason === 'missing_header'}
          />
        )}
        {sns && <SnsConfirmPanel key={detail.id} id={detail.id} confirmation={sns} />}
        <BodyViewer key={detail.id} detail={detail} />
        <HeadersTable headers={detail.headers} />
        <VerificationPanel verification={detail.verification} action={<OpenInLabButton detail={detail} />} />
        <OverviewSection detail={detail} />
        {detail.forward && <ForwardPanel forward={detail.forward} response={detail.response} />}
        {detail.conformance && <ConformancePanel conformance={detail.conformance} event={detail.event} />}
      </div>
    </div>
  );
}
