import Editor from '@monaco-editor/react';
import './setup';

interface BodyEditorProps {
  value: string;
  language: 'json' | 'plaintext';
  /** The Raw view: wrap long lines (bodies are often one long line of JSON) and show spaces. */
  raw: boolean;
}

/** A read-only Monaco editor sized by its container. */
export function BodyEditor({ value, language, raw }: BodyEditorProps) {
  return (
    <Editor
      value={value}
      language={language}
      theme="hookscope-dark"
      loading={<div className="editor-loading">Loading editor…</div>}
      options={{
        readOnly: true,
        domReadOnly: true,
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
