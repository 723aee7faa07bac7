import { vi } from 'vitest';

/**
 * Node has no EventSource and no animation frames. These stand-ins let the renderer's real live
 * bridge (api/live-bridge.ts) run in a test: an EventSource that reads GET /api/stream through
 * `fetch` (so the renderer fetch wrapper sends it to the real engine) and parses its SSE messages,
 * and requestAnimationFrame as a 16 ms timer.
 */
class FetchEventSource {
  static open = new Set<FetchEventSource>();
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly controller = new AbortController();

  constructor(readonly url: string) {
    FetchEventSource.open.add(this);
    void this.read();
  }

  private async read(): Promise<void> {
    try {
      const response = await fetch(this.url, { headers: { Accept: 'text/event-stream' }, signal: this.controller.signal });
      if (!response.ok || !response.body) throw new Error(`the stream answered ${response.status}`);
      this.onopen?.();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
        let split: number;
        while ((split = buffer.indexOf('\n\n')) !== -1) {
          const lines = buffer.slice(0, split).split('\n');
          buffer = buffer.slice(split + 2);
          const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).replace(/^ /, ''));
          if (data.length > 0) this.onmessage?.({ data: data.join('\n') });
        }
      }
    } catch {
      FetchEventSource.open.delete(this);
      if (!this.controller.signal.aborted) this.onerror?.();
    }
  }

  close(): void {
    FetchEventSource.open.delete(this);
    this.controller.abort();
  }

  /** The connection breaks (as when the engine restarts): the page sees an error, as a browser's would. */
  fail(): void {
    FetchEventSource.open.delete(this);
    this.controller.abort();
    this.onerror?.();
  }
}

export interface LiveStandIns {
  /** Breaks every open stream, as a network gap would. */
  dropStreams: () => void;
  openStreams: () => number;
}

export function installLiveStandIns(): LiveStandIns {
  vi.stubGlobal('EventSource', FetchEventSource);
  vi.stubGlobal('requestAnimationFrame', (run: (time: number) => void) => setTimeout(() => run(performance.now()), 16));
  vi.stubGlobal('cancelAnimationFrame', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  return {
    dropStreams: () => [...FetchEventSource.open].forEach((source) => source.fail()),
    openStreams: () => FetchEventSource.open.size,
  };
}
