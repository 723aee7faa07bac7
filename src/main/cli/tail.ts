/**
 * `hookscope tail`: the last captures of a running engine, then each new one as it arrives.
 * The instance is found through its data directory's instance.json, or given with --url/--token.
 */
import type { RequestPage, RequestSummary } from '../../shared/api';
import { MAX_PAGE_LIMIT } from '../../shared/contract/schema';
import { parseArgs, parseWhole, UsageError } from './args';
import { EXIT, type Output } from './output';
import { newerThan, sseMessages, tailLine } from './tail-format';
import { apiErrorMessage, callApi, INSTANCE_FLAGS, InstanceFailure, instanceTarget, type Target } from './instance-target';

export const FLAGS = { ...INSTANCE_FLAGS, '--q': 'value', '--json': 'switch', '--limit': 'value' } as const;
/** The most one GET /api/requests lists. */
const PAGE = MAX_PAGE_LIMIT;
const MAX_BACKOFF_MS = 10_000;

/** One page of GET /api/requests; a refused query is the engine's own message (exit 2). */
async function list(to: Target, q: string | undefined, limit: number, before: number | null): Promise<RequestPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (q !== undefined) params.set('q', q);
  if (before !== null) params.set('before', String(before));
  const response = await callApi(to, `/api/requests?${params}`);
  if (response.ok) return (await response.json()) as RequestPage;
  const message = await apiErrorMessage(response);
  if (response.status === 400) throw new UsageError(`--q: ${message}`);
  throw new InstanceFailure(
    response.status === 401
      ? `the engine at ${to.url} refused the token: ${message}`
      : `the engine at ${to.url} answered ${response.status}: ${message}`,
  );
}

export async function runTail(argv: readonly string[], output: Output): Promise<number> {
  const args = parseArgs('tail', argv, FLAGS, 0);
  const limit = args.values.has('--limit') ? parseWhole('--limit', args.values.get('--limit') as string, 0, PAGE) : 10;
  const q = args.values.get('--q')?.trim() || undefined;
  try {
    return await follow(instanceTarget(args.values), q, limit, output);
  } catch (error) {
    if (!(error instanceof InstanceFailure)) throw error;
    output.error(error.message, EXIT.failed);
    return EXIT.failed;
  }
}

async function follow(to: Target, q: string | undefined, limit: number, output: Output): Promise<number> {
  let lastId = 0;
  const print = (captures: RequestSummary[]) => {
    for (const capture of captures) {
      output.result({ ...capture }, [tailLine(capture)]);
      lastId = capture.id;
    }
  };
  const first = await list(to, q, Math.max(limit, 1), null);
  if (limit > 0) print(newerThan(first.data.slice(0, limit), 0));
  // Printed or not, what exists now is history: only later captures are followed.
  lastId = Math.max(lastId, ...first.data.map((capture) => capture.id));

  // Every capture newer than the last printed that the query selects, page by page (the stream does not filter).
  const catchUp = async () => {
    const found: RequestSummary[] = [];
    let before: number | null = null;
    for (;;) {
      const page: RequestPage = await list(to, q, PAGE, before);
      found.push(...page.data.filter((capture) => capture.id > lastId));
      const oldest = page.data.at(-1);
      if (!oldest || oldest.id <= lastId || page.next_before === null) break;
      before = page.next_before;
    }
    print(newerThan(found, lastId));
  };
  // One catch-up at a time, and one more if captures arrived meanwhile.
  let running: Promise<void> | null = null;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = catchUp().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
    running.catch(() => undefined);
  };

  return new Promise<number>((resolve, reject) => {
    process.once('SIGINT', () => resolve(EXIT.ok));
    let backoff = 500;
    const connect = async (): Promise<void> => {
      try {
        const response = await fetch(`${to.url}/api/stream`, { headers: { authorization: `Bearer ${to.token}` } });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        backoff = 500;
        // Whatever arrived while (re)connecting is printed before the stream's own news.
        await catchUp();
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          const { data, rest } = sseMessages(buffer);
          buffer = rest;
          if (data.some((payload) => (JSON.parse(payload) as { type?: string }).type === 'captures')) schedule();
        }
        throw new Error('the engine closed it');
      } catch (error) {
        if (error instanceof UsageError || error instanceof InstanceFailure) {
          if (!(error instanceof InstanceFailure) || !error.message.startsWith('nothing answers')) return reject(error);
        }
        const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
        process.stderr.write(`hookscope: lost the live stream from ${to.url} (${reason}); reconnecting in ${backoff / 1000}s.\n`);
        setTimeout(() => void connect(), backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    };
    void connect();
  });
}
