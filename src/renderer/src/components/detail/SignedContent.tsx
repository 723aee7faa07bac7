import { useMemo } from 'react';
import { SIGNED_CONTENT_PREVIEW_BYTES } from '../../../../shared/api';
import { base64ToBytes } from '../../lib/bytes';
import { toVisibleSegments } from '../../lib/visible-text';
import { CopyButton } from '../common/CopyButton';
import { decodeUtf8Lossy } from '../../lib/bytes';
import marks from './InvisibleChar.module.css';
import styles from './Verification.module.css';

/**
 * The exact bytes the signature covers (`<timestamp>.` + body), invisible characters shown.
 * Rendering is per character span, so only the first SIGNED_CONTENT_PREVIEW_BYTES are drawn (and,
 * for a large body, all the engine sends: `totalSize` is then the whole content's size).
 */
export function SignedContent({ base64, totalSize }: { base64: string | null; totalSize?: number }) {
  const bytes = useMemo(() => (base64 === null ? null : base64ToBytes(base64)), [base64]);
  const segments = useMemo(() => (bytes === null ? [] : toVisibleSegments(bytes, SIGNED_CONTENT_PREVIEW_BYTES)), [bytes]);

  if (bytes === null) {
    return (
      <p className="note">
        No signed content: a header it is built from (timestamp, id or signature) is missing or unusable, or the scheme signs nothing (a
        token).
      </p>
    );
  }

  const size = totalSize ?? bytes.length;
  const partial = totalSize !== undefined && totalSize > bytes.length;
  return (
    <div>
      <div className={styles.signedHeader}>
        <span className="sig-label">Signed content · {size} bytes</span>
        {/* A partial copy would be wrong text to sign: the body's Save gives the rest exactly. */}
        {!partial && <CopyButton text={decodeUtf8Lossy(bytes)} label="Copy exact text" />}
      </div>
      <pre className={styles.signedText} data-testid="signed-content">
        {segments.map((segment, index) =>
          segment.special ? (
            <span key={index} className={marks.invisibleChar} data-testid="invisible-char">
              {segment.text}
              {segment.lineBreak ? '\n' : ''}
            </span>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </pre>
      {size > SIGNED_CONTENT_PREVIEW_BYTES && (
        <p className="note" data-testid="signed-content-partial">
          Showing the first {SIGNED_CONTENT_PREVIEW_BYTES} of {size} bytes
          {partial ? '; the body’s Save button gives the exact body bytes' : ''}.
        </p>
      )}
    </div>
  );
}
