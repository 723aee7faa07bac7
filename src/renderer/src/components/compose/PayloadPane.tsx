import { useMemo, useRef, useState } from 'react';
import { composeModelUri, groupByCategory, payloadSchemaFor, schemaUri } from '../../lib/event-schema';
import { JsonEditor, type EditorProblem, type JsonEditorHandle } from '../../monaco/JsonEditor';
import { PROVIDER_SAMPLES, sampleName } from '../../../../shared/provider-samples';
import { sampleByName } from '../../lib/compose-sample';
import { useStore } from '../../store';
import { ProblemsList } from './ProblemsList';
import { SampleNote } from './SampleNote';
import { SamplePicker } from './SamplePicker';
import { cx } from '../../lib/cx';
import styles from './Compose.module.css';

// One model for the compose body: switching event type swaps the schema, not the model.
const MODEL_URI = composeModelUri('payload');

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === undefined || first === '{' || first === '[';
}

/** The body editor: event type picker, Monaco with the event's JSON Schema, format on demand. */
export function PayloadPane() {
  const draft = useStore((s) => s.composeDraft);
  const update = useStore((s) => s.updateComposeDraft);
  const eventTypes = useStore((s) => s.eventTypes);
  const eventTypesError = useStore((s) => s.eventTypesError);
  const pickEventType = useStore((s) => s.pickEventType);
  const pickSample = useStore((s) => s.pickSample);
  const notify = useStore((s) => s.notify);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const editor = useRef<JsonEditorHandle | null>(null);

  const info = eventTypes.find((item) => item.type === draft.eventType);
  const eventMode = draft.bodyMode === 'event';
  const sampleMode = draft.bodyMode === 'sample';
  const sample = sampleMode ? sampleByName(draft.sample) : undefined;
  const schema = useMemo(
    () => (eventMode && info ? { uri: schemaUri(info.type), schema: payloadSchemaFor(info) } : undefined),
    [eventMode, info],
  );
  const groups = useMemo(() => groupByCategory(eventTypes), [eventTypes]);
  const language = eventMode || looksLikeJson(draft.body) ? 'json' : 'plaintext';

  const format = () => {
    if (!editor.current?.format()) notify('error', 'Cannot format: the body is not valid JSON. The problems list says where.');
  };

  return (
    <section className={styles.composePayload} aria-label="Body" data-testid="compose-payload">
      <div className={styles.payloadToolbar}>
        <div className={styles.segmented} role="radiogroup" aria-label="Body mode">
          <button
            type="button"
            role="radio"
            aria-checked={eventMode}
            className={cx(styles.segment, eventMode && styles.segmentActive)}
            data-testid="body-mode-event"
            onClick={() => update({ bodyMode: 'event' })}
          >
            Event
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={sampleMode}
            className={cx(styles.segment, sampleMode && styles.segmentActive)}
            data-testid="body-mode-sample"
            title="A provider's realistic sample event (Stripe, GitHub, Shopify…), signed with its scheme"
            // The first visit fills the editor; coming back keeps what was edited.
            onClick={() => (draft.sample === '' ? pickSample(sampleName(PROVIDER_SAMPLES[0]!)) : update({ bodyMode: 'sample' }))}
          >
            Sample
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={draft.bodyMode === 'free'}
            className={cx(styles.segment, draft.bodyMode === 'free' && styles.segmentActive)}
            data-testid="body-mode-free"
            onClick={() => update({ bodyMode: 'free' })}
          >
            Free body
          </button>
        </div>
        {eventMode && (
          <select
            aria-label="Event type"
            className={styles.eventPicker}
            data-testid="compose-event-type"
            value={draft.eventType}
            onChange={(e) => void pickEventType(e.target.value)}
          >
            {groups.map(([category, items]) => (
              <optgroup key={category} label={category}>
                {items.map((item) => (
                  // The type alone: a closed select shows only what fits, and the description follows below.
                  <option key={item.type} value={item.type} title={item.description}>
                    {item.type}
                  </option>
                ))}
              </optgroup>
            ))}
            {!info && <option value={draft.eventType}>{draft.eventType}</option>}
          </select>
        )}
        {sampleMode && <SamplePicker value={draft.sample} onChange={pickSample} />}
        {sample && (
          <button
            type="button"
            className="button button-small"
            data-testid="compose-fresh-sample"
            onClick={() => pickSample(draft.sample)}
            title="Put the sample’s body and headers back, with a new delivery id"
          >
            Reset
          </button>
        )}
        {eventMode && (
          <button
            type="button"
            className="button button-small"
            data-testid="compose-fresh-template"
            onClick={() => void pickEventType(draft.eventType)}
            title="Replace the body with a new template: fresh ids and timestamps"
          >
            Fresh template
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="button button-small"
          data-testid="compose-format"
          onClick={format}
          title="Format JSON (Shift+Alt+F): only whitespace changes"
        >
          Format
        </button>
      </div>
      {eventMode && info && (
        <p className={styles.payloadDescription} data-testid="compose-event-description">
          <code>{info.type}</code> {info.description}. Completion and validation follow its schema; the body is sent exactly as written.
        </p>
      )}
      {sample && <SampleNote sample={sample} />}
      {eventTypesError && <p className="inline-error">Could not load the event catalog: {eventTypesError}</p>}
      <div className={styles.payloadEditor} data-testid="compose-editor">
        <JsonEditor
          path={MODEL_URI}
          value={draft.body}
          language={language}
          schema={schema}
          onChange={(body) => update({ body })}
          onProblems={setProblems}
          onReady={(handle) => (editor.current = handle)}
        />
      </div>
      {language === 'json' && <ProblemsList problems={problems} testId="compose-problems" schema={schema !== undefined} />}
    </section>
  );
}
