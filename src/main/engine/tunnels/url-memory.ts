import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TunnelProvider } from '../../../shared/api';

const FILE = 'tunnels.json';
type Urls = Partial<Record<TunnelProvider, string[]>>;

/**
 * The public URLs that pointed here, per provider, kept in the data directory across sessions: a
 * quick tunnel gets a new URL at every start while the provider's dashboard still holds the old
 * one. A provider may have several tunnels at once (two ngrok tunnels), so each session keeps
 * the set it saw, and this session's URLs are compared with the last session's set.
 */
export class UrlMemory {
  /** The last session's URLs (the last one that saw any, per provider): read once, never changed. */
  private readonly before: Urls = {};
  /** This session's URLs, in the order they were first seen. */
  private readonly now: Urls = {};

  constructor(private readonly dataDir: string) {
    try {
      const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as {
        public_urls?: Record<string, unknown>;
        last_public_url?: Record<string, unknown>;
      };
      for (const [provider, urls] of Object.entries(parsed.public_urls ?? {})) {
        if (Array.isArray(urls)) this.before[provider as TunnelProvider] = urls.filter((url): url is string => typeof url === 'string');
      }
      // The file of earlier versions: one URL per provider.
      for (const [provider, url] of Object.entries(parsed.last_public_url ?? {})) {
        if (typeof url === 'string') this.before[provider as TunnelProvider] ??= [url];
      }
    } catch {
      // No file yet (first session) or an unreadable one: nothing to compare with.
    }
  }

  /** Records that the provider points here with `url`; the file is written only when this session's set grows. */
  see(provider: TunnelProvider, url: string): void {
    const urls = this.now[provider] ?? [];
    if (urls.includes(url)) return;
    this.now[provider] = [...urls, url];
    this.save();
  }

  /**
   * The last session's URL that `url` replaced: this session's new URLs (absent last session)
   * are paired in order with the last session's URLs this session has not seen. Null for a URL
   * the last session had too, or when nothing is left to pair with.
   */
  previous(provider: TunnelProvider, url: string | null): string | null {
    const before = this.before[provider] ?? [];
    if (url === null || before.includes(url)) return null;
    const now = this.now[provider] ?? [];
    const fresh = now.filter((candidate) => !before.includes(candidate));
    const gone = before.filter((candidate) => !now.includes(candidate));
    const index = fresh.indexOf(url);
    return index < 0 ? null : (gone[index] ?? null);
  }

  private save(): void {
    const file = join(this.dataDir, FILE);
    try {
      // Providers this session did not see keep the URLs of the session that did.
      writeFileSync(`${file}.tmp`, `${JSON.stringify({ public_urls: { ...this.before, ...this.now } }, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
    } catch {
      // A read-only data directory only costs the "URL changed" hint next time.
    }
  }
}
