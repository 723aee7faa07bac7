import { useMemo } from 'react';
import { base64ToBytes } from '../../lib/bytes';
import { toVisibleSegments } from '../../lib/visible-text';
import { CopyButton } from '../common/CopyButton';
import { decodeUtf8Lossy } from '../../lib/bytes';

/** Rendering is per character span; beyond this the browser would stall on a huge body. */
const MAX_RENDERED_BYTES = 64 * 1024;

/** The exact bytes the signature covers (`<timestamp>.` + body), invisible characters shown. */
export function SignedContent({ base64 }: { base64: string | null }) {
  const bytes = useMemo(() => (base64 === null ? null : base64ToBytes(base64)), [base64]);
  const segments = useMemo(() => (bytes === null ? [] : toVisibleSegments(bytes, MAX_RENDERED_BYTES)), [bytes]);

  if (bytes === null) {
    return <p className="note">No signed content: a header it is built from (timestamp, id or signature) is missing or unusable.</p>;
  }

  return (
    <div className="signed-content">
      <div className="signed-content-header">
        <span className="sig-label">Signed content · {bytes.length} bytes</span>
        <CopyButton text={decodeUtf8Lossy(bytes)} label="Copy exact text" />
      </div>
      <pre className="signed-content-text" data-testid="signed-content">
        {segments.map((segment, index) =>
          segment.special ? (
            <span key={index} className="invisible-char">
              {segment.text}
              {segment.lineBreak ? '\n' : ''}
            </span>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </pre>
      {bytes.length > MAX_RENDERED_BYTES && (
        <p className="note">Showing the first {MAX_RENDERED_BYTES} of {bytes.length} bytes.</p>
      )}
    </div>
  );
}
