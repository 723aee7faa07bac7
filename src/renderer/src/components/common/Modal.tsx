import { useEffect, type ReactNode } from 'react';

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
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className={`modal${wide ? ' modal-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="modal-close" aria-label="Close" data-testid={`${testId}-close`} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
