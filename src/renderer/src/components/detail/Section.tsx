import type { ReactNode } from 'react';
import { useSectionOpen } from './use-section-open';
import { cx } from '../../lib/cx';
import styles from './Section.module.css';

interface SectionProps {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Makes the section collapsible under this id; its open state is remembered (see use-section-open). */
  collapseId?: string;
  /** Open until the user closes it (only with collapseId). */
  defaultOpen?: boolean;
}

export function Section(props: SectionProps) {
  return props.collapseId === undefined ? (
    <SectionFrame {...props} open />
  ) : (
    <CollapsibleSection {...props} collapseId={props.collapseId} />
  );
}

function CollapsibleSection(props: SectionProps & { collapseId: string }) {
  const [open, setOpen] = useSectionOpen(props.collapseId, props.defaultOpen ?? true);
  return <SectionFrame {...props} open={open} onToggle={() => setOpen(!open)} />;
}

function SectionFrame({ title, aside, children, testId, open, onToggle }: SectionProps & { open: boolean; onToggle?: () => void }) {
  return (
    <section className={cx(styles.section, !open && styles.closed)} data-testid={testId} data-open={onToggle ? open : undefined}>
      <header className={styles.header}>
        {onToggle ? (
          <h3>
            <button
              type="button"
              className={styles.toggle}
              aria-expanded={open}
              data-testid={testId ? `${testId}-toggle` : undefined}
              title={open ? 'Collapse (remembered for every capture)' : 'Expand (remembered for every capture)'}
              onClick={onToggle}
            >
              <span className={styles.chevron} aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
              {title}
            </button>
          </h3>
        ) : (
          <h3>{title}</h3>
        )}
        {aside}
      </header>
      {/* Closed sections render nothing: the signed content and schema findings cost nothing while hidden. */}
      {open && <div className={styles.body}>{children}</div>}
    </section>
  );
}
