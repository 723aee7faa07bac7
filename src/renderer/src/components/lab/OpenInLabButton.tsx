import type { RequestDetail } from '../../../../shared/api';
import { useStore } from '../../store';

/** Loads a capture's headers, bytes, endpoint settings and received time into the Signature Lab. */
export function OpenInLabButton({ detail }: { detail: RequestDetail }) {
  const openInLab = useStore((s) => s.openInLab);
  return (
    <button
      type="button"
      className="button button-small"
      data-testid="open-in-lab"
      title="Compare signatures, try other secrets or schemes, and compute a new signature"
      onClick={() => openInLab(detail)}
    >
      Open in Signature Lab
    </button>
  );
}
