import type { ChildProcess } from 'node:child_process';

const living = new Set<ChildProcess>();

/** Synchronous, as 'exit' listeners must be: a signal is all there is time for. */
function killLiving(): void {
  for (const child of living) child.kill('SIGKILL');
}

/**
 * A tunnel process must not outlive the engine that started it: it is killed when this process
 * exits, by engine.close() or, failing that, on 'exit' (process.exit, an uncaught exception).
 * A process killed with SIGKILL runs no code, so its tunnels then keep running (see README,
 * Troubleshooting).
 */
export function killOnExit(child: ChildProcess): void {
  if (living.size === 0) process.on('exit', killLiving);
  living.add(child);
  child.once('exit', () => {
    living.delete(child);
    if (living.size === 0) process.off('exit', killLiving);
  });
}
