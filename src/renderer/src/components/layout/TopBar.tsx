import { useStore } from '../../store';
import type { PageId } from '../../store/navigation-slice';
import { TunnelBar } from '../tunnels/TunnelBar';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ThemePicker } from './ThemePicker';
import { cx } from '../../lib/cx';
import styles from './TopBar.module.css';

interface NavItem {
  page: PageId;
  label: string;
  ready: boolean;
}

// Later pages are listed (disabled) so the navigation does not reshuffle when they land.
const NAV_ITEMS: NavItem[] = [
  { page: 'inspector', label: 'Inspector', ready: true },
  { page: 'endpoints', label: 'Endpoints', ready: true },
  { page: 'signature-lab', label: 'Signature Lab', ready: true },
  { page: 'compose', label: 'Compose & Send', ready: true },
  { page: 'subscriptions', label: 'Subscriptions', ready: true },
];

export function TopBar() {
  const page = useStore((s) => s.page);
  const showPage = useStore((s) => s.showPage);

  return (
    <header className={styles.topbar}>
      <div className={styles.brand}>
        <span className={styles.brandMark} aria-hidden>
          ◉
        </span>
        Hookscope
      </div>
      <nav className={styles.nav} aria-label="Pages">
        {NAV_ITEMS.map((item) => (
          <button
            key={item.page}
            type="button"
            className={cx(styles.navItem, page === item.page && styles.navItemActive)}
            data-testid={`nav-${item.page}`}
            disabled={!item.ready}
            title={item.ready ? undefined : 'Coming soon'}
            onClick={() => showPage(item.page)}
          >
            {item.label}
          </button>
        ))}
      </nav>
      <div className={styles.right}>
        <TunnelBar />
        <ThemePicker />
        <ConnectionIndicator />
      </div>
    </header>
  );
}
