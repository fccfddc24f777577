import { useState } from 'react';

/** The methods offered in the picker; anything else is entered as a custom method. */
export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Props: the current method and where to report a new one. */
export interface MethodPickerProps {
  readonly method: string;
  readonly onChange: (method: string) => void;
}

/** A method select with a "Custom…" entry that reveals a text field (HTTP token characters only). */
export function MethodPicker({ method, onChange }: MethodPickerProps): React.JSX.Element {
  const isStandard = (STANDARD_METHODS as readonly string[]).includes(method);
  const [isCustom, setCustom] = useState(!isStandard);
  const [text, setText] = useState(isStandard ? '' : method);
  const showCustom = isCustom || !isStandard;
  return (
    <div className={`method-picker method-${method.toLowerCase()}`}>
      <select
        aria-label="Method"
        value={showCustom ? '__custom' : method}
        onChange={(e) => {
          if (e.target.value === '__custom') {
            setCustom(true);
            setText(method);
          } else {
            setCustom(false);
            onChange(e.target.value);
          }
        }}
        data-testid="method-picker"
      >
        {STANDARD_METHODS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
        <option value="__custom">Custom…</option>
      </select>
      {showCustom && (
        <input
          className="method-custom"
          aria-label="Custom method"
          aria-invalid={text !== '' && !TOKEN.test(text)}
          value={text}
          placeholder="METHOD"
          onChange={(e) => {
            const next = e.target.value.trim();
            setText(next);
            // Only valid tokens reach the draft, so a half-typed method never fails validation on send.
            if (TOKEN.test(next)) onChange(next);
          }}
          data-testid="method-custom"
        />
      )}
    </div>
  );
}
