import { useState } from 'react';
import type { RequestDetail } from '../../../../shared/api';
import { captureBodyBase64 } from '../../api/body-api';
import { useStore } from '../../store';

/** Loads a capture's headers, bytes, endpoint settings and received time into the Signature Lab. */
export function OpenInLabButton({ detail }: { detail: RequestDetail }) {
  const openInLab = useStore((s) => s.openInLab);
  const notifyError = useStore((s) => s.notifyError);
  const [loading, setLoading] = useState(false);

  // A large body is not in the detail: its bytes are fetched first.
  const open = async () => {
    setLoading(true);
    try {
      openInLab(detail, await captureBodyBase64(detail));
    } catch (error) {
      notifyError('Could not load the body into the Signature Lab', error);
    } finally {
      setLoading(false);
    }
  };

  return (
    <button
      type="button"
      className="button button-small"
      data-testid="open-in-lab"
      title="Compare signatures, try other secrets or schemes, and compute a new signature"
      disabled={loading}
      onClick={() => void open()}
    >
      {loading ? 'Loading the body…' : 'Open in Signature Lab'}
    </button>
  );
}
