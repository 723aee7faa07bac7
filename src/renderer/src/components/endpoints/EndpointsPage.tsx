import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { EndpointForm } from './EndpointForm';
import { EndpointList } from './EndpointList';
import { EndpointPublicUrl } from '../tunnels/EndpointPublicUrl';
import styles from './Endpoints.module.css';

export function EndpointsPage() {
  const editingId = useStore((s) => s.editingEndpointId);
  const endpoint = useStore((s) => s.endpoints.find((item) => item.id === editingId) ?? null);
  const status = useStore((s) => s.endpointsStatus);
  const error = useStore((s) => s.endpointsError);
  const formPane = useRef<HTMLElement>(null);

  // Another endpoint's form starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    formPane.current?.scrollTo({ top: 0 });
  }, [editingId]);

  return (
    <div className={styles.endpointsPage}>
      <section className={styles.endpointListPane} aria-label="Endpoints">
        <EndpointList />
        {status === 'error' && <p className="inline-error">Could not load endpoints: {error}</p>}
      </section>
      <section className={styles.endpointFormPane} aria-label="Endpoint settings" ref={formPane}>
        {editingId === 'new' ? (
          <EndpointForm key="new" endpoint={null} />
        ) : endpoint ? (
          <>
            <EndpointPublicUrl endpoint={endpoint} />
            {/* Keyed by id and update time: a save (or a change made elsewhere) resets the draft. */}
            <EndpointForm key={`${endpoint.id}:${endpoint.updated_at}`} endpoint={endpoint} />
          </>
        ) : (
          <div className="page-message">Select an endpoint to edit it, or create a new one.</div>
        )}
      </section>
    </div>
  );
}
