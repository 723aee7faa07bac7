import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A program's path: the one an environment variable names (it must exist), else the first
 * executable of that name on PATH (with Windows' PATHEXT extensions); null when there is none.
 */
export function findBinary(name: string, env: NodeJS.ProcessEnv, override?: string): string | null {
  const named = override ? env[override]?.trim() : undefined;
  if (named) return isAbsolute(named) && executable(named) ? named : null;
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const candidate = join(dir, name + extension.toLowerCase());
      if (executable(candidate)) return candidate;
    }
  }
  return null;
}
