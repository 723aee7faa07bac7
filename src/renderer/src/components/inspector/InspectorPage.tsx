import { useStore } from '../../store';
import { CaptureDetail } from '../detail/CaptureDetail';
import { CaptureList } from './CaptureList';
import { EmptyState } from './EmptyState';
import { ListToolbar } from './ListToolbar';

export function InspectorPage() {
  const hasCaptures = useStore((s) => s.captures.length > 0);
  // A search that matches nothing still shows the list (and the box to change it); only an empty history is empty.
  const historyEmpty = useStore((s) => s.total === 0);
  const listStatus = useStore((s) => s.listStatus);
  const listError = useStore((s) => s.listError);

  if (!hasCaptures && (historyEmpty || listStatus !== 'loaded')) {
    if (listStatus === 'loaded') return <EmptyState />;
    return (
      <div className="page-message" data-testid="list-status">
        {listStatus === 'error' ? `Could not load captures: ${listError ?? 'unknown error'}` : 'Loading captures…'}
      </div>
    );
  }

  return (
    <div className="inspector">
      <section className="list-pane" aria-label="Captures">
        <ListToolbar />
        <CaptureList />
      </section>
      <section className="detail-pane" aria-label="Capture detail">
        <CaptureDetail />
      </section>
    </div>
  );
}
