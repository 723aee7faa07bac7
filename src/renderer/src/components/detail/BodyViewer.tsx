import { useCallback, useEffect, useState } from 'react';
import type { RequestDetail } from '../../../../shared/api';
import { bodySourceOf, bodyUrl } from '../../api/body-api';
import { describeError } from '../../api/errors';
import { copyText } from '../../lib/clipboard';
import { downloadFrom } from '../../lib/download';
import { formatBytes } from '../../lib/format';
import { BodyEditor } from '../../monaco/BodyEditor';
import { useStore } from '../../store';
import { BodyClient } from './body-client';
import { WINDOWED_VIEW_MIN_BYTES, type BodySummary, type BodyTab } from './body-views';
import { Section } from './Section';
import { WindowedText } from './WindowedText';
import styles from './Body.module.css';

const TAB_LABELS: Record<BodyTab, string> = { pretty: 'Pretty', raw: 'Raw', hex: 'Hex' };

type Opened = { status: 'loading' } | { status: 'ready'; summary: BodySummary } | { status: 'error'; message: string };

/** Marks the first rows of a body on screen (the UI benchmark reads it). */
const markFirstRows = () => performance.mark('hookscope:body-shown');

/**
 * The body: decoded, pretty-printed and hex-formatted in a worker (body.worker.ts), shown in Monaco
 * when small and in a windowed view when large. Pretty is only a view: verification and replay
 * always use the raw bytes, and Save writes them exactly.
 */
export function BodyViewer({ detail }: { detail: RequestDetail }) {
  const notifyError = useStore((s) => s.notifyError);
  const [client, setClient] = useState<BodyClient | null>(null);
  const [opened, setOpened] = useState<Opened>({ status: 'loading' });
  const [chosenTab, setTab] = useState<BodyTab | null>(null);

  // One worker per shown body: closing the capture terminates it, and its memory with it.
  useEffect(() => {
    const next = new BodyClient();
    setClient(next);
    setOpened({ status: 'loading' });
    next.open(bodySourceOf(detail)).then(
      (summary) => setOpened({ status: 'ready', summary }),
      (error: unknown) => setOpened({ status: 'error', message: describeError(error) }),
    );
    return () => next.dispose();
    // A capture's bytes never change: its id and inline bytes say everything.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rest of `detail` must not reopen the body
  }, [detail.id, detail.body_base64]);

  const summary = opened.status === 'ready' ? opened.summary : null;
  const tab = chosenTab ?? summary?.defaultTab ?? 'raw';
  const windowed = summary !== null && summary.size >= WINDOWED_VIEW_MIN_BYTES;

  const save = () => {
    downloadFrom(bodyUrl(detail.id, { download: true }), `capture-${detail.id}-body.bin`).catch((error: unknown) =>
      notifyError('Could not save the body', error),
    );
  };

  const tabs = (
    <div className={styles.actions}>
      <div className="tabs" role="tablist">
        {(Object.keys(TAB_LABELS) as BodyTab[]).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tab${tab === id ? ' tab-active' : ''}`}
            data-testid={`body-tab-${id}`}
            disabled={summary === null || (id === 'pretty' && !summary.json)}
            title={id === 'pretty' && summary !== null && !summary.json ? 'The body is not valid JSON' : undefined}
            onClick={() => setTab(id)}
          >
            {TAB_LABELS[id]}
          </button>
        ))}
      </div>
      <button type="button" className="button button-small" data-testid="body-save" title="Save the exact bytes to a file" onClick={save}>
        Save
      </button>
      <CopyBodyButton client={client} summary={summary} />
    </div>
  );

  return (
    <Section title={`Body · ${formatBytes(detail.body_size)}`} aside={tabs} testId="body">
      {summary !== null && !summary.utf8 && (
        <p className="note">Not valid UTF-8: the Raw view replaces invalid bytes with �; Hex shows them exactly.</p>
      )}
      {detail.aborted && (
        <p className="note text-warn">Incomplete: the sender closed the connection mid-body; these are the bytes that arrived.</p>
      )}
      {detail.truncated && <p className="note text-warn">Truncated: the body exceeded the size limit, only the first part was kept.</p>}
      {windowed && (
        <p className="note" data-testid="body-windowed-note">
          Large body ({formatBytes(summary.size)}): shown a screen at a time. Save it to search or edit it in another tool.
        </p>
      )}
      {opened.status === 'error' ? (
        <div className="inline-error" data-testid="body-error">
          Could not show the body: {opened.message}
        </div>
      ) : summary === null || client === null ? (
        <div className="editor-loading" data-testid="body-loading">
          Loading the body…
        </div>
      ) : summary.size === 0 ? (
        <div className="empty-body" data-testid="empty-body">
          (empty body)
        </div>
      ) : (
        <div className="body-editor" data-testid="body-editor" data-tab={tab} data-view={windowed ? 'windowed' : 'editor'}>
          {windowed ? (
            <WindowedText key={tab} client={client} tab={tab} onFirstRows={markFirstRows} />
          ) : (
            <EditorView client={client} tab={tab} />
          )}
        </div>
      )}
    </Section>
  );
}

/** A small body's view, whole, in Monaco (the worker formats it). */
function EditorView({ client, tab }: { client: BodyClient; tab: BodyTab }) {
  const [content, setContent] = useState<{ tab: BodyTab; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    client.full(tab).then(
      (text) => current && setContent({ tab, text }),
      (failure: unknown) => current && setError(describeError(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, tab]);
  useEffect(() => {
    if (content !== null) markFirstRows();
  }, [content]);

  if (error !== null) return <div className="inline-error">{error}</div>;
  // The previous tab's text stays until the next one is ready (no flash of "loading").
  if (content === null) return <div className="editor-loading">Formatting…</div>;
  return <BodyEditor value={content.text} language={content.tab === 'pretty' ? 'json' : 'plaintext'} raw={content.tab === 'raw'} />;
}

/** Copies the whole body: as text, or as base64 when it is binary (the title says which). */
function CopyBodyButton({ client, summary }: { client: BodyClient | null; summary: BodySummary | null }) {
  const [state, setState] = useState<'idle' | 'copying' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied' && state !== 'failed') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = useCallback(async () => {
    if (!client) return;
    setState('copying');
    try {
      const payload = await client.copy();
      setState((await copyText(payload.text)) ? 'copied' : 'failed');
    } catch {
      setState('failed');
    }
  }, [client]);

  const binary = summary?.binary === true;
  return (
    <button
      type="button"
      className="button button-small"
      data-testid="body-copy"
      data-encoding={binary ? 'base64' : 'text'}
      disabled={summary === null || state === 'copying'}
      title={binary ? 'Copy the exact bytes as base64 (the body is binary, not text)' : 'Copy the body as text'}
      onClick={() => void copy()}
    >
      {state === 'copied'
        ? 'Copied'
        : state === 'failed'
          ? 'Copy failed'
          : state === 'copying'
            ? 'Copying…'
            : binary
              ? 'Copy base64'
              : 'Copy'}
    </button>
  );
}
