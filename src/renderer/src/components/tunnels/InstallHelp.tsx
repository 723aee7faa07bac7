import type { TunnelInstallHelp } from '../../../../shared/api';
import { CopyButton } from '../common/CopyButton';
import styles from './Tunnels.module.css';

const PLATFORMS: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** The engine's install instructions for a missing binary (a 424 `tunnel_unavailable`), for this OS. */
export function InstallHelp({ help }: { help: TunnelInstallHelp }) {
  const platform = PLATFORMS[help.platform] ?? help.platform;
  return (
    <div className={styles.install} data-testid="tunnel-install">
      {help.command ? (
        <div className={styles.installRow}>
          <span>Install on {platform}:</span>
          <code data-testid="tunnel-install-command">{help.command}</code>
          <CopyButton text={help.command} testId="tunnel-install-copy" />
        </div>
      ) : (
        <p>
          On {platform}, install your distribution's {help.provider} package, or download it.
        </p>
      )}
      <div className={styles.installRow}>
        <span>Download:</span>
        <code data-testid="tunnel-install-url">{help.url}</code>
        <CopyButton text={help.url} />
      </div>
      <p className="muted">
        Installed somewhere outside PATH? Set <code>{help.env_var}</code> to its full path and restart Hookscope.
      </p>
    </div>
  );
}
