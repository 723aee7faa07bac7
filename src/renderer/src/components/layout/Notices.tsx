import { useEffect } from 'react';
import { useStore } from '../../store';
import type { Notice } from '../../store/connection-slice';

const INFO_LIFETIME_MS = 4_000;

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useStore((s) => s.dismissNotice);
  useEffect(() => {
    // Confirmations fade on their own; errors stay until read.
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => dismiss(notice.id), INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div className={`notice notice-${notice.kind}`} data-testid="notice" data-kind={notice.kind}>
      <span>{notice.message}</span>
      <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

/** Errors from actions (delete failed, …) that have no inline place to show, and confirmations. */
export function Notices() {
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
