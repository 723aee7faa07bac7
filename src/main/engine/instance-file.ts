import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from './token-file';

/**
 * The running instance's addresses, in its data directory, so `hookscope tail` finds the engine
 * without flags. It holds the control token, so it is readable by the user only (like control-token).
 */
export const INSTANCE_FILE = 'instance.json';

export interface InstanceInfo {
  ui_url: string;
  receiver_url: string;
  token: string;
  pid: number;
}

/** Writes the state file and removes it when this process exits (a crash leaves it, and readers see its pid is gone). */
export function publishInstance(engine: { dataDir: string; uiUrl: string; receiverUrl: string; token: string }): void {
  const file = join(engine.dataDir, INSTANCE_FILE);
  const info: InstanceInfo = { ui_url: engine.uiUrl, receiver_url: engine.receiverUrl, token: engine.token, pid: process.pid };
  mkdirSync(engine.dataDir, { recursive: true });
  writePrivateFile(file, `${JSON.stringify(info)}\n`);
  // 'exit' runs after a clean close in both launchers; only our own file is removed (another instance may have replaced it).
  process.once('exit', () => {
    if (readInstanceFile(engine.dataDir, () => true)?.pid === process.pid) rmSync(file, { force: true });
  });
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The running instance of `dataDir`, or null when there is no state file, it is unreadable, or its process is gone. */
export function readInstanceFile(dataDir: string, alive: (pid: number) => boolean = pidAlive): InstanceInfo | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, INSTANCE_FILE), 'utf8'));
  } catch {
    return null;
  }
  const info = parsed as Partial<InstanceInfo> | null;
  if (
    !info ||
    typeof info.ui_url !== 'string' ||
    typeof info.receiver_url !== 'string' ||
    typeof info.token !== 'string' ||
    !Number.isInteger(info.pid)
  )
    return null;
  return alive(info.pid as number) ? (info as InstanceInfo) : null;
}
