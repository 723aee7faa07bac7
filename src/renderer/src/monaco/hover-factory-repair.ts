import { useEffect } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api';

/**
 * Works around a Monaco bug (microsoft/monaco-editor#4612, vscode#279709): every standalone
 * editor, diff editors included, installs a global hover-delegate factory bound to its own
 * instantiation service, and nothing restores it when that editor is disposed. The next widget
 * built through it (a suggest widget, a find widget, an editor opened later) throws
 * "InstantiationService has been disposed", and React, with the error in a render, blanks the app.
 *
 * After an editor goes, one hidden editor that nobody disposes (replaced each time) is created,
 * so the factory is bound to a live service again. It costs one small editor, on close only.
 */
let keeper: monaco.editor.IStandaloneCodeEditor | null = null;

function rebindHoverFactory(): void {
  keeper?.dispose();
  // Detached: never laid out or shown; its construction is what re-installs the factory.
  keeper = monaco.editor.create(document.createElement('div'), {
    value: '',
    readOnly: true,
    automaticLayout: false,
    minimap: { enabled: false },
  });
}

/** Call in every component that shows a Monaco editor: when it unmounts, the factory is rebound. */
export function useHoverFactoryRepair(): void {
  useEffect(
    () => () => {
      // After @monaco-editor/react has disposed the editor (its cleanup runs in the same commit).
      setTimeout(rebindHoverFactory, 0);
    },
    [],
  );
}
