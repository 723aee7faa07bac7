import { ConnectionBanner } from './components/layout/ConnectionBanner';
import { Notices } from './components/layout/Notices';
import { KeyboardShortcuts } from './components/keyboard/KeyboardShortcuts';
import { TopBar } from './components/layout/TopBar';
import { TunnelBanner } from './components/tunnels/TunnelBanner';
import { InspectorPage } from './components/inspector/InspectorPage';
import { EndpointsPage } from './components/endpoints/EndpointsPage';
import { ComposePage } from './components/compose/ComposePage';
import { DiffDialog } from './components/diff/DiffDialog';
import { SubscriptionsPage } from './components/subscriptions/SubscriptionsPage';
import { SignatureLabPage } from './components/lab/SignatureLabPage';
import { useStore } from './store';
import styles from './App.module.css';

export function App() {
  const page = useStore((s) => s.page);
  return (
    <div className={styles.app}>
      <TopBar />
      <ConnectionBanner />
      <TunnelBanner />
      <main className={styles.page}>
        {page === 'inspector' && <InspectorPage />}
        {page === 'endpoints' && <EndpointsPage />}
        {page === 'signature-lab' && <SignatureLabPage />}
        {page === 'compose' && <ComposePage />}
        {page === 'subscriptions' && <SubscriptionsPage />}
      </main>
      <DiffDialog />
      <Notices />
      <KeyboardShortcuts />
    </div>
  );
}
