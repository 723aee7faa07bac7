import { useState } from 'react';
import { CopyButton } from '../common/CopyButton';

/** A stored secret, masked until revealed (screens get shared), with copy. */
export function SecretReveal({ secret, testId }: { secret: string; testId: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <span className="secret-reveal">
      <code data-testid={testId} data-revealed={revealed}>
        {revealed ? secret : '•'.repeat(Math.min(secret.length, 24))}
      </code>
      <button type="button" className="button button-small" data-testid={`${testId}-reveal`} aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
        {revealed ? 'Hide' : 'Reveal'}
      </button>
      <CopyButton text={secret} />
    </span>
  );
}
