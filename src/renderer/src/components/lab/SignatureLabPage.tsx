import { useEffect, useState } from 'react';
import { useStore } from '../../store';
import { Section } from '../detail/Section';
import { HeaderListEditor } from './HeaderListEditor';
import { LabBodyEditor } from './LabBodyEditor';
import { LabResult } from './LabResult';
import { LabSettings } from './LabSettings';
import { LabToolbar } from './LabToolbar';
import { RawRequestPaste } from './RawRequestPaste';
import { LabScheme } from './LabScheme';
import { SignPanel } from './SignPanel';
import { SnippetsPanel } from './SnippetsPanel';
import styles from './Lab.module.css';

/** Compare signatures side by side: inputs on the left, the verdict and its explanation on the right. */
export function SignatureLabPage() {
  const schemesStatus = useStore((s) => s.schemesStatus);
  const loadSchemes = useStore((s) => s.loadSchemes);
  const reverify = useStore((s) => s.reverifyLab);
  const whatIf = useStore((s) => s.labMode === 'what-if');
  const headerCount = useStore((s) => s.labInputs.headers.length);
  const [pasting, setPasting] = useState(false);

  useEffect(() => {
    if (schemesStatus === 'idle') void loadSchemes();
    // What the Lab sends depends on the scheme's descriptor (its URL, its timestamp header).
    if (schemesStatus === 'loaded') reverify();
  }, [schemesStatus, loadSchemes, reverify]);

  const pasteButton = !whatIf && !pasting && (
    <button type="button" className="button button-small" data-testid="lab-paste-toggle" onClick={() => setPasting(true)}>
      Paste request…
    </button>
  );

  return (
    <div className={styles.lab} data-testid="signature-lab">
      <LabToolbar />
      <div className={styles.labColumns}>
        <div className={styles.labColumn} aria-label="Inputs">
          <Section title="Scheme" testId="lab-scheme-section">
            <LabScheme />
          </Section>
          <Section title="Settings" testId="lab-settings">
            <LabSettings />
          </Section>
          <Section title={`Headers (${headerCount})`} aside={pasteButton} testId="lab-headers-section">
            {pasting && !whatIf && <RawRequestPaste onDone={() => setPasting(false)} />}
            <HeaderListEditor />
          </Section>
          <Section title="Body" testId="lab-body">
            <LabBodyEditor />
          </Section>
        </div>
        <div className={styles.labColumn} aria-label="Result">
          <LabResult />
          <SignPanel />
          <SnippetsPanel />
        </div>
      </div>
    </div>
  );
}
