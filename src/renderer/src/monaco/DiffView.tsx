import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { useEditorTheme } from './editor-theme';
import { useHoverFactoryRepair } from './hover-factory-repair';
import './setup';

interface DiffViewProps {
  original: string;
  modified: string;
  language: 'json' | 'plaintext';
  sideBySide: boolean;
}

/** Monaco's diff editor (part of the editor core), read-only. */
export function DiffView({ original, modified, language, sideBySide }: DiffViewProps) {
  const editorTheme = useEditorTheme();
  useHoverFactoryRepair();
  const models = useRef<MonacoEditor.IDiffEditorModel | null>(null);

  // @monaco-editor/react disposes the models before the diff widget lets go of them, which makes
  // Monaco throw ("TextModel got disposed before DiffEditorWidget model got reset"). So the
  // wrapper keeps them, and they are disposed here once the widget is gone.
  useEffect(
    () => () => {
      const current = models.current;
      setTimeout(() => {
        current?.original.dispose();
        current?.modified.dispose();
      }, 0);
    },
    [],
  );

  const handleMount: DiffOnMount = (editor) => {
    models.current = editor.getModel();
    editor.onDidChangeModel(() => (models.current = editor.getModel()));
  };

  return (
    <DiffEditor
      original={original}
      modified={modified}
      language={language}
      theme={editorTheme}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={handleMount}
      loading={<div className="editor-loading">Loading editor…</div>}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: sideBySide,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        fontSize: 12.5,
        wordWrap: 'on',
        diffWordWrap: 'on',
        ignoreTrimWhitespace: false,
        renderWhitespace: 'boundary',
        unicodeHighlight: { invisibleCharacters: true, ambiguousCharacters: true, nonBasicASCII: false },
        renderControlCharacters: true,
        stickyScroll: { enabled: false },
      }}
    />
  );
}
