import { SHORTCUTS } from '../../lib/shortcuts';
import { Modal } from '../common/Modal';
import styles from './ShortcutsDialog.module.css';

/** Every shortcut, from the same table the handler matches keys with. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog">
      <table className={styles.table}>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id} data-testid="shortcut-row" data-shortcut={shortcut.id}>
              <th scope="row">
                {shortcut.labels.map((label, index) => (
                  <span key={label}>
                    {index > 0 && <span className={styles.or}> or </span>}
                    <kbd>{label}</kbd>
                  </span>
                ))}
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        Not while typing in a field or an editor. Inspector shortcuts act on the selected capture; arrows, Home and End scroll the detail
        when it has the focus.
      </p>
    </Modal>
  );
}
