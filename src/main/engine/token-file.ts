import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The control API token of the headless mode, next to the history it guards. */
export const TOKEN_FILE = 'control-token';

export const newToken = (): string => randomBytes(24).toString('base64url');

/**
 * The data directory's control token: read from its file, or created there (readable by the user
 * only) when there is none or `rotate` asks for a new one. One token per data directory means a
 * browser tab still holds a valid token after the engine restarts.
 */
export function loadOrCreateToken(dataDir: string, options: { rotate?: boolean } = {}): { token: string; file: string } {
  const file = join(dataDir, TOKEN_FILE);
  if (!options.rotate) {
    const existing = readToken(file);
    if (existing !== null) {
      // A file made readable to others (a copy, an editor) is made private again: it is a password.
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return { token: existing, file };
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const token = newToken();
  writePrivateFile(file, `${token}\n`);
  return { token, file };
}

/** Writes `text` readable by the user only, aside and renamed: a crash never leaves a half-written file behind. */
export function writePrivateFile(file: string, text: string): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/** The token in `file`, or null when there is no file or it holds no usable token. */
function readToken(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const token = text.trim();
  return token.length >= 16 && !/\s/.test(token) ? token : null;
}
