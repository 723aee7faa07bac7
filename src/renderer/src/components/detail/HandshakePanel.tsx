import type { CapturedResponse } from '../../../../shared/api';
import { describeError } from '../../api/errors';
import { utf8ToBase64 } from '../../lib/bytes';
import { useStore } from '../../store';
import { BodyText } from '../compose/BodyText';
import { CopyButton } from '../common/CopyButton';
import { Section } from './Section';
import tableStyles from './HeadersTable.module.css';

/**
 * What the receiver answered to a provider's handshake. Asana's answer header is the secret its
 * events will be signed with: it gets a copy button, to paste it into the endpoint's secret.
 */
export function HandshakePanel({
  name,
  response,
  endpointId,
  unsigned,
}: {
  name: string;
  response: CapturedResponse;
  endpointId: string | null;
  unsigned: boolean;
}) {
  const headers = Object.entries(response.headers);
  const hookSecret = headers.find(([header]) => header.toLowerCase() === 'x-hook-secret')?.[1];
  const endpoint = useStore((s) => s.endpoints.find((candidate) => candidate.id === endpointId));
  const saveEndpoint = useStore((s) => s.saveEndpoint);
  const notify = useStore((s) => s.notify);
  const reloadDetail = useStore((s) => s.reloadDetail);
  const adoptSecret = async (secret: string) => {
    if (!endpoint) return;
    try {
      // Saving re-verifies the endpoint's captures with it: the events that follow turn valid.
      await saveEndpoint(endpoint.id, { secret });
      notify('info', `“${endpoint.name}” now verifies with Asana’s X-Hook-Secret.`);
      await reloadDetail();
    } catch (error) {
      notify('error', `Could not set the secret: ${describeError(error)}`);
    }
  };
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
              <code data-testid="handshake-secret">{hookSecret}</code> <CopyButton text={hookSecret} label="Copy" />{' '}
              {endpoint && endpoint.secret !== hookSecret && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="handshake-use-secret"
                  onClick={() => void adoptSecret(hookSecret)}
                >
                  Use as endpoint secret
                </button>
              )}
              <div className="muted">
                {endpoint?.secret === hookSecret
                  ? `“${endpoint.name}” verifies with this secret.`
                  : 'Asana signs this webhook’s events with it: it must be the endpoint’s secret.'}
              </div>
            </dd>
          </div>
        )}
      </dl>
      {unsigned && (
        <p className="muted" data-testid="handshake-unsigned">
          It carries no signature: Meta’s, X’s, Dropbox’s, Asana’s and CloudEvents’ checks are not signed (Slack’s, Zoom’s, Twitch’s and
          Discord’s are).
        </p>
      )}
      {headers.length > 0 && (
        <table className={tableStyles.table} data-testid="handshake-headers">
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
