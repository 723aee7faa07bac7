import type { ReactNode } from 'react';
import type { CustomSchemeForm as Form } from '../../lib/lab-scheme';
import { useStore } from '../../store';

function Row({ label, htmlFor, children, wide }: { label: string; htmlFor: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`field${wide ? ' form-wide' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

/** A user-defined HMAC scheme: which headers carry what, what is signed, and how. */
export function CustomSchemeForm() {
  const form = useStore((s) => s.labInputs.custom);
  const update = useStore((s) => s.updateLabInputs);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => update({ custom: { ...form, [key]: value } });
  const text = (key: 'signature_header' | 'signature_prefix' | 'timestamp_header' | 'id_header' | 'signed_content', placeholder: string) => (
    <input
      id={`lab-custom-${key}`}
      data-testid={`lab-custom-${key}`}
      spellCheck={false}
      value={form[key]}
      placeholder={placeholder}
      onChange={(event) => set(key, event.target.value)}
    />
  );

  return (
    <div className="form-grid lab-custom" data-testid="lab-custom-form">
      <Row label="Signature header" htmlFor="lab-custom-signature_header">{text('signature_header', 'X-Signature')}</Row>
      <Row label="Signature prefix" htmlFor="lab-custom-signature_prefix">{text('signature_prefix', 'none, or e.g. sha256=')}</Row>
      <Row label="Timestamp header" htmlFor="lab-custom-timestamp_header">{text('timestamp_header', 'none')}</Row>
      <Row label="Timestamp unit" htmlFor="lab-custom-timestamp_unit">
        <select id="lab-custom-timestamp_unit" value={form.timestamp_unit} onChange={(event) => set('timestamp_unit', event.target.value as Form['timestamp_unit'])}>
          <option value="s">unix seconds</option>
          <option value="ms">unix milliseconds</option>
        </select>
      </Row>
      <Row label="Id header" htmlFor="lab-custom-id_header">{text('id_header', 'none')}</Row>
      <Row label="Algorithm" htmlFor="lab-custom-algorithm">
        <select id="lab-custom-algorithm" value={form.algorithm} onChange={(event) => set('algorithm', event.target.value as Form['algorithm'])}>
          <option value="sha256">HMAC-SHA256</option>
          <option value="sha1">HMAC-SHA1</option>
          <option value="sha512">HMAC-SHA512</option>
        </select>
      </Row>
      <Row label="Signed content" htmlFor="lab-custom-signed_content" wide>
        {text('signed_content', '{timestamp}.{body}')}
        <div className="field-hint">
          Placeholders: <code>{'{id}'}</code> <code>{'{timestamp}'}</code> <code>{'{body}'}</code> (the raw bytes) <code>{'{url}'}</code>
        </div>
      </Row>
      <Row label="Encoding" htmlFor="lab-custom-encoding">
        <select id="lab-custom-encoding" value={form.encoding} onChange={(event) => set('encoding', event.target.value as Form['encoding'])}>
          <option value="hex">hex</option>
          <option value="base64">base64</option>
        </select>
      </Row>
      <Row label="Secret is" htmlFor="lab-custom-secret_encoding">
        <select id="lab-custom-secret_encoding" value={form.secret_encoding} onChange={(event) => set('secret_encoding', event.target.value as Form['secret_encoding'])}>
          <option value="utf8">text (UTF-8)</option>
          <option value="base64">base64</option>
          <option value="hex">hex</option>
          <option value="whsec">whsec_ + base64</option>
        </select>
      </Row>
    </div>
  );
}
