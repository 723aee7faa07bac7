import { useStore } from '../../store';

/** Says loudly when the engine cannot be reached: silent staleness is worse than an error. */
export function ConnectionBanner() {
  const status = useStore((s) => s.connectionStatus);
  if (status === 'unreachable') {
    return (
      <div className="banner banner-error" role="alert" data-testid="engine-unreachable">
        Engine unreachable — retrying. Captures shown may be out of date.
      </div>
    );
  }
  if (status === 'unauthorized') {
    return (
      <div className="banner banner-error" role="alert" data-testid="engine-unauthorized">
        This session is not authorized (the engine may have restarted with a new token). Open the
        launch URL printed by Hookscope again.
      </div>
    );
  }
  return null;
}
