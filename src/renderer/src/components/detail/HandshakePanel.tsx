import type { CapturedResponse } from '../../../../shared/api';
import { utf8ToBase64 } from '../../lib/bytes';
import { BodyText } from '../compose/BodyText';
import { CopyButton } from '../common/CopyButton';
import { Section } from './Section';

/**
 * What the receiver answered to a provider's handshake. Asana's answer header is the secret its
 * events will be signed with: it gets a copy button, to paste it into the endpoint's secret.
 */
export function HandshakePanel({ name, response }: { name: string; response: CapturedResponse }) {
  const headers = Object.entries(response.headers);
  const hookSecret = headers.find(([header]) => header.toLowerCase() === 'x-hook-secret')?.[1];
  return (
    <Section title="Handshake" aside={<span className="muted">answered by Hookscope</span>} testId="handshake" collapseId="handshake">
      <dl className="kv">
        <div className="kv-row">
          <dt>Handshake</dt>
          <dd data-testid="handshake-name">{name}</dd>
        </div>
        <div className="kv-row">
          <dt>Answer</dt>
          <dd data-testid="handshake-status">
            {response.status}
            {response.status >= 400 ? ' — refused (the body says why)' : ' — as the provider expects'}
          </dd>
        </div>
        {hookSecret !== undefined && (
          <div className="kv-row">
            <dt>Secret</dt>
            <dd>
              <code data-testid="handshake-secret">{hookSecret}</code> <CopyButton text={hookSecret} label="Copy" />
              <div className="muted">Asana signs this webhook’s events with it: set it as the endpoint’s secret.</div>
            </dd>
          </div>
        )}
      </dl>
      {headers.length > 0 && (
        <table className="headers-table" data-testid="handshake-headers">
          <tbody>
            {headers.map(([header, value]) => (
              <tr key={header}>
                <th scope="row">{header}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {response.body !== '' && <BodyText base64={utf8ToBase64(response.body)} view="pretty" testId="handshake-body" />}
    </Section>
  );
}
