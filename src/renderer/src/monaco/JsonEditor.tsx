import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { prettyPrintJson } from '../lib/pretty-json';
import { attachSchema } from './json-schemas';
import { useEditorTheme } from './editor-theme';
import { useHoverFactoryRepair } from './hover-factory-repair';
import './setup';

export interface EditorProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
}

/** What the owner of an editor can do with it (format on demand). */
export interface JsonEditorHandle {
  /** Re-indents the JSON (only whitespace moves; literals stay exact). False when it is not valid JSON. */
  format: () => boolean;
}

interface JsonEditorProps {
  /** The model's URI: one model per path, so each event type keeps its own undo history. */
  path: string;
  value: string;
  onChange: (value: string) => void;
  /** Attached to this model only; undefined for a free body. */
  schema?: { uri: string; schema: unknown };
  language?: 'json' | 'plaintext';
  onProblems?: (problems: EditorProblem[]) => void;
  onReady?: (handle: JsonEditorHandle) => void;
}

function severityOf(value: number): EditorProblem['severity'] {
  // MarkerSeverity: Hint 1, Info 2, Warning 4, Error 8.
  return value >= 8 ? 'error' : value >= 4 ? 'warning' : 'info';
}

/** An editable Monaco editor for request bodies: JSON schema validation, completion, format on demand. */
export function JsonEditor({ path, value, onChange, schema, language = 'json', onProblems, onReady }: JsonEditorProps) {
  const editorTheme = useEditorTheme();
  useHoverFactoryRepair();
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!schema) return;
    return attachSchema(path, schema.uri, schema.schema);
  }, [path, schema]);

  const format = (): boolean => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return false;
    const pretty = prettyPrintJson(model.getValue());
    if (pretty === null) return false;
    // An edit, not setValue: format stays undoable.
    editor.pushUndoStop();
    editor.executeEdits('hookscope-format', [{ range: model.getFullModelRange(), text: pretty }]);
    editor.pushUndoStop();
    return true;
  };

  const handleMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    editor.addAction({
      id: 'hookscope.format-json',
      label: 'Format JSON',
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      run: () => {
        format();
      },
    });
    onReady?.({ format });
  };

  return (
    <Editor
      path={path}
      value={value}
      language={language}
      theme={editorTheme}
      loading={<div className="editor-loading">Loading editor…</div>}
      onMount={handleMount}
      onChange={(next) => onChange(next ?? '')}
      onValidate={(markers) =>
        onProblems?.(
          markers.map((marker) => ({
            severity: severityOf(marker.severity),
            message: marker.message,
            line: marker.startLineNumber,
            column: marker.startColumn,
          })),
        )
      }
      options={{
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        fontSize: 12.5,
        lineNumbersMinChars: 3,
        tabSize: 2,
        wordWrap: 'on',
        // The body is sent byte for byte: make invisible and look-alike characters visible.
        unicodeHighlight: { invisibleCharacters: true, ambiguousCharacters: true, nonBasicASCII: false },
        renderControlCharacters: true,
        renderWhitespace: 'boundary',
        quickSuggestions: { strings: true, other: true, comments: false },
        stickyScroll: { enabled: false },
        fixedOverflowWidgets: true,
      }}
    />
  );
}
