/**
 * Bundles Monaco locally and hands it to @monaco-editor/react, which otherwise downloads Monaco
 * from a CDN — blocked by our CSP (script-src 'self') and impossible offline.
 *
 * Only the editor core, the JSON language and the few editor features a read-only viewer needs
 * are imported: the full `monaco-editor` entry adds every language and the 11 MB TypeScript
 * worker (~24 MB output instead of ~9 MB).
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
// The JSON language mode (loaded lazily on the first JSON model) imports this module, which
// registers the editor contributions and their services. Registered late, after an editor has
// initialised the service collection, the next editor fails with "depends on UNKNOWN service
// ICodeLensCache". Importing it up front registers everything before any editor exists; it
// costs nothing extra since the JSON view loads it anyway.
import 'monaco-editor/internal/common/workers';
import 'monaco-editor/languages/features/json/register';
// Since monaco-editor 0.56 the package exports map `./*` to `./esm/vs/*.js`, so these are the
// worker entry points; `?worker` makes Vite emit them as same-origin files (CSP worker-src 'self').
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

// The editor colours sit between the page's --bg and --bg-raised (styles/tokens.css) in each theme,
// so an editor reads as a sunken panel; editor-theme.ts picks one of the two for every editor.
monaco.editor.defineTheme('hookscope-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#11151c',
    'editor.lineHighlightBackground': '#161c26',
    'editorGutter.background': '#11151c',
  },
});

monaco.editor.defineTheme('hookscope-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#fbfcfd',
    'editor.lineHighlightBackground': '#eef2f6',
    'editorGutter.background': '#fbfcfd',
  },
});

// The cast bridges the core API's type to the full package type the loader declares; the
// runtime object is the same standalone API.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });
