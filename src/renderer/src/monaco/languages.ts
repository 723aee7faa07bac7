/**
 * Syntax highlighting for the verification snippets: only Monaco's small Monarch tokenizers
 * (a few KB each, loaded on first use), not the language services or their workers. Since
 * monaco-editor 0.56 the package exports map `./*` to `./esm/vs/*.js`.
 */
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/go/register';
import 'monaco-editor/languages/definitions/java/register';
