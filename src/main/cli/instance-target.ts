/**
 * Finding a running Hookscope (the app or `serve`) for the commands that talk to its control API
 * (tail, replay): its data directory's instance.json, or --url and --token given by hand.
 */
import { defaultDataDir } from '../engine/data-dir';
import { readInstanceFile } from '../engine/instance-file';
import { UsageError } from './args';

/** The flags that say which instance to talk to. */
export const INSTANCE_FLAGS = { '--data-dir': 'value', '--url': 'value', '--token': 'value' } as const;

/** Not a usage mistake, but the command cannot go on (no instance, a refused token): one sentence, exit 1. */
export class InstanceFailure extends Error {}

export interface Target {
  url: string;
  token: string;
}

export function instanceTarget(values: ReadonlyMap<string, string>): Target {
  const url = values.get('--url');
  const token = values.get('--token');
  if ((url === undefined) !== (token === undefined))
    throw new UsageError(
      '--url and --token go together: give both (the UI URL and the API token serve printed), or neither to find the running instance.',
    );
  if (url !== undefined && token !== undefined) {
    if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be the engine's http URL (e.g. http://127.0.0.1:5174); got "${url}".`);
    return { url: url.replace(/\/+$/, ''), token };
  }
  const dataDir = values.get('--data-dir') ?? defaultDataDir();
  const found = readInstanceFile(dataDir);
  if (!found) {
    throw new InstanceFailure(
      `no running Hookscope found for the data directory ${dataDir}: start one with \`hookscope serve\` (or open the app), or pass --url and --token.`,
    );
  }
  return { url: found.ui_url.replace(/\/+$/, ''), token: found.token };
}

/** One call to the control API with the token; a network failure is an InstanceFailure. */
export async function callApi(to: Target, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  try {
    return await fetch(`${to.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${to.token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    throw new InstanceFailure(
      `nothing answers at ${to.url} (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}); is the engine running?`,
    );
  }
}

/** The message of an API error answer (`{"error":{"message":...}}`), else its status. */
export async function apiErrorMessage(response: Response): Promise<string> {
  const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return parsed?.error?.message ?? `HTTP ${response.status}`;
}
