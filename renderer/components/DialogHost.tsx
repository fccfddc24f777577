import { useEffect, useRef, useState } from 'react';
import { useDialogStore } from '../state/dialog-store';

/** Renders the current modal question from the dialog store; Escape answers 'cancel', Enter the last choice. */
export function DialogHost(): React.JSX.Element | null {
  const current = useDialogStore((s) => s.current);
  const answer = useDialogStore((s) => s.answer);
  const [text, setText] = useState('');
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setText(current?.input?.initial ?? '');
    // Focus the input, else the primary (last) button, so the dialog is keyboard-usable at once.
    const box = boxRef.current;
    if (box === null) return;
    const input = box.querySelector<HTMLInputElement>('input');
    if (input !== null) {
      input.focus();
      input.select();
    } else box.querySelector<HTMLButtonElement>('.dialog-actions button:last-child')?.focus();
  }, [current]);

  if (current === undefined) return null;
  const primary = current.choices[current.choices.length - 1];
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      answer({ choice: 'cancel', text });
    } else if (e.key === 'Enter' && current.input !== undefined && primary !== undefined) {
      e.preventDefault();
      answer({ choice: primary.id, text });
    }
  };
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" ref={boxRef} onKeyDown={onKeyDown} data-testid="dialog">
        <h2 id="dialog-title">{current.title}</h2>
        {current.message !== '' && <p>{current.message}</p>}
        {current.input !== undefined && (
          <label className="field">
            <span>{current.input.label}</span>
            <input value={text} onChange={(e) => setText(e.target.value)} data-testid="dialog-input" />
          </label>
        )}
        <div className="dialog-actions">
          {current.choices.map((c) => (
            <button key={c.id} type="button" className={c.isDanger === true ? 'button danger' : c === primary ? 'button primary' : 'button'} onClick={() => answer({ choice: c.id, text })} data-testid={`dialog-${c.id}`}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
