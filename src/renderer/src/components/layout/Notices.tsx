import { useEffect, useState } from 'react';
import { useStore } from '../../store';
import type { Notice } from '../../store/connection-slice';
import { cx } from '../../lib/cx';
import styles from './Notices.module.css';

/** Confirmations fade quickly; errors stay long enough to be read (and while the pointer is on them). */
export const NOTICE_LIFETIME_MS: Record<Notice['kind'], number> = { info: 4_000, error: 10_000 };

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useStore((s) => s.dismissNotice);
  const [hovered, setHovered] = useState(false);
  useEffect(() => {
    // A notice with an action (Undo) lives as long as its action means something: its owner dismisses it.
    if (hovered || notice.action) return;
    const timer = setTimeout(() => dismiss(notice.id), NOTICE_LIFETIME_MS[notice.kind]);
    return () => clearTimeout(timer);
  }, [notice, dismiss, hovered]);

  return (
    <div
      className={cx(styles.notice, notice.kind === 'error' && styles.noticeError)}
      data-testid="notice"
      data-kind={notice.kind}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <span>{notice.message}</span>
      {notice.action && (
        <button type="button" className={cx('button button-small', styles.action)} data-testid="notice-action" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      )}
      <button type="button" className={styles.close} aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
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
    <div className={styles.notices} aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
