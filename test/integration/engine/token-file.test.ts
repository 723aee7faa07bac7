import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateToken, TOKEN_FILE } from '../../../src/main/engine/token-file';
import { makeDataDir } from '../../helpers/engine';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = makeDataDir();
  dirs.push(dir);
  return dir;
};

describe("the data directory's control token", () => {
  it('is created once, readable by the user only, and the same at the next start', () => {
    const dir = dataDir();
    const first = loadOrCreateToken(dir);
    expect(first.file).toBe(join(dir, TOKEN_FILE));
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.file, 'utf8').trim()).toBe(first.token);
    expect(loadOrCreateToken(dir).token).toBe(first.token);
  });

  it('is replaced by a new one on request', () => {
    const dir = dataDir();
    const first = loadOrCreateToken(dir).token;
    const rotated = loadOrCreateToken(dir, { rotate: true }).token;
    expect(rotated).not.toBe(first);
    expect(loadOrCreateToken(dir).token).toBe(rotated);
  });

  it('makes a file others could read private again, and replaces one that holds no usable token', () => {
    const dir = dataDir();
    const { token, file } = loadOrCreateToken(dir);
    chmodSync(file, 0o644);
    expect(loadOrCreateToken(dir).token).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, '  \n');
    const fresh = loadOrCreateToken(dir).token;
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(fresh);
  });
});
