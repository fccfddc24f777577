import { useEffect, useRef } from 'react';

/** One context-menu entry. */
export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly isDanger?: boolean;
  readonly onSelect: () => void;
}

/** Props: where to open and what to show. */
export interface ContextMenuProps {
  readonly x: number;
  readonly y: number;
  readonly items: readonly MenuItem[];
  readonly onClose: () => void;
}

/** A keyboard-navigable menu at a point; closes on Escape, outside click or choice. */
export function ContextMenu({ x, y, items, onClose }: ContextMenuProps): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: MouseEvent): void => {
      if (ref.current !== null && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
      next?.focus();
    }
  };
  return (
    <div className="context-menu" role="menu" style={{ left: x, top: y }} ref={ref} onKeyDown={onKeyDown} data-testid="context-menu">
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className={item.isDanger === true ? 'menu-item danger' : 'menu-item'}
          onClick={() => {
            onClose();
            item.onSelect();
          }}
          data-testid={`menu-${item.id}`}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
