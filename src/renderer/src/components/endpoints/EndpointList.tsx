import { CATCH_ALL_ENDPOINT_ID } from '../../../../shared/api';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './Endpoints.module.css';

export function EndpointList() {
  const endpoints = useStore((s) => s.endpoints);
  const editingId = useStore((s) => s.editingEndpointId);
  const editEndpoint = useStore((s) => s.editEndpoint);
  const schemes = useStore((s) => s.schemes);
  const keyName = (scheme: string) => (schemes.find((item) => item.id === scheme)?.key_kind === 'key_pair' ? 'public key' : 'secret');

  // Longest prefix first mirrors how the receiver picks; the catch-all naturally sorts last.
  const sorted = [...endpoints].sort((a, b) => b.path.length - a.path.length || a.path.localeCompare(b.path));

  return (
    <div className={styles.endpointList}>
      <div className="list-toolbar">
        <span className="list-count">
          {endpoints.length} {endpoints.length === 1 ? 'endpoint' : 'endpoints'}
        </span>
        <button type="button" className="button button-small button-primary" data-testid="new-endpoint" onClick={() => editEndpoint('new')}>
          New endpoint
        </button>
      </div>
      <ul>
        {sorted.map((endpoint) => (
          <li key={endpoint.id}>
            <button
              type="button"
              className={cx(styles.endpointItem, editingId === endpoint.id && styles.endpointItemActive)}
              data-testid="endpoint-item"
              data-endpoint-id={endpoint.id}
              onClick={() => editEndpoint(endpoint.id)}
            >
              <span className={styles.endpointName}>
                {endpoint.name}
                {endpoint.id === CATCH_ALL_ENDPOINT_ID && <span className="tag">catch-all</span>}
              </span>
              <span className={styles.endpointMeta}>
                <code>{endpoint.path}</code> · {endpoint.scheme} ·{' '}
                {endpoint.secret ? `${keyName(endpoint.scheme)} set` : `no ${keyName(endpoint.scheme)}`}
                {endpoint.enforce ? ' · enforcing' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
