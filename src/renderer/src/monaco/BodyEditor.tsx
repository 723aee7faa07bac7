import Editor from '@monaco-editor/react';
import { useEditorTheme } from './editor-theme';
import { useHoverFactoryRepair } from './hover-factory-repair';
import './setup';

interface BodyEditorProps {
  value: string;
  /** Snippet languages need monaco/languages imported by the caller. */
  language: 'json' | 'plaintext' | 'javascript' | 'python' | 'go' | 'java';
  /** The Raw view: wrap long lines (bodies are often one long line of JSON) and show spaces. */
  raw: boolean;
  /** Makes the editor editable; called with the whole text on every edit. */
  onChange?: (value: string) => void;
}

/** A Monaco editor sized by its container; read-only unless `onChange` is given. */
export function BodyEditor({ value, language, raw, onChange }: BodyEditorProps) {
  const editorTheme = useEditorTheme();
  useHoverFactoryRepair();
  return (
    <Editor
      value={value}
      language={language}
      theme={editorTheme}
      loading={<div className="editor-loading">Loading editor…</div>}
      onChange={onChange && ((next) => onChange(next ?? ''))}
      options={{
        readOnly: !onChange,
        domReadOnly: !onChange,
        // Editing must never rewrite bytes behind the user's back (U+2028/2029 removal prompts).
        unusualLineTerminators: 'off',
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordWrap: raw ? 'on' : 'off',
        fontSize: 12.5,
        lineNumbersMinChars: 4,
        // In Raw every space is a byte that was signed; in Pretty the indentation is ours.
        renderWhitespace: raw ? 'boundary' : 'none',
        // Invisible and look-alike characters are exactly what breaks signatures: show them.
        unicodeHighlight: { invisibleCharacters: true, ambiguousCharacters: true, nonBasicASCII: false },
        renderControlCharacters: true,
        folding: true,
        contextmenu: true,
        stickyScroll: { enabled: false },
      }}
    />
  );
}
