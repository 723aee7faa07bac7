import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TunnelProvider } from '../../../shared/api';

const FILE = 'tunnels.json';

/**
 * The last public URL each provider had, kept in the data directory across sessions: a quick
 * tunnel gets a new URL at every start while the provider's dashboard still holds the old one.
 */
export class UrlMemory {
  private last: Partial<Record<TunnelProvider, string>> = {};
  /** Per provider: the URL it had before, while it has `now`. */
  private readonly replaced = new Map<TunnelProvider, { before: string; now: string }>();

  constructor(private readonly dataDir: string) {
    try {
      const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { last_public_url?: Record<string, unknown> };
      for (const [provider, url] of Object.entries(parsed.last_public_url ?? {})) {
        if (typeof url === 'string') this.last[provider as TunnelProvider] = url;
      }
    } catch {
      // No file yet (first session) or an unreadable one: nothing to compare with.
    }
  }

  /** Records the URL a provider points here with; returns the one it replaced, if any. */
  see(provider: TunnelProvider, url: string): void {
    const before = this.last[provider];
    if (before === url) return;
    if (before !== undefined) this.replaced.set(provider, { before, now: url });
    this.last[provider] = url;
    this.save();
  }

  /** The provider's previous URL while `url` is the one that replaced it; else null. */
  previous(provider: TunnelProvider, url: string | null): string | null {
    const change = this.replaced.get(provider);
    return change && change.now === url ? change.before : null;
  }

  private save(): void {
    const file = join(this.dataDir, FILE);
    try {
      writeFileSync(`${file}.tmp`, `${JSON.stringify({ last_public_url: this.last }, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
    } catch {
      // A read-only data directory only costs the "URL changed" hint next time.
    }
  }
}
