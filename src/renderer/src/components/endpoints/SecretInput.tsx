import { useState } from 'react';
import type { SchemeDescriptor } from '../../../../shared/api';

interface SecretInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  placeholder?: string;
  /** Offer the Generate button (a random whsec_ secret); off for keys that must come from a pair. */
  generate?: boolean;
  /** The scheme's secret format: a generated secret is one the scheme decodes (base64 where it base64-decodes). */
  format?: SchemeDescriptor['secret_format'];
}

function randomSecret(format: SchemeDescriptor['secret_format'] | undefined): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const base64 = btoa(String.fromCharCode(...bytes));
  if (format === 'base64') return base64;
  if (format === 'whsec_base64') return `whsec_${base64}`;
  return `whsec_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Masked by default (screens get shared), with reveal and generate. */
export function SecretInput({
  id,
  value,
  onChange,
  testId = 'endpoint-secret',
  placeholder = 'No secret: signatures cannot be checked',
  generate = true,
  format,
}: SecretInputProps) {
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
        <button
          type="button"
          className="button button-small"
          data-testid={`${testId}-generate`}
          onClick={() => onChange(randomSecret(format))}
        >
          Generate
        </button>
      )}
    </div>
  );
}
