import { useRef } from 'react';
import { useStore } from '../../store';
import { CaptureDetail } from '../detail/CaptureDetail';
import { CaptureList } from './CaptureList';
import { EmptyState } from './EmptyState';
import { ListToolbar } from './ListToolbar';
import { MIN_DETAIL_PX, SplitSeparator, useListWidth } from './SplitSeparator';
import { DETAIL_PANE_ID } from '../keyboard/targets';
import styles from './Inspector.module.css';

export function InspectorPage() {
  const hasCaptures = useStore((s) => s.captures.length > 0);
  // A search that matches nothing still shows the list (and the box to change it); only an empty history is empty.
  const historyEmpty = useStore((s) => s.total === 0);
  const listStatus = useStore((s) => s.listStatus);
  const listError = useStore((s) => s.listError);
  const { width: listWidth, update: setListWidth } = useListWidth();
  const inspectorRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLElement>(null);

  if (!hasCaptures && (historyEmpty || listStatus !== 'loaded')) {
    if (listStatus === 'loaded') return <EmptyState />;
    return (
      <div className="page-message" data-testid="list-status">
        {listStatus === 'error' ? `Could not load captures: ${listError ?? 'unknown error'}` : 'Loading captures…'}
      </div>
    );
  }

  // A chosen width still yields to the detail's minimum when the window is made smaller.
  const columns = listWidth === null ? undefined : `min(${listWidth}px, max(0px, 100% - ${MIN_DETAIL_PX}px)) auto minmax(0, 1fr)`;
  return (
    <div className={styles.inspector} ref={inspectorRef} style={columns ? { gridTemplateColumns: columns } : undefined}>
      <section className={styles.listPane} aria-label="Captures" ref={listRef} data-testid="list-pane">
        <ListToolbar />
        <CaptureList />
      </section>
      <SplitSeparator containerRef={inspectorRef} listRef={listRef} onChange={setListWidth} />
      <section className={styles.detailPane} id={DETAIL_PANE_ID} aria-label="Capture detail">
        <CaptureDetail />
      </section>
    </div>
  );
}
