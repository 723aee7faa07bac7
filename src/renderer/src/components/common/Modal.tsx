import { useEffect, type ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './Modal.module.css';

interface ModalProps {
  title: string;
  onClose: () => void;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}

/** A dialog over the page; Escape or the backdrop closes it. */
export function Modal({ title, onClose, testId, wide = false, children }: ModalProps) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Editors handle their own Escape (closing a suggestion list) and mark it handled.
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className={styles.modalBackdrop} onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className={cx(styles.modal, wide && styles.modalWide)} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className={styles.modalHeader}>
          <h2>{title}</h2>
          <button type="button" className={styles.modalClose} aria-label="Close" data-testid={`${testId}-close`} onClick={onClose}>
            ×
          </button>
        </header>
        <div className={styles.modalBody}>{children}</div>
      </div>
    </div>
  );
}
