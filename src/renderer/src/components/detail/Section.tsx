import type { ReactNode } from 'react';
import { useSectionOpen } from './use-section-open';

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
    <section className={`section${open ? '' : ' section-closed'}`} data-testid={testId} data-open={onToggle ? open : undefined}>
      <header className="section-header">
        {onToggle ? (
          <h3>
            <button
              type="button"
              className="section-toggle"
              aria-expanded={open}
              data-testid={testId ? `${testId}-toggle` : undefined}
              title={open ? 'Collapse (remembered for every capture)' : 'Expand (remembered for every capture)'}
              onClick={onToggle}
            >
              <span className="section-chevron" aria-hidden="true">
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
      {open && <div className="section-body">{children}</div>}
    </section>
  );
}
