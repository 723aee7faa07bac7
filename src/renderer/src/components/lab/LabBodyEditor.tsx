import { useMemo } from 'react';
import { base64ToBytes, utf8ToBase64 } from '../../lib/bytes';
import { normalizeForEditor, toEditorText } from '../../lib/editor-text';
import { formatBytes } from '../../lib/format';
import { BodyEditor } from '../../monaco/BodyEditor';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

/**
 * The body in Monaco, editable as text. The exact bytes stay the source of truth: a body the
 * editor cannot round-trip (invalid UTF-8, a BOM, mixed line endings) is shown read-only until the
 * user chooses to edit it as text.
 */
export function LabBodyEditor() {
  const bodyBase64 = useStore((s) => s.labInputs.bodyBase64);
  const whatIf = useStore((s) => s.labMode === 'what-if');
  const update = useStore((s) => s.updateLabInputs);
  const generation = useStore((s) => s.labGeneration);
  const bytes = useMemo(() => base64ToBytes(bodyBase64), [bodyBase64]);
  const view = useMemo(() => toEditorText(bytes), [bytes]);
  const setText = (text: string) => update({ bodyBase64: utf8ToBase64(text) });
  const editable = view.editable && !whatIf;

  return (
    <div className="lab-body">
      <div className={styles.labBodyMeta}>
        <span className="muted" data-testid="lab-body-size">
          {bytes.length} bytes{bytes.length >= 1024 ? ` (${formatBytes(bytes.length)})` : ''}
        </span>
        {whatIf && <span className="muted">The stored bytes; switch to Edit request to change them.</span>}
        {!view.editable && (
          <>
            <span className="text-warn" data-testid="lab-body-readonly">
              {view.reason} Shown read-only; verification uses the exact bytes.
            </span>
            {!whatIf && (
              <button
                type="button"
                className="button button-small"
                data-testid="lab-body-edit-as-text"
                title="Changes the bytes: drops a BOM, makes line endings LF, replaces invalid UTF-8 with U+FFFD"
                onClick={() => setText(normalizeForEditor(view.text))}
              >
                Edit as text (changes bytes)
              </button>
            )}
          </>
        )}
      </div>
      <div className={cx('body-editor', styles.labBodyEditor)} data-testid="lab-body-editor" data-editable={editable}>
        {/* A fresh editor whenever the bytes are replaced or editability flips: pushing a new value
            into a live editor fires its change listener, and Monaco would hand back the text with a
            BOM dropped or line endings unified, silently rewriting the bytes. */}
        <BodyEditor
          key={`${generation}-${editable}`}
          value={view.text}
          language="plaintext"
          raw
          onChange={editable ? setText : undefined}
        />
      </div>
    </div>
  );
}
