import type { StorageProblem } from '../../../../shared/api';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './Notices.module.css';

const STORAGE_WORDS: Record<StorageProblem['reason'], string> = {
  disk_full: 'the disk is full',
  read_only: 'the history file has become read-only',
  database_error: 'the database answers with an error',
};

/** Says loudly when the engine cannot be reached or cannot store: silent staleness is worse than an error. */
export function ConnectionBanner() {
  const status = useStore((s) => s.connectionStatus);
  const storage = useStore((s) => s.storageProblem);
  if (status === 'unreachable') {
    return (
      <div className={cx(styles.banner, styles.bannerError)} role="alert" data-testid="engine-unreachable">
        Engine unreachable — retrying. Captures shown may be out of date.
      </div>
    );
  }
  if (status === 'unauthorized') {
    return (
      <div className={cx(styles.banner, styles.bannerError)} role="alert" data-testid="engine-unauthorized">
        This session is not authorized (the engine may have restarted with a new token). Open the launch URL printed by Hookscope again.
      </div>
    );
  }
  if (storage !== null) {
    return (
      <div
        className={cx(styles.banner, styles.bannerError)}
        role="alert"
        data-testid="storage-degraded"
        data-reason={storage.reason}
        title={storage.message}
      >
        Captures are not being stored: {STORAGE_WORDS[storage.reason]} (since {new Date(storage.since).toLocaleTimeString()}). Senders get a
        500 until Hookscope can write again; nothing stored so far is lost.
      </div>
    );
  }
  return null;
}
