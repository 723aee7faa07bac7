import { useMemo, useState } from 'react';
import type { RequestDetail } from '../../../../shared/api';
import { formatBytes } from '../../lib/format';
import { BodyEditor } from '../../monaco/BodyEditor';
import { buildBodyViews, type BodyTab } from './body-views';
import { Section } from './Section';

const TAB_LABELS: Record<BodyTab, string> = { pretty: 'Pretty', raw: 'Raw', hex: 'Hex' };

/** The body in Monaco. Pretty is only a view: verification and replay always use the raw bytes. */
export function BodyViewer({ detail }: { detail: RequestDetail }) {
  const views = useMemo(() => buildBodyViews(detail.body_base64), [detail.body_base64]);
  const [chosenTab, setTab] = useState<BodyTab | null>(null);
  const tab = chosenTab ?? views.defaultTab;

  const content = useMemo(() => {
    if (tab === 'pretty') return views.pretty ?? views.raw();
    if (tab === 'raw') return views.raw();
    return views.hex();
  }, [tab, views]);

  const tabs = (
    <div className="tabs" role="tablist">
      {(Object.keys(TAB_LABELS) as BodyTab[]).map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={tab === id}
          className={`tab${tab === id ? ' tab-active' : ''}`}
          data-testid={`body-tab-${id}`}
          disabled={id === 'pretty' && views.pretty === null}
          title={id === 'pretty' && views.pretty === null ? 'The body is not valid JSON' : undefined}
          onClick={() => setTab(id)}
        >
          {TAB_LABELS[id]}
        </button>
      ))}
    </div>
  );

  return (
    <Section title={`Body · ${formatBytes(detail.body_size)}`} aside={tabs} testId="body">
      {views.text === null && <p className="note">Not valid UTF-8: the Raw view replaces invalid bytes with �; Hex shows them exactly.</p>}
      {detail.aborted && <p className="note text-warn">Incomplete: the sender closed the connection mid-body; these are the bytes that arrived.</p>}
      {detail.truncated && <p className="note text-warn">Truncated: the body exceeded the size limit, only the first part was kept.</p>}
      {views.bytes.length === 0 ? (
        <div className="empty-body" data-testid="empty-body">
          (empty body)
        </div>
      ) : (
        <div className="body-editor" data-testid="body-editor" data-tab={tab}>
          <BodyEditor value={content} language={tab === 'pretty' ? 'json' : 'plaintext'} raw={tab === 'raw'} />
        </div>
      )}
    </Section>
  );
}
