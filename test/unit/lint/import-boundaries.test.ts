import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries are lint rules (eslint.config.js): these lint real snippets as if they
 * were files of each layer, with the project's configuration, and expect the rule to fire.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

describe('import boundaries', { timeout: 30_000 }, () => {
  it('the engine may not import electron, the renderer or the CLI', async () => {
    expect(await boundaryErrors('src/main/engine/receiver/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringContaining('engine must run headless'),
    ]);
    expect(
      await boundaryErrors(
        'src/main/engine/x.ts',
        "import { useTheme } from '../../renderer/src/theme/theme-store';\nexport const a = useTheme;\n",
      ),
    ).toHaveLength(1);
    expect(await boundaryErrors('src/main/engine/x.ts', "import { EXIT } from '../cli/output';\nexport const a = EXIT;\n")).toHaveLength(1);
  });

  it('a dynamic import or a require of electron is caught too', async () => {
    expect(await boundaryErrors('src/main/engine/x.ts', "export const a = await import('electron');\n")).toEqual([
      expect.stringContaining('headless'),
    ]);
    expect(
      await boundaryErrors(
        'src/main/engine/x.ts',
        "declare const require: (id: string) => unknown;\nexport const a = require('electron');\n",
      ),
    ).toEqual([expect.stringContaining('headless')]);
    expect(await boundaryErrors('src/renderer/src/lib/x.ts', "export const a = import('electron');\n")).toHaveLength(1);
    expect(await boundaryErrors('src/main/index.ts', "export const a = await import('electron');\n")).toEqual([]);
  });

  it('the renderer may not import the engine or electron', async () => {
    expect(
      await boundaryErrors(
        'src/renderer/src/lib/x.ts',
        "import { getScheme } from '../../../main/engine/signatures/registry';\nexport const a = getScheme;\n",
      ),
    ).toEqual([expect.stringContaining('control API')]);
    expect(
      await boundaryErrors('src/renderer/src/lib/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"),
    ).toHaveLength(1);
  });

  it('shared code imports neither side', async () => {
    expect(
      await boundaryErrors(
        'src/shared/x.ts',
        "import { getScheme } from '../main/engine/signatures/registry';\nexport const a = getScheme;\n",
      ),
    ).toHaveLength(1);
  });

  it('allowed imports pass: the engine uses shared code, the shell uses electron', async () => {
    expect(
      await boundaryErrors('src/main/engine/x.ts', "import { SCHEME_IDS } from '../../shared/scheme-ids';\nexport const a = SCHEME_IDS;\n"),
    ).toEqual([]);
    expect(await boundaryErrors('src/main/index.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
