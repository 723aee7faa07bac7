import type { ReactNode } from 'react';
import type { CustomSchemeForm as Form } from '../../lib/lab-scheme';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

function Row({ label, htmlFor, children, wide }: { label: string; htmlFor: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`field${wide ? ' form-wide' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

/**
 * A user-defined HMAC scheme: which headers carry what, what is signed, and how. Controlled,
 * so the Signature Lab and the endpoint settings edit the same form.
 */
export function CustomSchemeForm({ form, onChange, idPrefix }: { form: Form; onChange: (next: Form) => void; idPrefix: string }) {
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const text = (
    key: 'signature_header' | 'signature_prefix' | 'timestamp_header' | 'id_header' | 'signed_content',
    placeholder: string,
  ) => (
    <input
      id={`${idPrefix}-${key}`}
      data-testid={`${idPrefix}-${key}`}
      spellCheck={false}
      value={form[key]}
      placeholder={placeholder}
      onChange={(event) => set(key, event.target.value)}
    />
  );

  return (
    <div className={cx('form-grid', styles.labCustom)} data-testid={`${idPrefix}-form`}>
      <Row label="Signature header" htmlFor={`${idPrefix}-signature_header`}>
        {text('signature_header', 'X-Signature')}
      </Row>
      <Row label="Signature prefix" htmlFor={`${idPrefix}-signature_prefix`}>
        {text('signature_prefix', 'none, or e.g. sha256=')}
      </Row>
      <Row label="Timestamp header" htmlFor={`${idPrefix}-timestamp_header`}>
        {text('timestamp_header', 'none')}
      </Row>
      <Row label="Timestamp unit" htmlFor={`${idPrefix}-timestamp_unit`}>
        <select
          id={`${idPrefix}-timestamp_unit`}
          value={form.timestamp_unit}
          onChange={(event) => set('timestamp_unit', event.target.value as Form['timestamp_unit'])}
        >
          <option value="s">unix seconds</option>
          <option value="ms">unix milliseconds</option>
        </select>
      </Row>
      <Row label="Id header" htmlFor={`${idPrefix}-id_header`}>
        {text('id_header', 'none')}
      </Row>
      <Row label="Algorithm" htmlFor={`${idPrefix}-algorithm`}>
        <select
          id={`${idPrefix}-algorithm`}
          value={form.algorithm}
          onChange={(event) => set('algorithm', event.target.value as Form['algorithm'])}
        >
          <option value="sha256">HMAC-SHA256</option>
          <option value="sha1">HMAC-SHA1</option>
          <option value="sha512">HMAC-SHA512</option>
        </select>
      </Row>
      <Row label="Signed content" htmlFor={`${idPrefix}-signed_content`} wide>
        {text('signed_content', '{timestamp}.{body}')}
        <div className="field-hint">
          Placeholders: <code>{'{id}'}</code> <code>{'{timestamp}'}</code> <code>{'{body}'}</code> (the raw bytes) <code>{'{url}'}</code>
        </div>
      </Row>
      <Row label="Encoding" htmlFor={`${idPrefix}-encoding`}>
        <select
          id={`${idPrefix}-encoding`}
          value={form.encoding}
          onChange={(event) => set('encoding', event.target.value as Form['encoding'])}
        >
          <option value="hex">hex</option>
          <option value="base64">base64</option>
        </select>
      </Row>
      <Row label="Secret is" htmlFor={`${idPrefix}-secret_encoding`}>
        <select
          id={`${idPrefix}-secret_encoding`}
          value={form.secret_encoding}
          onChange={(event) => set('secret_encoding', event.target.value as Form['secret_encoding'])}
        >
          <option value="utf8">text (UTF-8)</option>
          <option value="base64">base64</option>
          <option value="hex">hex</option>
          <option value="whsec">whsec_ + base64</option>
        </select>
      </Row>
    </div>
  );
}
