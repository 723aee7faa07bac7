import { CUSTOM_SCHEME } from '../../lib/lab-scheme';
import { useStore } from '../../store';
import { CustomSchemeForm } from './CustomSchemeForm';
import { useLabScheme } from './use-lab-scheme';

/** The scheme select (every scheme of GET /api/schemes, plus a user-defined one) and what it signs. */
export function SchemePicker() {
  const schemes = useStore((s) => s.labSchemes);
  const value = useStore((s) => s.labInputs.scheme);
  const update = useStore((s) => s.updateLabInputs);
  const custom = useStore((s) => s.labInputs.custom);
  const info = useLabScheme();
  const known = value === CUSTOM_SCHEME || schemes.some((scheme) => scheme.id === value);
  const descriptor = info.descriptor;

  return (
    <div className="lab-scheme">
      <select id="lab-scheme" data-testid="lab-scheme" value={value} onChange={(event) => update({ scheme: event.target.value })}>
        {!known && <option value={value}>{value}</option>}
        {schemes.map((scheme) => (
          <option key={scheme.id} value={scheme.id}>
            {scheme.label}
          </option>
        ))}
        <option value={CUSTOM_SCHEME}>Custom (define your own)</option>
      </select>
      {descriptor && (
        <dl className="kv lab-scheme-facts" data-testid="lab-scheme-facts">
          <div className="kv-row">
            <dt>Signs</dt>
            <dd>
              {descriptor.encoding === 'text' ? (
                'nothing: the header carries the secret token itself, compared for equality'
              ) : (
                <>
                  HMAC-{descriptor.algorithm.toUpperCase()} over <code>{descriptor.signed_content}</code>, {descriptor.encoding}
                </>
              )}
            </dd>
          </div>
          <div className="kv-row">
            <dt>Header</dt>
            <dd>
              {descriptor.signature_header}: {descriptor.signature_format}
            </dd>
          </div>
          {descriptor.uses_timestamp && (
            <div className="kv-row">
              <dt>Timestamp</dt>
              <dd>
                {descriptor.timestamp_source === 'header'
                  ? `${descriptor.timestamp_header ?? ''} (${descriptor.timestamp_unit ?? ''})`
                  : `in the ${descriptor.timestamp_source === 'body' ? 'body' : 'signature header'} (${descriptor.timestamp_unit ?? ''})`}
                {descriptor.tolerance_direction === 'past_only' ? ' · only too old is rejected' : ' · too old and too new are rejected'}
              </dd>
            </div>
          )}
          {descriptor.secret_format === 'whsec_base64' && (
            <div className="kv-row">
              <dt>Secret</dt>
              <dd>whsec_ + base64 of the key</dd>
            </div>
          )}
        </dl>
      )}
      {value === CUSTOM_SCHEME && <CustomSchemeForm form={custom} onChange={(next) => update({ custom: next })} idPrefix="lab-custom" />}
    </div>
  );
}
