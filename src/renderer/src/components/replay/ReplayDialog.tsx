import { useEffect, useMemo, useState } from 'react';
import type { RequestDetail, SentRequest } from '../../../../shared/api';
import { captureBodyBase64 } from '../../api/body-api';
import { describeError } from '../../api/errors';
import { sendApi } from '../../api/send-api';
import { base64ToBytes, decodeUtf8Strict, utf8ToBase64 } from '../../lib/bytes';
import { payloadSchemaFor, schemaUri } from '../../lib/event-schema';
import { buildReplayInput, REPLAY_MODES, type ReplayDraft } from '../../lib/replay-request';
import { JsonEditor, type EditorProblem } from '../../monaco/JsonEditor';
import { useStore } from '../../store';
import { Modal } from '../common/Modal';
import { SchemePicker } from '../common/SchemePicker';
import { ProblemsList } from '../compose/ProblemsList';
import { SentResult } from '../compose/SentResult';
import { Field } from '../endpoints/Field';
import { SecretInput } from '../endpoints/SecretInput';
import { cx } from '../../lib/cx';
import styles from './ReplayDialog.module.css';
import sentStyles from '../compose/SentResult.module.css';

/** Replay a capture: as-is, re-signed, or edited in Monaco and re-signed; to this app or any URL. */
export function ReplayDialog({ detail, onClose }: { detail: RequestDetail; onClose: () => void }) {
  const schemes = useStore((s) => s.schemes);
  const endpoint = useStore((s) => s.endpoints.find((item) => item.id === detail.endpoint_id));
  const receiverUrl = useStore((s) => s.receiverUrl);
  const eventTypes = useStore((s) => s.eventTypes);
  const loadEventTypes = useStore((s) => s.loadEventTypes);
  // The replay's result stays in this dialog; the Sent history gets it, Compose's result does not.
  const addSentToHistory = useStore((s) => s.addSentToHistory);

  // The original body as text (null: not UTF-8). Inline for small bodies; a large one is fetched
  // (only `edited` needs it: as-is and resign replay the stored bytes in the engine).
  const inlineText = useMemo(
    () => (detail.body_base64 === null ? undefined : decodeUtf8Strict(base64ToBytes(detail.body_base64))),
    [detail.body_base64],
  );
  const [fetchedText, setFetchedText] = useState<string | null | undefined>(undefined);
  const originalText = inlineText !== undefined ? inlineText : fetchedText;
  const [draft, setDraft] = useState<ReplayDraft>({
    mode: 'resign',
    target: 'own',
    url: '',
    scheme: '',
    secret: '',
    body: inlineText ?? '',
  });
  const [result, setResult] = useState<SentRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const update = (patch: Partial<ReplayDraft>) => setDraft((current) => ({ ...current, ...patch }));
  // A result belongs to the mode that produced it.
  const switchMode = (mode: ReplayDraft['mode']) => {
    update({ mode });
    setResult(null);
    setError(null);
  };

  useEffect(() => {
    if (eventTypes.length === 0) void loadEventTypes();
  }, [eventTypes.length, loadEventTypes]);

  // Once per capture: the detail object is replaced on every live refresh (a reconnect, a
  // re-verification), which must neither fetch the body again nor replace what the user edited.
  const needsFetch = detail.body_base64 === null;
  useEffect(() => {
    if (!needsFetch) return;
    let current = true;
    captureBodyBase64(detail).then(
      (base64) => {
        if (!current) return;
        const text = decodeUtf8Strict(base64ToBytes(base64));
        setFetchedText(text);
        setDraft((draft) => (draft.body === '' ? { ...draft, body: text ?? '' } : draft));
      },
      (failure: unknown) => current && setError(`Could not load the body: ${describeError(failure)}`),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the capture, see above
  }, [detail.id, needsFetch]);

  const info = eventTypes.find((item) => item.type === detail.event);
  const schema = useMemo(() => (info ? { uri: schemaUri(info.type), schema: payloadSchemaFor(info) } : undefined), [info]);
  const ownUrl = `${receiverUrl ?? ''}${detail.path}${detail.query ? `?${detail.query}` : ''}`;
  const signs = draft.mode !== 'as-is';
  const sameScheme = useMemo(
    () => [
      endpoint
        ? { value: '', name: 'The endpoint’s', detail: endpoint.scheme }
        : { value: '', name: 'The capture’s', detail: 'As it was verified' },
    ],
    [endpoint],
  );

  const run = async (send: () => Promise<SentRequest>) => {
    setBusy(true);
    setError(null);
    try {
      const sent = await send();
      setResult(sent);
      addSentToHistory(sent);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const replay = () => {
    const built = buildReplayInput(draft, utf8ToBase64);
    if (built.input === null) {
      setError(built.error);
      return;
    }
    const input = built.input;
    void run(() => sendApi.replay(detail.id, input));
  };

  return (
    <Modal title={`Replay capture #${detail.id}`} onClose={onClose} testId="replay-dialog" wide>
      <div className={styles.replayGrid}>
        <div className={styles.replayOptions}>
          <fieldset className={styles.choiceGroup} data-testid="replay-modes">
            <legend>Mode</legend>
            {REPLAY_MODES.map((option) => {
              const loading = option.mode === 'edited' && originalText === undefined;
              const unavailable = option.mode === 'edited' && (originalText === null || loading);
              return (
                <label key={option.mode} className={cx(styles.choice, draft.mode === option.mode && styles.choiceActive)}>
                  <input
                    type="radio"
                    name="replay-mode"
                    value={option.mode}
                    data-testid={`replay-mode-${option.mode}`}
                    checked={draft.mode === option.mode}
                    disabled={unavailable}
                    onChange={() => switchMode(option.mode)}
                  />
                  <span>
                    <strong>{option.label}</strong>
                    <span className={styles.choiceHint}>
                      {loading ? 'Loading the body…' : unavailable ? 'The body is not UTF-8 text, so it cannot be edited.' : option.hint}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>

          <fieldset className={styles.choiceGroup} data-testid="replay-targets">
            <legend>Target</legend>
            <label className={cx(styles.choice, draft.target === 'own' && styles.choiceActive)}>
              <input
                type="radio"
                name="replay-target"
                data-testid="replay-target-own"
                checked={draft.target === 'own'}
                onChange={() => update({ target: 'own' })}
              />
              <span>
                <strong>This app’s receiver</strong>
                <span className={styles.choiceHint}>
                  <code>{ownUrl}</code> — it arrives as a new capture in the Inspector.
                </span>
              </span>
            </label>
            <label className={cx(styles.choice, draft.target === 'url' && styles.choiceActive)}>
              <input
                type="radio"
                name="replay-target"
                data-testid="replay-target-url"
                checked={draft.target === 'url'}
                onChange={() => update({ target: 'url' })}
              />
              <span>
                <strong>Another URL</strong>
              </span>
            </label>
            {draft.target === 'url' && (
              <input
                aria-label="Replay URL"
                data-testid="replay-url"
                placeholder="http://localhost:3000/webhooks"
                spellCheck={false}
                value={draft.url}
                onChange={(e) => update({ url: e.target.value })}
              />
            )}
          </fieldset>

          {signs && (
            <fieldset className={styles.choiceGroup}>
              <legend>Signing</legend>
              <Field label="Scheme" htmlFor="replay-scheme">
                <SchemePicker
                  id="replay-scheme"
                  testId="replay-scheme"
                  value={draft.scheme}
                  onChange={(scheme) => update({ scheme })}
                  schemes={schemes}
                  leading={sameScheme}
                />
              </Field>
              <Field
                label="Secret"
                htmlFor="replay-secret"
                hint={endpoint ? `Empty: the secret of “${endpoint.name}”.` : 'Required: the capture has no endpoint.'}
              >
                <SecretInput
                  id="replay-secret"
                  testId="replay-secret"
                  placeholder="Endpoint’s secret"
                  value={draft.secret}
                  onChange={(secret) => update({ secret })}
                />
              </Field>
            </fieldset>
          )}

          <div className="form-actions">
            <button type="button" className="button button-primary" data-testid="replay-send" disabled={busy} onClick={replay}>
              {busy ? 'Replaying…' : 'Replay'}
            </button>
          </div>
          {error && (
            <div className={sentStyles.sendFailure} role="alert" data-testid="replay-error">
              <strong>Not replayed</strong>
              <p>{error}</p>
            </div>
          )}
        </div>

        <div className={styles.replayMain}>
          {draft.mode === 'edited' && (
            <>
              <div className={styles.replayEditor} data-testid="replay-editor">
                <JsonEditor
                  path={`inmemory://hookscope/replay/${detail.id}.json`}
                  value={draft.body}
                  language={originalText?.trimStart().startsWith('{') || originalText?.trimStart().startsWith('[') ? 'json' : 'plaintext'}
                  schema={schema}
                  onChange={(body) => update({ body })}
                  onProblems={setProblems}
                />
              </div>
              <ProblemsList problems={problems} testId="replay-problems" />
            </>
          )}
          {result ? (
            <div data-testid="replay-result">
              {draft.target === 'own' && !result.error && (
                <p className="note">Sent to this app’s receiver: the replay is the newest capture in the Inspector.</p>
              )}
              <SentResult sent={result} busy={busy} onSendAgain={() => void run(() => sendApi.resend(result.id))} />
            </div>
          ) : (
            draft.mode !== 'edited' && (
              <div className="page-message">Choose a mode and a target, then Replay. The request as sent and the response appear here.</div>
            )
          )}
        </div>
      </div>
    </Modal>
  );
}
