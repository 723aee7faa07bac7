import { secretFormatHint } from '../../../../shared/verification-text';
import { CUSTOM_SCHEME } from '../../lib/lab-scheme';
import { useStore } from '../../store';
import { SchemePicker } from '../common/SchemePicker';
import { CustomSchemeForm } from './CustomSchemeForm';
import { useLabScheme } from './use-lab-scheme';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

const KEY_ALGORITHMS = { ed25519: 'Ed25519 signature', 'ecdsa-p256': 'ECDSA P-256 (SHA-256) signature' } as const;

/** The Lab's scheme (every scheme of GET /api/schemes, plus a user-defined one) and what it signs. */
export function LabScheme() {
  const schemes = useStore((s) => s.schemes);
  const value = useStore((s) => s.labInputs.scheme);
  const update = useStore((s) => s.updateLabInputs);
  const custom = useStore((s) => s.labInputs.custom);
  const info = useLabScheme();
  const descriptor = info.descriptor;

  return (
    <div className={styles.labScheme}>
      <SchemePicker
        id="lab-scheme"
        testId="lab-scheme"
        value={value}
        onChange={(scheme) => update({ scheme })}
        schemes={schemes}
        custom
        ariaLabel="Signature scheme"
      />
      {descriptor && (
        <dl className={cx('kv', styles.labSchemeFacts)} data-testid="lab-scheme-facts">
          <div className="kv-row">
            <dt>Signs</dt>
            <dd>
              {descriptor.encoding === 'text' ? (
                'nothing: the header carries the secret token itself, compared for equality'
              ) : (
                <>
                  {descriptor.key_kind === 'key_pair'
                    ? KEY_ALGORITHMS[descriptor.key_pair?.algorithm ?? 'ed25519']
                    : `HMAC-${descriptor.algorithm.toUpperCase()}`}{' '}
                  over <code>{descriptor.signed_content}</code>, {descriptor.encoding}
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
          {secretFormatHint(descriptor.secret_format) && (
            <div className="kv-row">
              <dt>Secret</dt>
              <dd data-testid="lab-scheme-secret-format">{secretFormatHint(descriptor.secret_format)}</dd>
            </div>
          )}
          {descriptor.key_pair && (
            <div className="kv-row" data-testid="lab-scheme-keys">
              <dt>Keys</dt>
              <dd>
                {descriptor.key_kind === 'key_pair' ? '' : `${KEY_ALGORITHMS[descriptor.key_pair.algorithm]} (v1a): `}
                the public key verifies, the private key signs
              </dd>
            </div>
          )}
        </dl>
      )}
      {value === CUSTOM_SCHEME && <CustomSchemeForm form={custom} onChange={(next) => update({ custom: next })} idPrefix="lab-custom" />}
    </div>
  );
}
