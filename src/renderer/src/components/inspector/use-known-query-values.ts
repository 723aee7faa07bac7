import { useEffect, useMemo } from 'react';
import type { RequestSummary } from '../../../../shared/api';
import { knownQueryValues, type ValueCandidate } from '../../lib/query-suggestions';
import { useStore } from '../../store';

const NO_ROWS: RequestSummary[] = [];

/**
 * Endpoints, event types and schemes to complete `endpoint:`, `event:` and `scheme:` with. Reads
 * the loaded rows only while `active`, so the box does not re-render for every live capture.
 */
export function useKnownQueryValues(active: boolean): Record<string, ValueCandidate[]> {
  const endpoints = useStore((s) => s.endpoints);
  const schemes = useStore((s) => s.schemes);
  const catalog = useStore((s) => s.eventTypes);
  const catalogStatus = useStore((s) => s.eventTypesStatus);
  const loadEventTypes = useStore((s) => s.loadEventTypes);
  const rows = useStore((s) => (active ? s.captures : NO_ROWS));

  useEffect(() => {
    if (active && catalogStatus === 'idle') void loadEventTypes();
  }, [active, catalogStatus, loadEventTypes]);

  return useMemo(() => {
    const seen = new Set<string>();
    for (const row of rows) if (row.event !== null) seen.add(row.event);
    const eventTypes = [...catalog.map((info) => info.type), ...seen];
    return knownQueryValues({ endpoints, eventTypes, schemes });
  }, [endpoints, schemes, catalog, rows]);
}
