import { controlApi } from '../../api/control-api';
import { captureCountText, clearConfirmText } from '../../lib/history-text';
import { useStore } from '../../store';
import { ExportAllButton } from '../export/ExportAllButton';
import { ImportHarButton } from '../export/ImportHarButton';
import { FilterChips } from './FilterChips';
import { HistorySettingsButton } from './HistorySettingsDialog';
import { SearchBox } from './SearchBox';
import styles from './Inspector.module.css';

/** How many pinned captures a Clear all keeps; null when the engine cannot say. */
function countPinned(): Promise<number | null> {
  return controlApi.getRetention().then(
    (state) => state.usage.pinned,
    () => null,
  );
}

export function ListToolbar() {
  const total = useStore((s) => s.total);
  const matching = useStore((s) => s.matching);
  const filtered = useStore((s) => s.query !== '');
  const clearAll = useStore((s) => s.clearAllCaptures);

  const confirmAndClear = async () => {
    if (window.confirm(clearConfirmText(await countPinned()))) void clearAll();
  };

  return (
    <div className="list-toolbar">
      <SearchBox />
      <FilterChips />
      <div className={styles.toolbarRow}>
        <span className="list-count" data-testid="capture-count" data-filtered={filtered}>
          {captureCountText(total, matching, filtered)}
        </span>
        <span className="spacer" />
        <HistorySettingsButton />
        <ImportHarButton />
        <ExportAllButton />
        <button type="button" className="button button-small button-danger" data-testid="clear-all" onClick={() => void confirmAndClear()}>
          Clear all
        </button>
      </div>
    </div>
  );
}
