import type { BodyReply, BodyRequest, BodyResults, BodySource } from './body-protocol';
import type { BodyTab } from './body-views';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The main thread's handle on one body worker: one body, promises for its answers, terminated when done. */
export class BodyClient {
  private readonly worker = new Worker(new URL('./body.worker.ts', import.meta.url), { type: 'module', name: 'hookscope-body' });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<BodyReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result as never);
      else waiting.reject(new Error(reply.error));
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new Error(event.message || 'The body worker failed.'));
    };
  }

  private call<K extends BodyRequest['type']>(request: WithoutId<Extract<BodyRequest, { type: K }>>): Promise<BodyResults[K]> {
    if (this.disposed) return Promise.reject(new Error('The body viewer was closed.'));
    const id = this.nextId++;
    return new Promise<BodyResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  open(source: BodySource) {
    return this.call<'open'>({ type: 'open', source });
  }
  rowsInfo(tab: BodyTab, columns: number) {
    return this.call<'rows-info'>({ type: 'rows-info', tab, columns });
  }
  rows(tab: BodyTab, columns: number, from: number, count: number) {
    return this.call<'rows'>({ type: 'rows', tab, columns, from, count });
  }
  full(tab: BodyTab) {
    return this.call<'full'>({ type: 'full', tab });
  }
  copy() {
    return this.call<'copy'>({ type: 'copy' });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** Frees the worker and everything it holds. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    this.failAll(new Error('The body viewer was closed.'));
  }
}
