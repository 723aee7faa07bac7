import { alignSignatures, prefixDifference, type AlignedChar } from '../../lib/signature-diff';
import { missingExpectedText, type KeyAlgorithm } from '../../../../shared/verification-text';
import { cx } from '../../lib/cx';
import styles from './Verification.module.css';

function Chars({ chars }: { chars: AlignedChar[] }) {
  return (
    <>
      {chars.map((item, index) => (
        <span key={index} className={item.differs ? styles.diff : undefined} data-testid={item.differs ? 'sig-diff' : undefined}>
          {item.char}
        </span>
      ))}
    </>
  );
}

/** A side's prefix, padded to the other side's so the digests stay in step. */
function Prefix({ prefix, width, differs }: { prefix: string; width: number; differs: boolean }) {
  if (width === 0) return null;
  return (
    <span className={cx(styles.prefix, differs && styles.prefixDiff)} data-testid="signature-prefix">
      {prefix.padEnd(width, '·')}
    </span>
  );
}

/**
 * Expected and received signatures one above the other, differing characters highlighted. A
 * known prefix (sha256=, v1=, …) is compared apart from the digest and its difference named.
 */
export function SignatureCompare({
  expected,
  received,
  keyAlgorithm = null,
}: {
  expected: string | null;
  received: string | null;
  keyAlgorithm?: KeyAlgorithm | null;
}) {
  if (expected === null && received === null) return null;
  const aligned = expected !== null && received !== null ? alignSignatures(expected, received) : null;
  const width = aligned ? Math.max(aligned.expectedPrefix.length, aligned.receivedPrefix.length) : 0;
  const prefixNote = aligned ? prefixDifference(aligned) : null;

  return (
    <div className={styles.compare} data-testid="signature-compare">
      <div className={styles.row}>
        <span className="sig-label">Expected</span>
        <code className={styles.value} data-testid="signature-expected">
          {aligned ? (
            <>
              <Prefix prefix={aligned.expectedPrefix} width={width} differs={aligned.prefixDiffers} />
              <Chars chars={aligned.expected} />
            </>
          ) : (
            (expected ?? missingExpectedText(keyAlgorithm))
          )}
        </code>
      </div>
      <div className={styles.row}>
        <span className="sig-label">Received</span>
        <code className={styles.value} data-testid="signature-received">
          {aligned ? (
            <>
              <Prefix prefix={aligned.receivedPrefix} width={width} differs={aligned.prefixDiffers} />
              <Chars chars={aligned.received} />
            </>
          ) : (
            (received ?? '— (header missing)')
          )}
        </code>
      </div>
      {prefixNote && (
        <p className={styles.prefixNote} data-testid="signature-prefix-note">
          {prefixNote}
        </p>
      )}
      {aligned?.receivedPadded && (
        <p className={styles.paddingNote} data-testid="signature-padding-note">
          The received header has whitespace around it; that is not part of the value (RFC 9110), so it is left out, as in verification.
        </p>
      )}
    </div>
  );
}
