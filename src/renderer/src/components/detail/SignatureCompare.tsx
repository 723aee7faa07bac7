import { alignSignatures, type AlignedChar } from '../../lib/signature-diff';

function Chars({ chars }: { chars: AlignedChar[] }) {
  return (
    <>
      {chars.map((item, index) => (
        <span key={index} className={item.differs ? 'sig-diff' : undefined}>
          {item.char}
        </span>
      ))}
    </>
  );
}

/** Expected and received signatures one above the other, differing characters highlighted. */
export function SignatureCompare({ expected, received }: { expected: string | null; received: string | null }) {
  if (expected === null && received === null) return null;
  const aligned = expected !== null && received !== null ? alignSignatures(expected, received) : null;

  return (
    <div className="sig-compare" data-testid="signature-compare">
      <div className="sig-row">
        <span className="sig-label">Expected</span>
        <code className="sig-value" data-testid="signature-expected">
          {aligned ? <Chars chars={aligned.expected} /> : (expected ?? '— (cannot be computed)')}
        </code>
      </div>
      <div className="sig-row">
        <span className="sig-label">Received</span>
        <code className="sig-value" data-testid="signature-received">
          {aligned ? <Chars chars={aligned.received} /> : (received ?? '— (header missing)')}
        </code>
      </div>
    </div>
  );
}
