import { useState } from 'react';
import { CopyButton } from './CopyButton';

export const maskSecret = (secret: string): string => '•'.repeat(Math.min(secret.length, 24));

interface SecretRevealProps {
  secret: string;
  testId: string;
  /** Controlled mode, for a caller that masks the secret elsewhere too (the empty state's command). */
  revealed?: boolean;
  onRevealedChange?: (revealed: boolean) => void;
}

/** A stored secret, masked until revealed (screens get shared), with copy. */
export function SecretReveal({ secret, testId, revealed: controlled, onRevealedChange }: SecretRevealProps) {
  const [own, setOwn] = useState(false);
  const revealed = controlled ?? own;
  const toggle = () => (onRevealedChange ? onRevealedChange(!revealed) : setOwn(!revealed));
  return (
    <span className="secret-reveal">
      <code data-testid={testId} data-revealed={revealed}>
        {revealed ? secret : maskSecret(secret)}
      </code>
      <button type="button" className="button button-small" data-testid={`${testId}-reveal`} aria-pressed={revealed} onClick={toggle}>
        {revealed ? 'Hide' : 'Reveal'}
      </button>
      <CopyButton text={secret} testId={`${testId}-copy`} />
    </span>
  );
}
