import { useMemo } from 'react';
import { labSchemeInfo, type LabSchemeInfo } from '../../lib/lab-scheme';
import { useStore } from '../../store';

/** The scheme in use, built-in or custom, recomputed only when it changes. */
export function useLabScheme(): LabSchemeInfo {
  const scheme = useStore((s) => s.labInputs.scheme);
  const custom = useStore((s) => s.labInputs.custom);
  const schemes = useStore((s) => s.schemes);
  return useMemo(() => labSchemeInfo(scheme, custom, schemes), [scheme, custom, schemes]);
}
