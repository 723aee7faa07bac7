// Starting the benchmarks' servers: a child process whose stdout announces it is ready.
import { spawn } from 'node:child_process';

/** Spawns `command argv`; resolves with the child and the first match of `readyPattern` in its stdout. */
export function start(command, argv, readyPattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = readyPattern.exec(output);
      if (match) resolve({ child, match });
    });
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited with ${code}`)));
  });
}
