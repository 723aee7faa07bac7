import { useState } from 'react';

interface SecretInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  placeholder?: string;
  /** Offer the Generate button (a random whsec_ secret); off for keys that must come from a pair. */
  generate?: boolean;
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Masked by default (screens get shared), with reveal and generate. */
export function SecretInput({ id, value, onChange, testId = 'endpoint-secret', placeholder = 'No secret: signatures cannot be checked', generate = true }: SecretInputProps) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="secret-input">
      <input
        id={id}
        type={revealed ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={value}
        data-testid={testId}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="button" className="button button-small" data-testid="reveal-secret" onClick={() => setRevealed(!revealed)}>
        {revealed ? 'Hide' : 'Reveal'}
      </button>
      {generate && (
        <button type="button" className="button button-small" onClick={() => onChange(randomSecret())}>
          Generate
        </button>
      )}
    </div>
  );
}
