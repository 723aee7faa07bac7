import Editor from '@monaco-editor/react';
import './setup';

interface BodyEditorProps {
  value: string;
  language: 'json' | 'plaintext';
  /** Wrap long lines (raw bodies are often one long line of JSON). */
  wordWrap: boolean;
}

/** A read-only Monaco editor sized by its container. */
export function BodyEditor({ value, language, wordWrap }: BodyEditorProps) {
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
        wordWrap: wordWrap ? 'on' : 'off',
        fontSize: 12.5,
        lineNumbersMinChars: 4,
        renderWhitespace: 'boundary',
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
