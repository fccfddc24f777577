import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { Compartment, EditorState } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { html } from '@codemirror/lang-html';
import { linter, lintGutter } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** Languages the editor knows. */
export type CodeLanguage = 'json' | 'xml' | 'html' | 'text';

/** Props of the CodeMirror 6 wrapper. */
export interface CodeEditorProps {
  readonly value: string;
  readonly language: CodeLanguage;
  readonly isReadOnly?: boolean;
  readonly onChange?: (value: string) => void;
  readonly testId?: string;
  readonly ariaLabel: string;
}

function languageExtension(language: CodeLanguage, isReadOnly: boolean): Extension {
  switch (language) {
    case 'json':
      return isReadOnly ? json() : [json(), linter(jsonParseLinter()), lintGutter()];
    case 'xml':
      return xml();
    case 'html':
      return html();
    case 'text':
      return [];
  }
}

const baseTheme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--code-font-size)', backgroundColor: 'var(--bg-input)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-panel)', color: 'var(--fg-muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--bg-hover)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)' },
  '&.cm-focused': { outline: '2px solid var(--focus)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--selection) !important' },
});

// Colours come from CSS variables so one style serves both themes.
const themedHighlight = HighlightStyle.define([
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syn-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--syn-number)' },
  { tag: [tags.propertyName, tags.attributeName], color: 'var(--syn-property)' },
  { tag: [tags.tagName, tags.keyword], color: 'var(--syn-keyword)' },
  { tag: [tags.comment, tags.meta], color: 'var(--fg-muted)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

/** A CodeMirror 6 editor that follows `value` and reports edits; read-only views get folding and search too. */
export function CodeEditor({ value, language, isReadOnly = false, onChange, testId, ariaLabel }: CodeEditorProps): React.JSX.Element {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return undefined;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          baseTheme,
          syntaxHighlighting(themedHighlight),
          EditorView.lineWrapping,
          EditorState.readOnly.of(isReadOnly),
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
          languageSlot.current.of(languageExtension(language, isReadOnly)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The view is created once per mount; value and language are synced below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isReadOnly]);

  useEffect(() => {
    const view = viewRef.current;
    if (view === null) return;
    const current = view.state.doc.toString();
    // Streaming bodies only grow: append the new tail instead of replacing the document.
    if (value.length > current.length && value.startsWith(current)) {
      view.dispatch({ changes: { from: current.length, insert: value.slice(current.length) } });
      return;
    }
    if (current !== value) view.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: languageSlot.current.reconfigure(languageExtension(language, isReadOnly)) });
  }, [language, isReadOnly]);

  return <div className="code-editor" ref={hostRef} data-testid={testId} />;
}
