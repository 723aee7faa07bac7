import type { RequestDetail } from '../../../../shared/api';
import { formatBytes, formatDateTime, formatMs } from '../../lib/format';
import { useStore } from '../../store';
import { Section } from './Section';

function forwardedText(detail: RequestDetail): string | null {
  const { for: forwardedFor, proto, host } = detail.forwarded;
  const parts = [forwardedFor && `for ${forwardedFor}`, proto && `proto ${proto}`, host && `host ${host}`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** What qualifies the body's size: cut short by the sender, or cut at the body limit. */
function sizeRemark(detail: RequestDetail): string {
  if (detail.aborted) return ' — incomplete: the upload was cut short';
  return detail.truncated ? ' — truncated: over the body limit' : '';
}

/** The Response row: what went on the wire, and when it was not the endpoint's answer, why. */
function responseText(detail: RequestDetail): string {
  if (detail.response_by_parser) {
    return `${detail.response.status} from the HTTP parser, not the endpoint: the request could not be read to the end`;
  }
  if (detail.aborted) return `not sent: the sender closed the connection (the endpoint would have answered ${detail.response.status})`;
  return String(detail.response.status);
}

function toneOf(key: string, detail: RequestDetail): string | undefined {
  if (key === 'Response' && (detail.aborted || detail.response_by_parser)) return 'text-bad';
  if (key === 'Size' && (detail.aborted || detail.truncated)) return 'text-warn';
  return undefined;
}

export function OverviewSection({ detail }: { detail: RequestDetail }) {
  const endpoint = useStore((s) => s.endpoints.find((item) => item.id === detail.endpoint_id));
  const selectCapture = useStore((s) => s.selectCapture);
  const remote = detail.remote_address ? `${detail.remote_address}${detail.remote_port !== null ? `:${detail.remote_port}` : ''}` : '—';

  const rows: Array<[string, string]> = [
    [detail.imported ? 'Imported' : 'Received', formatDateTime(detail.received_at)],
    ['URL', detail.url],
    // The URL the sender called (through a tunnel or proxy): the one URL-signing schemes sign.
    ...(detail.public_url ? [['Sent to', detail.public_url] as [string, string]] : []),
    ['HTTP', detail.http_version],
    ['Remote address', remote],
    ['Forwarded', forwardedText(detail) ?? '—'],
    ['Endpoint', endpoint ? `${endpoint.name} (${endpoint.path})` : (detail.endpoint_id ?? '—')],
    ['Event', detail.event ?? '—'],
    ['Response', responseText(detail)],
    ['Timing', `body ${formatMs(detail.timing.body_ms)}, total ${formatMs(detail.timing.total_ms)}`],
    ['Size', `${formatBytes(detail.body_size)} (${detail.body_size} bytes)${sizeRemark(detail)}`],
  ];

  return (
    <Section title="Overview" testId="overview" collapseId="overview">
      {detail.imported && (
        <p className="note" data-testid="imported-note">
          <span className="tag tag-imported">imported</span> From a HAR file, not received by this app: the time is the one the file
          recorded.
        </p>
      )}
      {detail.aborted && (
        <p className="text-bad" data-testid="aborted-note">
          Aborted upload: the connection closed before the body was complete, so Hookscope kept the bytes that arrived
          {detail.response_by_parser ? ' (the HTTP parser answered it) ' : ' and sent no response'}. The sender, a proxy or the tunnel gave
          up mid-request, or sent a body the parser could not read.
        </p>
      )}
      {detail.duplicate_of !== null && (
        <p className="text-warn" data-testid="duplicate-of">
          Duplicate delivery: capture{' '}
          <button type="button" className="link-button" onClick={() => selectCapture(detail.duplicate_of)}>
            #{detail.duplicate_of}
          </button>{' '}
          had the same delivery id. A receiver should recognise it and not process the event twice.
        </p>
      )}
      <dl className="kv" data-testid="overview-facts">
        {rows.map(([key, value]) => (
          <div key={key} className="kv-row" data-testid="overview-row">
            <dt>{key}</dt>
            <dd className={toneOf(key, detail)}>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
